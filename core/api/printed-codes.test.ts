import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePrintedCode, printedCodeUrl, receiptCodeText, type PrintedCode } from './printed-codes';

const PAGE = 'https://zwfw.example.gov.cn/anqiu/progress';
const LOCAL = '9f1c2b3a-1111-4222-8333-444455556666';

describe('printed codes: one scheme for receipts, tickets and appointment slips', () => {
  it('prints each kind as the page with one parameter', () => {
    expect(printedCodeUrl(PAGE, { kind: 'case', caseNo: 'AQ-20261121-0001' })).toBe(`${PAGE}?case=AQ-20261121-0001`);
    expect(printedCodeUrl(PAGE, { kind: 'localRef', localRef: LOCAL })).toBe(`${PAGE}?ref=${LOCAL}`);
    expect(printedCodeUrl(`${PAGE}/`, { kind: 'ticket', ticketId: 'TK-20261121-0012' })).toBe(
      `${PAGE}/?ticket=TK-20261121-0012`,
    );
    expect(printedCodeUrl(PAGE, { kind: 'appointment', appointmentId: 'AP-20261121-0007' })).toBe(
      `${PAGE}?appointment=AP-20261121-0007`,
    );
    expect(receiptCodeText(null, { kind: 'case', caseNo: 'AQ-1234567' })).toBe('AQ-1234567');
  });

  it('reads the page address back, and refuses other pages, extra or unknown parameters and bad values', () => {
    expect(parsePrintedCode(` ${PAGE}?case=AQ-20261121-0001\r\n`, PAGE)).toEqual({
      kind: 'case',
      caseNo: 'AQ-20261121-0001',
    });
    expect(parsePrintedCode(`${PAGE}/?ref=${LOCAL.toUpperCase()}`, PAGE)).toEqual({
      kind: 'localRef',
      localRef: LOCAL,
    });
    // A scanner set to upper case.
    expect(parsePrintedCode('HTTPS://ZWFW.EXAMPLE.GOV.CN/ANQIU/PROGRESS?TICKET=TK-20261121-0012', PAGE)).toEqual({
      kind: 'ticket',
      ticketId: 'TK-20261121-0012',
    });
    expect(parsePrintedCode('https://pay.example.com/anqiu/progress?case=AQ-20261121-0001', PAGE)).toBeNull();
    expect(parsePrintedCode(`http://zwfw.example.gov.cn/anqiu/progress?case=AQ-20261121-0001`, PAGE)).toBeNull();
    expect(parsePrintedCode(`${PAGE}/other?case=AQ-20261121-0001`, PAGE)).toBeNull();
    expect(parsePrintedCode(`${PAGE}?case=AQ-20261121-0001&utm=x`, PAGE)).toBeNull();
    expect(parsePrintedCode(`${PAGE}?case=<script>`, PAGE)).toBeNull();
    expect(parsePrintedCode(`${PAGE}?ref=not-a-uuid`, PAGE)).toBeNull();
    expect(parsePrintedCode(`${PAGE}?case=${LOCAL}`, PAGE)).toBeNull();
    expect(parsePrintedCode(`${PAGE}?case=AQ-20261121-0001`, null)).toBeNull();
    expect(parsePrintedCode('not a url at all', PAGE)).toBeNull();
  });

  it('still reads receipts printed with the bmkiosk: text, and bare numbers', () => {
    expect(parsePrintedCode('bmkiosk:progress:AQ-20261121-0001', PAGE)).toEqual({
      kind: 'case',
      caseNo: 'AQ-20261121-0001',
    });
    expect(parsePrintedCode(`BMKIOSK:PROGRESS:${LOCAL.toUpperCase()}`, null)).toEqual({
      kind: 'localRef',
      localRef: LOCAL,
    });
    expect(parsePrintedCode('AQ-20261121-0001', null)).toEqual({ kind: 'case', caseNo: 'AQ-20261121-0001' });
    expect(parsePrintedCode('bmkiosk:progress:', PAGE)).toBeNull();
  });

  it('reads back whatever it printed (property)', () => {
    const id = fc.stringMatching(/^[0-9A-Za-z][0-9A-Za-z-]{5,30}$/);
    const code: fc.Arbitrary<PrintedCode> = fc.oneof(
      id.filter((v) => !/^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(v)).map((caseNo) => ({ kind: 'case' as const, caseNo })),
      fc.uuid().map((localRef) => ({ kind: 'localRef' as const, localRef })),
      id.map((ticketId) => ({ kind: 'ticket' as const, ticketId })),
      id.map((appointmentId) => ({ kind: 'appointment' as const, appointmentId })),
    );
    const page = fc.constantFrom(PAGE, `${PAGE}/`, 'https://bm.example.gov.cn/', 'https://x.example.cn:8443/a/b');
    fc.assert(
      fc.property(code, page, (printed, base) => {
        expect(parsePrintedCode(printedCodeUrl(base, printed), base)).toEqual(printed);
      }),
    );
  });
});

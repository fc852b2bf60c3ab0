import { describe, expect, it } from 'vitest';
import { parseProgressReference } from './reference';

const PAGE = 'https://zwfw.example.gov.cn/anqiu/progress';

describe('parseProgressReference', () => {
  it('reads a typed 办件编号', () => {
    expect(parseProgressReference(' AQ-20261121-0001 ', PAGE)).toEqual({ kind: 'caseNo', caseNo: 'AQ-20261121-0001' });
  });

  it("reads the receipt's QR: the progress page's address with the case number or the local reference", () => {
    expect(parseProgressReference(`${PAGE}?case=AQ-20261121-0001`, PAGE)).toEqual({
      kind: 'caseNo',
      caseNo: 'AQ-20261121-0001',
    });
    expect(parseProgressReference(`${PAGE}?ref=9F1C2B3A-1111-4222-8333-444455556666`, PAGE)).toEqual({
      kind: 'localRef',
      localRef: '9f1c2b3a-1111-4222-8333-444455556666',
    });
  });

  it('still reads receipts printed with the bmkiosk: text, whatever the scanner’s case', () => {
    expect(parseProgressReference('bmkiosk:progress:AQ-20261121-0001', PAGE)).toEqual({
      kind: 'caseNo',
      caseNo: 'AQ-20261121-0001',
    });
    expect(parseProgressReference('BMKIOSK:PROGRESS:9F1C2B3A-1111-4222-8333-444455556666', null)).toEqual({
      kind: 'localRef',
      localRef: '9f1c2b3a-1111-4222-8333-444455556666',
    });
  });

  it('takes a bare UUID as a local reference, not as a case number', () => {
    expect(parseProgressReference('9f1c2b3a-1111-4222-8333-444455556666', PAGE).kind).toBe('localRef');
  });

  it('refuses anything else: other sites, tickets and slips, empty codes', () => {
    expect(parseProgressReference('bmkiosk:progress:', PAGE).kind).toBe('invalid');
    expect(parseProgressReference('https://example.com/x', PAGE)).toEqual({ kind: 'invalid' });
    expect(parseProgressReference(`${PAGE}?ticket=TK-20261121-0012`, PAGE)).toEqual({ kind: 'invalid' });
    expect(parseProgressReference(`${PAGE}?case=AQ-20261121-0001`, null)).toEqual({ kind: 'invalid' });
    expect(parseProgressReference('办件 123456', PAGE)).toEqual({ kind: 'invalid' });
  });
});

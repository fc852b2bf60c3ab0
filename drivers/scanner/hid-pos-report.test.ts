import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createHidPosAssembler,
  HID_POS_DATA_CAPACITY,
  hidPosReportsOf,
  readHidPosReport,
  type HidPosFraming,
} from './hid-pos-report';
import type { ScanOutcome } from './scan';
import { scanText } from './testing/arbitraries';

const FRAMING: HidPosFraming = { encoding: 'utf-8', maxBytes: 2048, interReportTimeoutMs: 100 };
const bytes = (text: string) => new TextEncoder().encode(text);
const texts = (outcomes: readonly ScanOutcome[]) =>
  outcomes.map((o) => (o.kind === 'scan' ? `${o.scan.symbology}:${o.scan.text}` : `rejected:${o.reason}`));

/** A scanned data report as a Honeywell scanner sends it (HID POS layout, 64 bytes). */
function report(data: string, options: { aim?: string; continued?: boolean; count?: number } = {}): Uint8Array {
  const r = new Uint8Array(64);
  const payload = bytes(data);
  r[0] = 0x02;
  r[1] = options.count ?? payload.length;
  r.set(bytes(options.aim ?? ']Q1'), 2);
  r.set(payload, 5);
  r[61] = 0x73; // Honeywell Code ID 's' (QR): vendor bytes are ignored
  r[63] = options.continued ? 0x01 : 0x00;
  return r;
}

describe('HID POS scanned data reports', () => {
  it('reads the byte count, the AIM identifier, the data and the continued flag', () => {
    expect(readHidPosReport(report('AQ-1', { continued: true }))).toEqual({
      aim: ']Q1',
      data: bytes('AQ-1'),
      continued: true,
    });
    // Trigger (4) and other reports are not scanned data.
    expect(readHidPosReport(Uint8Array.of(0x04, 0x01))).toBeNull();
    expect(readHidPosReport(report('x', { count: 57 }))).toBe('malformed');
    expect(readHidPosReport(Uint8Array.of(0x02, 10, 0x5d, 0x51, 0x31, 0x41))).toBe('malformed');
  });

  it('joins continued reports into one read with the first report’s symbology', () => {
    const assembler = createHidPosAssembler(FRAMING);
    const long = `https://zwfw.example.gov.cn/anqiu/progress?ref=${'9f1c2b3a-1111-4222-8333-444455556666'}`;
    const reports = hidPosReportsOf(bytes(long));
    expect(reports).toHaveLength(2);
    expect(assembler.push(reports[0]!, 0)).toEqual([]);
    expect(texts(assembler.push(reports[1]!, 1))).toEqual([`qr:${long}`]);
    expect(texts(assembler.push(report('0123456789', { aim: ']C0' }), 2))).toEqual(['code128:0123456789']);
  });

  it('refuses a read whose last report never comes, and a malformed report', () => {
    const assembler = createHidPosAssembler(FRAMING);
    assembler.push(report('AQ-', { continued: true }), 0);
    expect(assembler.nextDeadline()).toBe(100);
    expect(texts(assembler.flush(100))).toEqual(['rejected:incomplete']);
    assembler.push(report('AQ-', { continued: true }), 200);
    expect(texts(assembler.push(report('x', { count: 60 }), 201))).toEqual(['rejected:malformedReport']);
    expect(texts(assembler.push(report('AQ-2'), 202))).toEqual(['qr:AQ-2']);
  });

  it('refuses a read past the maximum and drops the rest of it', () => {
    const assembler = createHidPosAssembler({ ...FRAMING, maxBytes: 60 });
    const reports = hidPosReportsOf(bytes('x'.repeat(150)));
    expect(texts(reports.flatMap((r, i) => assembler.push(r, i)))).toEqual(['rejected:tooLong']);
    expect(texts(assembler.push(report('AQ-3'), 10))).toEqual(['qr:AQ-3']);
  });

  it('turns any sequence of reads back into the same reads (property)', () => {
    fc.assert(
      fc.property(fc.array(scanText(120), { minLength: 1, maxLength: 6 }), (reads) => {
        const assembler = createHidPosAssembler(FRAMING);
        const reports = reads.flatMap((text) => hidPosReportsOf(bytes(text)));
        for (const r of reports) {
          expect(r).toHaveLength(64);
          expect(r[1]).toBeLessThanOrEqual(HID_POS_DATA_CAPACITY);
        }
        const out = reports.flatMap((r, i) => assembler.push(r, i));
        expect(texts(out)).toEqual(reads.map((text) => `qr:${text}`));
      }),
    );
  });

  it('never throws on random reports and resyncs at the next whole read (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 70 }), { maxLength: 20 }), scanText(40), (noise, good) => {
        const assembler = createHidPosAssembler({ ...FRAMING, maxBytes: 100 });
        for (const [i, r] of noise.entries()) {
          for (const outcome of assembler.push(r, i)) {
            if (outcome.kind === 'scan') expect(bytes(outcome.scan.text).length).toBeLessThanOrEqual(100);
          }
        }
        // A pending continued read from the noise is refused when the gap passes; then a whole read comes out.
        const later = noise.length + 1_000;
        assembler.flush(later);
        expect(texts(assembler.push(report(good.slice(0, 18)), later))).toEqual([`qr:${good.slice(0, 18)}`]);
      }),
    );
  });
});

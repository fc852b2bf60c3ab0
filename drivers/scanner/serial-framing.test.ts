import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ScanOutcome } from './scan';
import { createSerialScanAssembler, suffixBytes, type SerialFraming } from './serial-framing';
import { chunked, scanText } from './testing/arbitraries';

const FRAMING: SerialFraming = {
  suffix: 'CR',
  prefix: '',
  encoding: 'utf-8',
  maxBytes: 2048,
  interCharacterTimeoutMs: 100,
};
const bytes = (text: string) => new TextEncoder().encode(text);
const texts = (outcomes: readonly ScanOutcome[]) =>
  outcomes.map((o) => (o.kind === 'scan' ? o.scan.text : `rejected:${o.reason}`));

describe('serial scanner framing', () => {
  it('ends a read at its suffix, whatever the chunking', () => {
    const assembler = createSerialScanAssembler(FRAMING);
    expect(assembler.push(bytes('https://zwfw.example.gov.cn/p?case=AQ-2026'), 0)).toEqual([]);
    expect(texts(assembler.push(bytes('1121-0001\rAQ-'), 1))).toEqual([
      'https://zwfw.example.gov.cn/p?case=AQ-20261121-0001',
    ]);
    expect(assembler.nextDeadline()).toBe(101);
    expect(texts(assembler.push(bytes('9\r'), 2))).toEqual(['AQ-9']);
    expect(assembler.nextDeadline()).toBeNull();
  });

  it('ends a read without a suffix after the inter-character gap', () => {
    const assembler = createSerialScanAssembler({ ...FRAMING, suffix: 'none' });
    expect(assembler.push(bytes('AQ-2026'), 0)).toEqual([]);
    expect(assembler.push(bytes('1121'), 60)).toEqual([]);
    expect(assembler.flush(159)).toEqual([]);
    expect(texts(assembler.flush(160))).toEqual(['AQ-20261121']);
    // A byte after a gap first ends what came before it.
    assembler.push(bytes('one'), 1000);
    expect(texts(assembler.push(bytes('two'), 1200))).toEqual(['one']);
  });

  it('strips the configured prefix and drops noise before it', () => {
    const assembler = createSerialScanAssembler({ ...FRAMING, prefix: '\u0002' });
    expect(texts(assembler.push(Uint8Array.of(0xff, 0x00, 0x02, ...bytes('AQ-1'), 0x0d), 0))).toEqual(['AQ-1']);
    expect(texts(assembler.push(bytes('AQ-2\r'), 1))).toEqual(['rejected:missingPrefix']);
  });

  it('reads a CRLF scanner set up as CR, and a CR scanner set up as CRLF (by the gap)', () => {
    const crlfAsCr = createSerialScanAssembler(FRAMING);
    expect(texts(crlfAsCr.push(bytes('A-1\r\nB-2\r\n'), 0))).toEqual(['A-1', 'B-2']);
    expect(crlfAsCr.flush(1000)).toEqual([]);
    const crAsCrlf = createSerialScanAssembler({ ...FRAMING, suffix: 'CRLF' });
    expect(crAsCrlf.push(bytes('A-1\r'), 0)).toEqual([]);
    expect(texts(crAsCrlf.flush(100))).toEqual(['A-1']);
  });

  it('decodes GBK when set to, and refuses bytes invalid in the encoding', () => {
    const gbk = createSerialScanAssembler({ ...FRAMING, encoding: 'gbk' });
    expect(texts(gbk.push(Uint8Array.of(...iconv.encode('安丘市便民服务站', 'gbk'), 0x0d), 0))).toEqual([
      '安丘市便民服务站',
    ]);
    expect(texts(gbk.push(Uint8Array.of(0x41, 0xff, 0x42, 0x0d), 1))).toEqual(['rejected:undecodable']);
    const utf8 = createSerialScanAssembler(FRAMING);
    expect(texts(utf8.push(Uint8Array.of(0xc4, 0xe3, 0x0d), 0))).toEqual(['rejected:undecodable']);
    expect(texts(utf8.push(Uint8Array.of(0x41, 0x07, 0x42, 0x0d), 1))).toEqual(['rejected:controlCharacters']);
  });

  it('refuses a read past the maximum once, drops the rest of it, and reads the next one', () => {
    const assembler = createSerialScanAssembler({ ...FRAMING, maxBytes: 8 });
    expect(texts(assembler.push(bytes('0123456789ABCDEF'), 0))).toEqual(['rejected:tooLong']);
    expect(assembler.push(bytes('still noise'), 1)).toEqual([]);
    expect(texts(assembler.push(bytes('\rAQ-1\r'), 2))).toEqual(['AQ-1']);
    // Without a suffix the gap ends the dropping.
    const gapped = createSerialScanAssembler({ ...FRAMING, suffix: 'none', maxBytes: 8 });
    expect(texts(gapped.push(bytes('0123456789ABCDEF'), 0))).toEqual(['rejected:tooLong']);
    expect(gapped.flush(100)).toEqual([]);
    gapped.push(bytes('AQ-1'), 200);
    expect(texts(gapped.flush(300))).toEqual(['AQ-1']);
  });

  it('turns any framed sequence of reads, chunked anyhow, back into the same reads (property)', () => {
    fc.assert(
      fc.property(
        fc.array(scanText(), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('CR', 'CRLF', 'LF', 'TAB') as fc.Arbitrary<SerialFraming['suffix']>,
        fc.constantFrom('', '\u0002', '#!'),
        fc.constantFrom('utf-8', 'gbk') as fc.Arbitrary<SerialFraming['encoding']>,
        fc.nat(),
        (reads, suffix, prefix, encoding, seed) => {
          const framing = { ...FRAMING, suffix, prefix, encoding };
          const encode = (text: string) =>
            encoding === 'gbk' ? Uint8Array.from(iconv.encode(text, 'gbk')) : new TextEncoder().encode(text);
          const wire = Uint8Array.from(
            reads.flatMap((text) => [...encode(prefix), ...encode(text), ...suffixBytes(suffix)]),
          );
          const parts = fc.sample(chunked(wire), { numRuns: 1, seed })[0] ?? [wire];
          const assembler = createSerialScanAssembler(framing);
          const out = parts.flatMap((part, i) => assembler.push(part, i));
          expect(texts(out)).toEqual(reads);
          expect(assembler.nextDeadline()).toBeNull();
        },
      ),
    );
  });

  it('ends reads without a suffix by their gaps (property)', () => {
    fc.assert(
      fc.property(fc.array(scanText(), { minLength: 1, maxLength: 6 }), (reads) => {
        const assembler = createSerialScanAssembler({ ...FRAMING, suffix: 'none' });
        const out: ScanOutcome[] = [];
        reads.forEach((text, i) => out.push(...assembler.push(bytes(text), i * 1000)));
        out.push(...assembler.flush(reads.length * 1000));
        expect(texts(out)).toEqual(reads);
      }),
    );
  });

  it('never throws on noise, never hands over a read with control characters or past the maximum, and resyncs (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 20 }), scanText(20), (noise, good) => {
        const assembler = createSerialScanAssembler({ ...FRAMING, maxBytes: 32 });
        const out = noise.flatMap((chunk, i) => assembler.push(chunk, i));
        for (const outcome of out) {
          if (outcome.kind !== 'scan') continue;
          const controls = [...outcome.scan.text].filter((c) => c !== '\t' && (c < ' ' || c === '\u007f'));
          expect(controls).toEqual([]);
          expect(new TextEncoder().encode(outcome.scan.text).length).toBeLessThanOrEqual(32);
        }
        // After a suffix, the next good read comes out whole whatever came before.
        assembler.push(Uint8Array.of(0x0d), noise.length);
        expect(texts(assembler.push(Uint8Array.of(...bytes(good), 0x0d), noise.length + 1))).toEqual([good]);
      }),
    );
  });
});

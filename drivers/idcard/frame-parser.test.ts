import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFrameParser } from './frame-parser';
import { createFrameStream, type Scheduler } from './frame-stream';
import { encodeResponse, HEADER_BYTES, MAX_FRAME_LENGTH, xorChecksum } from './protocol';

const MAX_BUFFERED = HEADER_BYTES + MAX_FRAME_LENGTH - 1;
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
/** Random bytes that can never complete a preamble on their own (no 0x69), so a test cannot flake. */
const noSync = (bytes: Uint8Array) => bytes.map((b) => (b === 0x69 ? 0x68 : b));

const responseFrame = fc
  .record({
    sw3: fc.integer({ min: 0, max: 255 }),
    data: fc.uint8Array({ maxLength: 64 }).map(noSync),
  })
  .map((r) => encodeResponse(r));
const garbage = fc.uint8Array({ maxLength: 40 }).map(noSync);

/** Splits `bytes` at the given (sorted, deduplicated) cut points. */
function cut(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    chunks.push(bytes.subarray(from, p));
    from = p;
  }
  return chunks;
}

function feed(chunks: Uint8Array[], expireAtEnd = true): Uint8Array[] {
  const parser = createFrameParser();
  const out: Uint8Array[] = [];
  for (const chunk of chunks) {
    out.push(...parser.push(chunk));
    expect(parser.buffered).toBeLessThanOrEqual(MAX_BUFFERED);
  }
  if (expireAtEnd) out.push(...parser.expire());
  return out;
}

describe('frame parser: examples', () => {
  const find = encodeResponse({ sw3: 0x9f, data: new Uint8Array(4) });
  const noCard = encodeResponse({ sw3: 0x80 });

  it('waits for a frame split at every byte', () => {
    const parser = createFrameParser();
    const frames = [...find].flatMap((b) => parser.push(Uint8Array.of(b)));
    expect(frames).toEqual([find]);
    expect(parser.buffered).toBe(0);
  });

  it('finds a frame behind garbage in the same chunk and keeps a frame after it', () => {
    expect(
      createFrameParser().push(concat(Uint8Array.of(1, 2, 0xaa, 0xaa), find, Uint8Array.of(0xaa), noCard)),
    ).toEqual([find, noCard]);
  });

  it('rejects a length field over 4096 and recovers the frame that starts one byte later', () => {
    // AA AA AA 96 69 FF FF … is a bogus candidate; the real frame begins right after it.
    const bogus = Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69, 0xff, 0xff);
    expect(createFrameParser().push(concat(bogus, noCard))).toEqual([noCard]);
  });

  it('rejects a length field under 4', () => {
    const parser = createFrameParser();
    expect(parser.push(Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x00, 0x03, 0x00, 0x00, 0x03))).toEqual([]);
    expect(parser.buffered).toBe(0);
  });

  it('accepts length 3 when told to parse requests (emulator side)', () => {
    const request = Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x00, 0x03, 0x20, 0x01, 0x22);
    expect(createFrameParser({ minLength: 3 }).push(request)).toEqual([request]);
  });

  it('drops a frame with a bad checksum and finds the next one', () => {
    const bad = encodeResponse({ sw3: 0x90 });
    bad[bad.length - 1] = bad.at(-1)! ^ 0xff;
    const parser = createFrameParser();
    expect(parser.push(concat(bad, find))).toEqual([find]);
    expect(parser.discarded).toBeGreaterThan(0);
  });

  it('keeps only a possible preamble prefix of unrelated bytes', () => {
    const parser = createFrameParser();
    parser.push(Uint8Array.of(1, 2, 3, 0xaa, 0xaa));
    expect(parser.buffered).toBe(2);
    expect(parser.push(find.subarray(2))).toEqual([find]);
  });

  it('expire() drops a stuck partial frame and returns whole frames hidden behind its bad length', () => {
    const parser = createFrameParser();
    const stuck = Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x0f, 0xa0, 0x00); // claims 4000 bytes
    expect(parser.push(concat(stuck, find, noCard))).toEqual([]);
    expect(parser.expire()).toEqual([find, noCard]);
    expect(parser.buffered).toBe(0);
  });
});

describe('frame stream: inter-byte gap timer', () => {
  function manualScheduler() {
    const timers = new Map<number, { callback: () => void; ms: number }>();
    let next = 1;
    const scheduler: Scheduler = {
      set(callback, ms) {
        timers.set(next, { callback, ms });
        return next++;
      },
      clear: (handle) => timers.delete(handle as number),
    };
    const fire = () => {
      const pending = [...timers.entries()];
      timers.clear();
      for (const [, t] of pending) t.callback();
    };
    return { scheduler, timers, fire };
  }

  it('expires a partial frame after the gap and delivers frames found behind it', () => {
    const { scheduler, timers, fire } = manualScheduler();
    const frames: Uint8Array[] = [];
    const stream = createFrameStream({ onFrame: (f) => frames.push(f), scheduler, interByteGapMs: 80 });
    const good = encodeResponse({ sw3: 0x80 });
    stream.push(concat(Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x04, 0x00), good));
    expect(frames).toEqual([]);
    expect([...timers.values()].map((t) => t.ms)).toEqual([80]);
    fire();
    expect(frames).toEqual([good]);
    expect(stream.parser.buffered).toBe(0);
  });

  it('arms no timer when nothing is pending and re-arms on every chunk', () => {
    const { scheduler, timers } = manualScheduler();
    const stream = createFrameStream({ onFrame: () => undefined, scheduler });
    stream.push(encodeResponse({ sw3: 0x80 }));
    expect(timers.size).toBe(0);
    stream.push(Uint8Array.of(0xaa, 0xaa, 0xaa));
    stream.push(Uint8Array.of(0x96));
    expect(timers.size).toBe(1);
    stream.reset();
    expect(timers.size).toBe(0);
  });
});

describe('frame parser: properties (docs/reliability.md §5.3)', () => {
  it('random bytes in random chunks never throw and keep the buffer bounded', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 600 }), { maxLength: 30 }), (chunks) => {
        const parser = createFrameParser();
        for (const chunk of chunks) {
          parser.push(chunk);
          expect(parser.buffered).toBeLessThanOrEqual(MAX_BUFFERED);
        }
        parser.expire();
        expect(parser.buffered).toBe(0);
      }),
    );
  });

  it('a long stream of headers with maximal lengths stays bounded', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 1, maxLength: 20 }), (lengths) => {
        const parser = createFrameParser();
        for (const len of lengths) {
          parser.push(Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69, len >> 8, len & 0xff));
          parser.push(new Uint8Array(700));
          expect(parser.buffered).toBeLessThanOrEqual(MAX_BUFFERED);
        }
      }),
    );
  });

  it('recovers every valid frame, in order, from garbage and arbitrary chunking', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(garbage, responseFrame), { maxLength: 8 }),
        garbage,
        fc.array(fc.nat(), { maxLength: 30 }),
        (pairs, tail, cuts) => {
          const stream = concat(...pairs.flatMap(([g, f]) => [g, f]), tail);
          expect(feed(cut(stream, cuts))).toEqual(pairs.map(([, f]) => f));
        },
      ),
    );
  });

  it('drops a frame with a corrupted checksum and still finds the next good frame', () => {
    fc.assert(
      fc.property(
        responseFrame,
        responseFrame,
        responseFrame,
        fc.integer({ min: 1, max: 255 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (before, damaged, after, flip, cuts) => {
          const bad = new Uint8Array(damaged);
          bad[bad.length - 1] = bad.at(-1)! ^ flip;
          expect(feed(cut(concat(before, bad, after), cuts))).toEqual([before, after]);
        },
      ),
    );
  });

  it('a corrupted length field swallows following frames for at most the bounded length', () => {
    fc.assert(
      fc.property(
        responseFrame,
        fc.integer({ min: 0, max: 0xffff }),
        fc.array(responseFrame, { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (victim, badLength, followers, cuts) => {
          const corrupted = new Uint8Array(victim);
          fc.pre(((corrupted[5]! << 8) | corrupted[6]!) !== badLength);
          corrupted[5] = badLength >> 8;
          corrupted[6] = badLength & 0xff;
          // Filler that is not a preamble, so that the bounded wait always ends within the stream.
          const stream = concat(corrupted, ...followers, new Uint8Array(HEADER_BYTES + MAX_FRAME_LENGTH));
          const total = HEADER_BYTES + badLength;
          // Skip the 1-in-256 case where the bytes under the bogus length happen to check out.
          fc.pre(
            !(
              badLength >= 4 &&
              badLength <= MAX_FRAME_LENGTH &&
              xorChecksum(stream, 5, total - 1) === stream[total - 1]
            ),
          );
          // Without any timer: pushing bytes alone must release the followers.
          expect(feed(cut(stream, cuts), false)).toEqual(followers);
        },
      ),
    );
  });
});

import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import type { IdCard } from '../../../drivers/idcard/card';
import { decodeCardText, encodeCardText, TEXT_BLOCK_BYTES } from '../../../drivers/idcard/card-text';
import { createExchange, silentDriverLogger } from '../../../drivers/idcard/exchange';
import { FIXTURE_CARDS, fictionalPhoto } from '../../../drivers/idcard/fixtures';
import { createFrameParser } from '../../../drivers/idcard/frame-parser';
import { createFrameStream, type Scheduler } from '../../../drivers/idcard/frame-stream';
import { withCheckCharacter } from '../../../core/pure/id-number';
import { maskCard, maskIdNumber, maskName } from '../../../drivers/idcard/mask';
import { NATION_NAMES } from '../../../drivers/idcard/nation';
import {
  decodeRequest,
  decodeResponse,
  encodeFrame,
  encodeResponse,
  HEADER_BYTES,
  MAX_FRAME_LENGTH,
  MIN_REQUEST_LENGTH,
  MIN_RESPONSE_LENGTH,
  PREAMBLE,
  xorChecksum,
} from '../../../drivers/idcard/protocol';
import {
  decodeIdCard,
  decodeReadPayload,
  encodeIdCard,
  encodeReadPayload,
  PHOTO_BYTES,
  type ReadVariant,
} from '../../../drivers/idcard/read-payload';
import { decodeSamId, decodeSamIdGroups, encodeSamId, SAM_ID_BYTES } from '../../../drivers/idcard/sam-id';
import { describeSw3 } from '../../../drivers/idcard/sw3';
import { readField } from '../../../drivers/idcard/ucs2';
import { createMemoryTransportPair } from '../../../drivers/transport/memory-transport';
import { bulkBytes, chunked, concat, cuts, damaged, sameBytes } from '../bytes';
import { asyncProperty, check, syncProperty, type FuzzTarget } from '../target';

/**
 * SAM (GA/T 467) frames and payloads, drivers/idcard. The frame parser is checked against the
 * parser contract its header cites (sync on the preamble anywhere, bounded length, XOR, on any
 * failure advance ONE byte and rescan, partial frames dropped by the gap timer, bounded buffer):
 * a one-pass reference scan of the whole stream says which frames the contract finds, and the
 * incremental parser must find exactly those however the bytes are chunked, with a valid frame
 * after any garbage still found unless the garbage itself formed a frame reaching into it.
 */

interface FoundFrame {
  readonly start: number;
  readonly bytes: Uint8Array;
}

/** The contract in one pass over the whole stream: the reference the parser is held to. */
export function referenceScan(stream: Uint8Array, minLength: number, maxLength = MAX_FRAME_LENGTH): FoundFrame[] {
  const found: FoundFrame[] = [];
  let i = 0;
  while (i + HEADER_BYTES <= stream.length) {
    const preamble = PREAMBLE.every((byte, j) => stream[i + j] === byte);
    if (preamble) {
      const length = ((stream[i + 5] ?? 0) << 8) | (stream[i + 6] ?? 0);
      const end = i + HEADER_BYTES + length;
      if (
        length >= minLength &&
        length <= maxLength &&
        end <= stream.length &&
        xorChecksum(stream, i + 5, end - 1) === stream[end - 1]
      ) {
        found.push({ start: i, bytes: stream.slice(i, end) });
        i = end;
        continue;
      }
    }
    i += 1;
  }
  return found;
}

const body = fc.oneof(
  { weight: 6, arbitrary: fc.uint8Array({ minLength: 3, maxLength: 40 }) },
  { weight: 1, arbitrary: bulkBytes(1000, 2400) },
);
const validFrame = body.map((b) => encodeFrame(b));
const preambleBits = fc
  .tuple(fc.integer({ min: 1, max: PREAMBLE.length }), fc.uint8Array({ maxLength: 4 }))
  .map(([n, tail]) => concat([Uint8Array.from(PREAMBLE.slice(0, n)), tail]));
/** A preamble with a length field near or past the bounds, and nothing (or little) after it. */
const badLength = fc
  .constantFrom(0, 1, 2, 3, 4, MAX_FRAME_LENGTH, MAX_FRAME_LENGTH + 1, 0xffff)
  .map((length) => concat([Uint8Array.from(PREAMBLE), Uint8Array.of(length >> 8, length & 0xff)]));
const segment = fc.oneof(
  { weight: 3, arbitrary: fc.uint8Array({ maxLength: 48 }) },
  { weight: 3, arbitrary: validFrame },
  { weight: 3, arbitrary: damaged(validFrame) },
  { weight: 2, arbitrary: preambleBits },
  { weight: 1, arbitrary: badLength },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 32 }).map((b) => b.map((x) => (x & 1 ? 0xaa : x))) },
);
const stream = fc.array(segment, { maxLength: 8 }).map(concat);

function parseInChunks(bytes: Uint8Array, at: readonly number[], minLength: number) {
  const parser = createFrameParser({ minLength });
  const frames: Uint8Array[] = [];
  for (const chunk of chunked(bytes, at)) {
    frames.push(...parser.push(chunk));
    // Contract point 6: never more than one maximal candidate frame held.
    check(
      parser.buffered < HEADER_BYTES + MAX_FRAME_LENGTH,
      `parser holds ${parser.buffered} bytes, more than one maximal frame`,
    );
  }
  frames.push(...parser.expire());
  check(parser.buffered === 0, `expire() left ${parser.buffered} bytes`);
  const emitted = frames.reduce((sum, f) => sum + f.length, 0);
  check(
    parser.discarded + emitted === bytes.length,
    `bytes unaccounted: ${bytes.length} in, ${emitted} in frames, ${parser.discarded} discarded`,
  );
  return frames;
}

function sameFrames(actual: readonly Uint8Array[], expected: readonly FoundFrame[]): boolean {
  return actual.length === expected.length && actual.every((frame, i) => sameBytes(frame, expected[i]!.bytes));
}

const frameParser = syncProperty(
  'frame-parser',
  fc.record({ bytes: stream, at: cuts, request: fc.boolean() }),
  ({ bytes, at, request }) => {
    const minLength = request ? MIN_REQUEST_LENGTH : MIN_RESPONSE_LENGTH;
    const frames = parseInChunks(bytes, at, minLength);
    const expected = referenceScan(bytes, minLength);
    check(sameFrames(frames, expected), `parser found ${frames.length} frames, the contract ${expected.length}`);
  },
  { weight: 3 },
);

/** Garbage, then a valid frame: it must come out unless a frame formed in the garbage reaches into it. */
const resync = syncProperty(
  'resync-after-garbage',
  fc.record({ garbage: stream, frame: validFrame, after: fc.uint8Array({ maxLength: 16 }), at: cuts }),
  ({ garbage, frame, after, at }) => {
    const bytes = concat([garbage, frame, after]);
    const frames = parseInChunks(bytes, at, MIN_RESPONSE_LENGTH);
    const swallowed = referenceScan(bytes, MIN_RESPONSE_LENGTH).some(
      (found) => found.start < garbage.length && found.start + found.bytes.length > garbage.length,
    );
    if (!swallowed) {
      check(
        frames.some((f) => sameBytes(f, frame)),
        'a valid frame after garbage was not found (the parser did not resync)',
      );
    }
  },
  { weight: 2 },
);

/** A scheduler the property drives: `fire()` is the line going quiet for the gap time. */
function manualScheduler() {
  let pending: (() => void) | null = null;
  let armed = 0;
  const scheduler: Scheduler = {
    set(callback) {
      armed += 1;
      pending = callback;
      return armed;
    },
    clear() {
      pending = null;
    },
  };
  return {
    scheduler,
    get armed() {
      return pending !== null;
    },
    fire() {
      const callback = pending;
      pending = null;
      callback?.();
    },
  };
}

/** With quiet gaps between pieces: each gap ends what came before it (contract point 5). */
const frameStream = syncProperty(
  'frame-stream-gaps',
  fc.array(fc.record({ bytes: stream, at: cuts }), { minLength: 1, maxLength: 4 }),
  (pieces) => {
    const clock = manualScheduler();
    const frames: Uint8Array[] = [];
    const frameStreamUnderTest = createFrameStream({ onFrame: (f) => frames.push(f), scheduler: clock.scheduler });
    const expected: FoundFrame[] = [];
    for (const piece of pieces) {
      for (const chunk of chunked(piece.bytes, piece.at)) {
        frameStreamUnderTest.push(chunk);
        check(
          clock.armed === frameStreamUnderTest.parser.buffered > 0,
          'the gap timer is armed exactly while a partial frame is held',
        );
      }
      clock.fire();
      check(frameStreamUnderTest.parser.buffered === 0, 'a quiet gap left a partial frame behind');
      expected.push(...referenceScan(piece.bytes, MIN_RESPONSE_LENGTH));
    }
    frameStreamUnderTest.close();
    check(sameFrames(frames, expected), `stream delivered ${frames.length} frames, the contract ${expected.length}`);
  },
);

const frameDecoding = syncProperty(
  'frame-decode',
  fc.oneof(fc.uint8Array({ maxLength: 64 }), validFrame, damaged(validFrame)),
  (frame) => {
    const response = decodeResponse(frame);
    if (response.ok) {
      const { sw1, sw2, sw3, data } = response.value;
      check(
        sameBytes(encodeResponse({ sw1, sw2, sw3, data }), frame),
        'a decoded response does not re-encode to itself',
      );
    }
    const request = decodeRequest(frame);
    if (request.ok) check(request.value.data.length === frame.length - HEADER_BYTES - 3, 'request data length');
    const found = referenceScan(frame, MIN_RESPONSE_LENGTH);
    const whole = found.length === 1 && found[0]!.start === 0 && found[0]!.bytes.length === frame.length;
    check(response.ok === whole, 'decodeResponse disagrees with the frame finder about a whole frame');
  },
);

/* Card text: generated cards round-trip; random and damaged blocks decode or are refused, never throw. */

const codeUnits = (min: number, max: number, units: fc.Arbitrary<number>) =>
  fc
    .array(units, { minLength: min, maxLength: max })
    .map((codes) => String.fromCharCode(...codes))
    .filter((s) => !s.endsWith(' ') && !s.endsWith('\u0000'));
const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 });
const anyUnit = fc.integer({ min: 1, max: 0xffff });
const text = (min: number, max: number) =>
  fc.oneof(
    codeUnits(min, max, cjk),
    codeUnits(min, max, anyUnit),
    codeUnits(min, max, fc.integer({ min: 0x21, max: 0x7e })),
  );
const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const upper = (n: number) =>
  fc.array(fc.integer({ min: 65, max: 90 }), { minLength: n, maxLength: n }).map((c) => String.fromCharCode(...c));
const cardDate = fc
  .tuple(fc.integer({ min: 1900, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const validTo = fc.oneof(fc.constant('long-term'), cardDate);
const sex = fc.constantFrom('male', 'female', 'unknown', 'unspecified') as fc.Arbitrary<IdCard['sex']>;
const nations = [...NATION_NAMES.entries()].map(([code, name]) => ({ code, name }));
const common = { sex, birthDate: cardDate, validFrom: cardDate, validTo, photoWlt: fc.constant(fictionalPhoto(7)) };

const generatedCard: fc.Arbitrary<IdCard> = fc.oneof(
  fc.record({
    cardType: fc.constant('resident' as const),
    name: text(1, 15),
    nation: fc.constantFrom(...nations),
    address: fc.oneof(fc.constant(''), text(1, 35)),
    idNumber: digits(17).map(withCheckCharacter),
    issuingAuthority: fc.oneof(fc.constant(''), text(1, 15)),
    fingerprint: fc.constant(null),
    ...common,
  }),
  fc
    .record({
      cardType: fc.constant('hkMacaoTaiwan' as const),
      region: fc.constantFrom<'hongKong' | 'macao' | 'taiwan'>('hongKong', 'macao', 'taiwan'),
      name: text(1, 15),
      address: fc.oneof(fc.constant(''), text(1, 35)),
      idNumber: fc.constant(''),
      body: digits(15),
      issuingAuthority: fc.oneof(fc.constant(''), text(1, 15)),
      passNumber: fc.oneof(fc.constant(''), text(1, 9)),
      issueCount: fc.oneof(fc.constant(''), digits(2)),
      fingerprint: fc.constant(null),
      ...common,
    })
    .map(({ body: rest, ...card }) => ({
      ...card,
      idNumber: withCheckCharacter(`${{ hongKong: '81', macao: '82', taiwan: '83' }[card.region]}${rest}`),
    })),
  fc.record({
    cardType: fc.constant('foreignPermanent2017' as const),
    englishName: text(1, 60),
    chineseName: fc.option(text(1, 15), { nil: null }),
    idNumber: fc.tuple(upper(3), digits(12)).map(([a, b]) => a + b),
    nationality: upper(3),
    cardVersion: digits(2),
    issuingAuthorityCode: digits(4),
    fingerprint: fc.constant(null),
    ...common,
  }),
  fc.record({
    cardType: fc.constant('foreignPermanent2023' as const),
    chineseName: fc.option(text(1, 15), { nil: null }),
    englishName: text(1, 46),
    idNumber: digits(16).map((rest) => withCheckCharacter(`9${rest}`)),
    nationality: upper(3),
    renewalCount: digits(2),
    previousCardLink: fc.option(upper(3), { nil: null }),
    fingerprint: fc.constant(null),
    ...common,
  }),
);

const cardRoundTrip = syncProperty('card-text-roundtrip', generatedCard, (card) => {
  const decoded = decodeCardText(encodeCardText(card));
  check(decoded.ok, `a valid card was refused: ${decoded.ok ? '' : decoded.error.detail}`);
  const { photoWlt: _photo, fingerprint: _fingerprint, ...textPart } = card;
  check(isDeepStrictEqual(decoded.value, textPart), `decode(encode(card)) differs: ${JSON.stringify(decoded.value)}`);
  const payload = encodeReadPayload(encodeIdCard(card), 'text+photo');
  const back = decodeReadPayload(payload, 'text+photo');
  check(back.ok && decodeIdCard(back.value).ok, 'a valid read payload did not decode');
  const masked = maskCard(card);
  check(!masked.idNumberMasked.includes(card.idNumber.slice(4, -4)), 'the masked number shows its middle');
});

const fixtureBlocks = FIXTURE_CARDS.map((card) => encodeCardText(card));
const damagedBlock = fc
  .tuple(
    fc.constantFrom(...fixtureBlocks),
    fc.array(fc.tuple(fc.nat({ max: 255 }), fc.nat({ max: 255 })), { maxLength: 6 }),
  )
  .map(([block, writes]) => {
    const out = block.slice();
    for (const [at, value] of writes) out[at] = value;
    return out;
  });
const cardTextDecoding = syncProperty(
  'card-text-decode',
  fc.oneof(
    fc.uint8Array({ minLength: 0, maxLength: 300 }),
    fc.uint8Array({ minLength: 256, maxLength: 256 }),
    damagedBlock,
  ),
  (block) => {
    const decoded = decodeCardText(block);
    if (!decoded.ok) {
      check(decoded.error.detail.length > 0, 'a refusal without a reason');
      return;
    }
    check(block.length === TEXT_BLOCK_BYTES, 'accepted a text block that is not 256 bytes');
    const card = decoded.value;
    for (const date of [card.birthDate, card.validFrom, card.validTo]) {
      check(date === 'long-term' || /^\d{4}-\d{2}-\d{2}$/.test(date), `a date came out as ${date}`);
    }
    // Masking only hides: same length, each character kept or starred.
    const name = 'name' in card ? card.name : (card.chineseName ?? card.englishName);
    const masked = maskName(name);
    const original = [...name.trim()];
    const shown = [...masked];
    check(shown.length === original.length, 'maskName changed the length');
    check(
      shown.every((c, i) => c === '*' || c === original[i]),
      'maskName shows a character the name does not have there',
    );
  },
);

const payloadDecoding = syncProperty(
  'read-payload-decode',
  fc.record({
    variant: fc.constantFrom<ReadVariant>('text+photo', 'text+photo+fingerprint'),
    data: fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      damaged(
        fc
          .constantFrom(...FIXTURE_CARDS)
          .map((card) => encodeReadPayload(encodeIdCard(card), 'text+photo+fingerprint')),
      ),
      damaged(fc.constantFrom(...FIXTURE_CARDS).map((card) => encodeReadPayload(encodeIdCard(card), 'text+photo'))),
    ),
  }),
  ({ variant, data }) => {
    const decoded = decodeReadPayload(data, variant);
    if (!decoded.ok) return;
    check(decoded.value.text.length === TEXT_BLOCK_BYTES, 'text block length');
    check(decoded.value.photo.length === PHOTO_BYTES, 'photo length');
    check(decoded.value.fingerprint === null || decoded.value.fingerprint.length === 1024, 'fingerprint length');
    decodeIdCard(decoded.value);
  },
);

const smallDecoders = syncProperty(
  'sam-id-sw3-ucs2-mask',
  fc.record({
    bytes: fc.uint8Array({ maxLength: 24 }),
    sw3: fc.oneof(fc.integer({ min: 0, max: 255 }), fc.integer()),
    offset: fc.integer({ min: -4, max: 300 }),
    size: fc.integer({ min: -4, max: 300 }),
    text: fc.string({ unit: 'binary', maxLength: 40 }),
  }),
  ({ bytes, sw3, offset, size, text: anyText }) => {
    const samId = decodeSamId(bytes);
    check(samId.ok === (bytes.length === SAM_ID_BYTES), 'decodeSamId accepts exactly 16 bytes');
    if (samId.ok) {
      check(/^\d{2,}\.\d{2,}-\d{8,}-\d{10,}-\d{10,}$/.test(samId.value), `SAM ID shown as ${samId.value}`);
      const groups = decodeSamIdGroups(bytes);
      check(groups.ok && sameBytes(encodeSamId(groups.value), bytes), 'SAM ID groups do not round-trip');
    }
    const entry = describeSw3(sw3);
    check(entry.meaning.length > 0, 'describeSw3 without a meaning');
    readField(bytes, offset, size);
    const maskedNumber = maskIdNumber(anyText);
    check([...maskedNumber].length === [...anyText].length, 'maskIdNumber changed the length');
    maskName(anyText);
  },
);

/** A reply behind garbage, split anywhere, over a real (memory) transport: the exchange still gets it. */
const exchangeOverGarbage = asyncProperty(
  'exchange-reply-after-garbage',
  fc.record({ garbage: stream, at: cuts }),
  async ({ garbage, at }) => {
    const pair = createMemoryTransportPair();
    await pair.host.open();
    await pair.device.open();
    const reply = encodeResponse({ sw3: 0x90 });
    const sent = concat([garbage, reply]);
    pair.device.onData(() => {
      for (const chunk of chunked(sent, at)) void pair.device.write(chunk);
    });
    const exchange = createExchange({ transport: pair.host, logger: silentDriverLogger });
    try {
      const answer = await exchange.send('samStatus', 500);
      const found = referenceScan(sent, MIN_RESPONSE_LENGTH);
      // Any frame the contract finds that fits "SAM status OK" may be taken as the answer.
      const fitting = found.filter((f) => {
        const r = decodeResponse(f.bytes);
        return (
          r.ok &&
          ((r.value.sw3 === 0x90 && r.value.data.length === 0) ||
            (r.value.sw3 !== 0x90 && r.value.sw3 !== 0x9f && r.value.sw3 !== 0x91 && r.value.data.length === 0))
        );
      });
      if (fitting.length > 0) {
        check(answer.ok, `no answer although the reply was on the line: ${answer.ok ? '' : answer.error.kind}`);
        check(
          fitting.some((f) => sameBytes(encodeResponse(answer.value), f.bytes)),
          'the exchange answered with a frame that was not on the line',
        );
      } else {
        check(!answer.ok, 'an answer out of nothing');
      }
    } finally {
      exchange.close();
      await pair.host.close();
      await pair.device.close();
    }
  },
  { timeoutMs: 5_000 },
);

export const samTarget: FuzzTarget = {
  name: 'sam',
  setup: () =>
    Promise.resolve({
      properties: [
        frameParser,
        resync,
        frameStream,
        frameDecoding,
        cardRoundTrip,
        cardTextDecoding,
        payloadDecoding,
        smallDecoders,
        exchangeOverGarbage,
      ],
      teardown: () => Promise.resolve(),
    }),
};

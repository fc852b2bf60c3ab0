import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IdCard } from './card';
import { decodeCardText, encodeCardText } from './card-text';
import {
  FIXTURE_CARDS,
  elderlyResident,
  foreignPermanent2017,
  foreignPermanent2023,
  hongKongPermit,
  womanResident,
} from './fixtures';
import { withCheckCharacter } from '../../core/pure/id-number';
import { NATION_NAMES } from './nation';
import { decodeIdCard, decodeReadPayload, encodeIdCard, encodeReadPayload } from './read-payload';
import { trimPadding, writeField } from './ucs2';

const textOf = ({ photoWlt: _p, fingerprint: _f, ...text }: IdCard) => text;

/** A resident block built by hand from the §8 A offsets, independent of encodeCardText. */
function handBuiltResident(overrides: Partial<Record<'name' | 'sex' | 'nation' | 'id' | 'validTo', string>> = {}) {
  const b = new Uint8Array(256);
  writeField(b, 0, 256, '');
  writeField(b, 0, 30, overrides.name ?? '张示例');
  writeField(b, 30, 2, overrides.sex ?? '1');
  writeField(b, 32, 4, overrides.nation ?? '46');
  writeField(b, 36, 16, '19491231');
  writeField(b, 52, 70, '北京市朝阳区示例路1号');
  writeField(b, 122, 36, overrides.id ?? '11010519491231002X');
  writeField(b, 158, 30, '北京市公安局朝阳分局');
  writeField(b, 188, 16, '20100101');
  writeField(b, 204, 16, overrides.validTo ?? '长期');
  return b;
}

describe('card text block: decoding (docs/devices/id-card.md §8)', () => {
  it('decodes a hand-built resident block: trimming, sex, nation 46 德昂, dates, 长期', () => {
    expect(decodeCardText(handBuiltResident())).toEqual({
      ok: true,
      value: {
        cardType: 'resident',
        name: '张示例',
        sex: 'male',
        nation: { code: '46', name: '德昂' },
        birthDate: '1949-12-31',
        address: '北京市朝阳区示例路1号',
        idNumber: '11010519491231002X',
        issuingAuthority: '北京市公安局朝阳分局',
        validFrom: '2010-01-01',
        validTo: 'long-term',
      },
    });
  });

  it('reads UCS-2 little-endian: 张 is 5F 20 at offset 0, space padding 20 00', () => {
    const b = handBuiltResident();
    expect([b[0], b[1]]).toEqual([0x20, 0x5f]);
    expect([b[28], b[29]]).toEqual([0x20, 0x00]);
  });

  it.each(['11010519491231002X', '34052419800101001X', '370101190102039973'])('accepts the test vector %s', (id) => {
    expect(decodeCardText(handBuiltResident({ id })).ok).toBe(true);
  });

  it.each([
    ['a wrong check digit', { id: '110105194912310021' }, 'check digit'],
    ['a 17-character number', { id: '11010519491231002' }, 'check digit'],
    ['an unknown nation code', { nation: '57' }, 'GB 3304'],
    ['an unknown sex code', { sex: '3' }, 'sex'],
    ['a bad valid-to date', { validTo: '2030-1-1' }, 'valid-to'],
    ['an empty name', { name: '' }, 'name is empty'],
  ])('rejects %s with invalidCardData and no personal data in the detail', (_n, overrides, detail) => {
    const decoded = decodeCardText(handBuiltResident(overrides));
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.error.kind).toBe('invalidCardData');
    expect(decoded.error.detail).toContain(detail);
    expect(decoded.error.detail).not.toMatch(/张|1101/);
  });

  it('rejects a block that is not 256 bytes', () => {
    expect(decodeCardText(new Uint8Array(255)).ok).toBe(false);
  });

  it('tells the four layouts apart by the character at offset 248', () => {
    const flagOf = (card: IdCard) => {
      const b = encodeCardText(card);
      return String.fromCharCode(b[248]! | (b[249]! << 8));
    };
    expect(flagOf(elderlyResident)).toBe(' ');
    expect(flagOf(hongKongPermit)).toBe('J');
    expect(flagOf(foreignPermanent2017)).toBe('I');
    expect(flagOf(foreignPermanent2023)).toBe('Y');
  });

  it('places 2017 PR fields at their own offsets (sex at 120, number at 122, birth at 220)', () => {
    const b = encodeCardText(foreignPermanent2017);
    const at = (offset: number, chars: number) =>
      String.fromCharCode(
        ...Array.from({ length: chars }, (_, i) => b[offset + 2 * i]! | (b[offset + 2 * i + 1]! << 8)),
      );
    expect(at(120, 1)).toBe('2');
    expect(at(122, 15)).toBe('CAN370085041502');
    expect(at(152, 3)).toBe('CAN');
    expect(at(220, 8)).toBe('19850415');
  });

  it('decodes the region of a 港澳台 permit from 81/82/83', () => {
    for (const [prefix, region] of [
      ['810000', 'hongKong'],
      ['820000', 'macao'],
      ['830000', 'taiwan'],
    ] as const) {
      const card = { ...hongKongPermit, idNumber: withCheckCharacter(`${prefix}19850415004`), region };
      expect(decodeCardText(encodeCardText(card))).toEqual({ ok: true, value: textOf(card) });
    }
    const mainland = encodeCardText({ ...hongKongPermit, idNumber: womanResident.idNumber });
    expect(decodeCardText(mainland).ok).toBe(false);
  });

  it('keeps a space at the split point of a long 2023 English name (35 + 11 characters)', () => {
    const englishName = `${'A'.repeat(34)} BCDEFGHIJK`; // a space is character 35
    const card = { ...foreignPermanent2023, englishName };
    expect(decodeCardText(encodeCardText(card))).toEqual({ ok: true, value: textOf(card) });
  });

  it('decodes every fixture card back to itself', () => {
    for (const card of FIXTURE_CARDS) {
      const payload = decodeReadPayload(encodeReadPayload(encodeIdCard(card), 'text+photo'), 'text+photo');
      expect(payload.ok).toBe(true);
      if (payload.ok) expect(decodeIdCard(payload.value)).toEqual({ ok: true, value: card });
    }
  });

  it('returns the photo bytes untouched, as a copy', () => {
    const payload = encodeIdCard(elderlyResident);
    const decoded = decodeIdCard(payload);
    expect(decoded.ok && decoded.value.photoWlt).toEqual(elderlyResident.photoWlt);
    expect(decoded.ok && decoded.value.photoWlt.buffer).not.toBe(payload.photo.buffer);
  });
});

describe('code tables', () => {
  it('has all 58 GB 3304 codes (01–56, 97, 98)', () => {
    expect(NATION_NAMES.size).toBe(58);
    expect(NATION_NAMES.get('01')).toBe('汉');
    expect(NATION_NAMES.get('46')).toBe('德昂');
    expect(NATION_NAMES.get('56')).toBe('基诺');
    expect(NATION_NAMES.get('97')).toBe('其他');
    expect(NATION_NAMES.get('98')).toBe('外国血统中国籍人士');
    expect(NATION_NAMES.has('57')).toBe(false);
  });
});

describe('read payload (§7.1)', () => {
  it.each([
    ['a wrong text length', (d: Uint8Array) => (d[1] = 0x01)],
    ['a wrong photo length', (d: Uint8Array) => (d[2] = 0x05)],
  ])('rejects %s', (_n, damage) => {
    const data = encodeReadPayload(encodeIdCard(elderlyResident), 'text+photo');
    damage(data);
    expect(decodeReadPayload(data, 'text+photo').ok).toBe(false);
  });

  it('rejects a payload shorter than its header says', () => {
    const data = encodeReadPayload(encodeIdCard(elderlyResident), 'text+photo');
    expect(decodeReadPayload(data.subarray(0, 1000), 'text+photo').ok).toBe(false);
  });

  it('reads a 30 10 fingerprint when present', () => {
    const fingerprint = new Uint8Array(1024).fill(3);
    const data = encodeReadPayload({ ...encodeIdCard(elderlyResident), fingerprint }, 'text+photo+fingerprint');
    const payload = decodeReadPayload(data, 'text+photo+fingerprint');
    expect(payload.ok && payload.value.fingerprint).toEqual(fingerprint);
  });
});

// ---- round-trip properties ----

/** BMP text that the block can hold: no surrogates, no trailing space/NUL (padding is trimmed). */
const fieldText = (maxChars: number, minChars = 0) =>
  fc
    .array(
      fc.oneof(
        fc.integer({ min: 0x4e00, max: 0x9fa5 }),
        fc.integer({ min: 0x21, max: 0x7e }),
        fc.integer({ min: 0x20, max: 0xd7ff }),
      ),
      { minLength: minChars, maxLength: maxChars },
    )
    .map((units) => trimPadding(String.fromCharCode(...units)))
    .filter((s) => s.length >= minChars);
const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const cardDate = fc
  .record({
    y: fc.integer({ min: 1900, max: 2099 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const validTo = fc.oneof(cardDate, fc.constant('long-term' as const));
const sex = fc.constantFrom('male', 'female', 'unknown', 'unspecified') as fc.Arbitrary<IdCard['sex']>;
const idNumber = (prefix = '') => digits(17 - prefix.length).map((d) => withCheckCharacter(prefix + d));
const common = {
  sex,
  birthDate: cardDate,
  validFrom: cardDate,
  validTo,
  photoWlt: fc.uint8Array({ minLength: 1024, maxLength: 1024 }),
  fingerprint: fc.constant(null),
};

const residentCard: fc.Arbitrary<IdCard> = fc.record({
  cardType: fc.constant('resident' as const),
  name: fieldText(15, 1),
  nation: fc.constantFrom(...NATION_NAMES.entries()).map(([code, name]) => ({ code, name })),
  address: fieldText(35),
  idNumber: idNumber(),
  issuingAuthority: fieldText(15),
  ...common,
});
const permit: fc.Arbitrary<IdCard> = fc
  .constantFrom(['81', 'hongKong'] as const, ['82', 'macao'] as const, ['83', 'taiwan'] as const)
  .chain(([prefix, region]) =>
    fc.record({
      cardType: fc.constant('hkMacaoTaiwan' as const),
      name: fieldText(15, 1),
      address: fieldText(35),
      idNumber: idNumber(prefix),
      issuingAuthority: fieldText(15),
      passNumber: fieldText(9),
      issueCount: fieldText(2),
      region: fc.constant(region),
      ...common,
    }),
  );
const pr2017: fc.Arbitrary<IdCard> = fc.record({
  cardType: fc.constant('foreignPermanent2017' as const),
  englishName: fieldText(60, 1),
  chineseName: fc.option(fieldText(15, 1), { nil: null }),
  idNumber: fc.tuple(fc.stringMatching(/^[A-Z]{3}$/), digits(12)).map(([a, d]) => a + d),
  nationality: fieldText(3),
  cardVersion: fieldText(2),
  issuingAuthorityCode: fieldText(4),
  ...common,
});
const pr2023: fc.Arbitrary<IdCard> = fc.record({
  cardType: fc.constant('foreignPermanent2023' as const),
  chineseName: fc.option(fieldText(15, 1), { nil: null }),
  englishName: fieldText(46, 1),
  idNumber: idNumber('9'),
  nationality: fieldText(3),
  renewalCount: fieldText(2),
  previousCardLink: fc.option(fieldText(3, 1), { nil: null }),
  ...common,
});

describe('card text block: round-trip properties', () => {
  it('decode(encode(card)) = card for all four card types', () => {
    fc.assert(
      fc.property(fc.oneof(residentCard, permit, pr2017, pr2023), (card) => {
        expect(decodeIdCard(encodeIdCard(card))).toEqual({ ok: true, value: card });
      }),
      { numRuns: 300 },
    );
  });

  it('decoding arbitrary 256-byte blocks never throws', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 256, maxLength: 256 }), (block) => {
        const decoded = decodeCardText(block);
        expect(typeof decoded.ok).toBe('boolean');
      }),
    );
  });

  it('flipping one digit of a valid ID number is always caught by the check digit', () => {
    fc.assert(
      fc.property(digits(17), fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (body, at, delta) => {
        const id = withCheckCharacter(body);
        const changed = id.slice(0, at) + String((Number(id[at]) + delta) % 10) + id.slice(at + 1);
        const block = handBuiltResident({ id: changed });
        expect(decodeCardText(block).ok).toBe(false);
      }),
    );
  });
});

import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Catalog, type Matter } from '../contract/catalog';
import { MATTER_CLASSIFICATION } from './classification';
import { SEED_DEPARTMENTS } from './departments';
import { SEED_GUIDES } from './guides';
import { buildSeedCatalog, loadSeedCatalog } from './index';
import { parseMatterList } from './matter-list';
import { SEED_THEMES } from './themes';

/** The verbatim copy of the published list, next to this test. */
const MATTER_LIST_PATH = join(import.meta.dirname, 'anqiu-village-matters.csv');

const csvText = readFileSync(MATTER_LIST_PATH, 'utf8');
const catalog = loadSeedCatalog();
const withGuides = catalog.matters.filter((matter): matter is Matter & { guide: NonNullable<Matter['guide']> } =>
  Boolean(matter.guide),
);

describe('the seed catalog', () => {
  it('parses against the contract and survives a JSON round trip', () => {
    expect(Catalog.safeParse(JSON.parse(JSON.stringify(catalog))).success).toBe(true);
    expect(catalog.version).toBe('2026.12.06-1');
    expect(catalog.publishedAt).toBe('2026-12-06T09:00:00+08:00');
    expect(catalog.region).toEqual({ code: '370784', name: '安丘市' });
  });

  it('has the 62 matters in list order with the names, case types and handling of the list', () => {
    // Read the file independently of our CSV reader: it has no quoted fields, so split is enough.
    const lines = csvText.trimEnd().split('\n');
    expect(lines[0]).toBe('seq,name,case_type,handling');
    const rows = lines.slice(1).map((line) => line.split(','));
    expect(rows).toHaveLength(62);
    const caseLabel = { instant: '即办件', promised: '承诺件' } as const;
    const handlingLabel = { onSite: '当场办', assisted: '帮办代办', convenience: '便民事项' } as const;
    expect(
      catalog.matters.map((matter) => [
        String(matter.seq),
        matter.name,
        caseLabel[matter.caseType],
        handlingLabel[matter.handling],
      ]),
    ).toEqual(rows);
    expect(catalog.matters[17]?.name).toBe('最低生活保障');
    expect(catalog.matters[61]?.name).toBe('处理、答复群众反映的合理诉求');
  });

  it('has the counts the document shows: 36 即办件, 26 承诺件; 3 当场办, 32 帮办代办, 27 便民事项', () => {
    const count = (pick: (matter: Matter) => string) =>
      catalog.matters.reduce<Record<string, number>>((counts, matter) => {
        counts[pick(matter)] = (counts[pick(matter)] ?? 0) + 1;
        return counts;
      }, {});
    expect(count((matter) => matter.caseType)).toEqual({ instant: 36, promised: 26 });
    expect(count((matter) => matter.handling)).toEqual({ onSite: 3, assisted: 32, convenience: 27 });
  });

  it('gives every matter a unique illustrative code of the form 370784-CJ-NNN, its version raised by its aliases and its form', () => {
    const codes = catalog.matters.map((matter) => matter.code);
    expect(new Set(codes).size).toBe(62);
    catalog.matters.forEach((matter) => {
      expect(matter.code).toBe(`370784-CJ-${String(matter.seq).padStart(3, '0')}`);
      // Seq 2's guide was corrected once (its ID card note), which raised its version once more.
      expect(matter.version, matter.name).toBe((matter.form ? 3 : 2) + (matter.seq === 2 ? 1 : 0));
    });
  });

  it('never tells a resident that a required material needs no photograph at the kiosk', () => {
    // The kiosk's material step photographs every required material (必须提交，请拍摄); a guide
    // note saying the card reader is enough would tell the resident two things on one screen.
    const notes = withGuides.flatMap((matter) =>
      matter.guide.materials
        .filter((material) => material.required && material.note)
        .map((material) => `${matter.name} / ${material.name}: ${material.note}`),
    );
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.filter((note) => /读卡区|读取即可|不用拍|无需拍/.test(note))).toEqual([]);
  });

  it('uses every theme and every department, and nothing else', () => {
    const usedThemes = new Set(catalog.matters.flatMap((matter) => matter.themeIds));
    const usedDepartments = new Set(catalog.matters.map((matter) => matter.departmentCode));
    expect([...usedThemes].sort()).toEqual(catalog.themes.map((theme) => theme.id).sort());
    expect([...usedDepartments].sort()).toEqual(catalog.departments.map((department) => department.code).sort());
    expect(catalog.themes.length).toBeGreaterThanOrEqual(12);
    expect(catalog.themes.length).toBeLessThanOrEqual(15);
  });

  it('has unique theme ids, theme orders and department codes', () => {
    expect(new Set(SEED_THEMES.map((theme) => theme.id)).size).toBe(SEED_THEMES.length);
    expect(new Set(SEED_THEMES.map((theme) => theme.order)).size).toBe(SEED_THEMES.length);
    expect(new Set(SEED_DEPARTMENTS.map((department) => department.code)).size).toBe(SEED_DEPARTMENTS.length);
  });

  it('gives every 承诺件 a promised time and no 即办件 one', () => {
    for (const matter of catalog.matters) {
      if (matter.caseType === 'promised') expect(matter.promisedWorkingDays, matter.name).toBeGreaterThan(0);
      else expect(matter.promisedWorkingDays, matter.name).toBeNull();
    }
  });

  it('gives every guide the promised time of its matter (0 for 即办件)', () => {
    for (const matter of withGuides) {
      expect(matter.guide.promise.promisedWorkingDays, matter.name).toBe(matter.promisedWorkingDays ?? 0);
    }
  });
});

describe('the classification rules', () => {
  it('has exactly one row per seq, in list order', () => {
    expect(MATTER_CLASSIFICATION.map((row) => row.seq)).toEqual(Array.from({ length: 62 }, (_, i) => i + 1));
  });

  it('offers a help request on every 帮办代办 matter', () => {
    const missing = catalog.matters.filter(
      (matter) => matter.handling === 'assisted' && !matter.channels.includes('assistRequest'),
    );
    expect(missing.map((matter) => matter.name)).toEqual([]);
  });

  it('never offers self-service for queries and consultations: queries are guide only, consultations a callback', () => {
    for (const matter of catalog.matters.filter((m) => m.serviceKind === 'directQuery')) {
      expect(matter.channels, matter.name).toEqual(['guideOnly']);
    }
    for (const matter of catalog.matters.filter((m) => m.serviceKind === 'consultation')) {
      expect(matter.channels, matter.name).toEqual(['assistRequest']);
    }
  });

  it('has no repeated channel or theme on a matter', () => {
    for (const matter of catalog.matters) {
      expect(new Set(matter.channels).size, matter.name).toBe(matter.channels.length);
      expect(new Set(matter.themeIds).size, matter.name).toBe(matter.themeIds.length);
    }
  });

  it('uses all four service kinds', () => {
    expect(new Set(catalog.matters.map((matter) => matter.serviceKind))).toEqual(
      new Set(['approvalAgency', 'assistedAcceptance', 'directQuery', 'consultation']),
    );
  });

  it('marks consultations and the employment information as 跨村通办', () => {
    const bySeq = (seq: number) => catalog.matters.find((matter) => matter.seq === seq);
    for (const seq of [1, 9, 13, 41, 43, 49, 51, 52]) expect(bySeq(seq)?.crossVillage, `seq ${seq}`).toBe(true);
    for (const seq of [18, 36, 50]) expect(bySeq(seq)?.crossVillage, `seq ${seq}`).toBe(false);
  });
});

describe('guide coverage', () => {
  it('has at least 12 guides covering every handling mode, both case types and all four service kinds', () => {
    expect(withGuides.length).toBeGreaterThanOrEqual(12);
    expect(new Set(withGuides.map((matter) => matter.handling))).toEqual(
      new Set(['onSite', 'assisted', 'convenience']),
    );
    expect(new Set(withGuides.map((matter) => matter.caseType))).toEqual(new Set(['instant', 'promised']));
    expect(new Set(withGuides.map((matter) => matter.serviceKind))).toEqual(
      new Set(['approvalAgency', 'assistedAcceptance', 'directQuery', 'consultation']),
    );
  });

  it('publishes every guide file', () => {
    expect(withGuides.map((matter) => matter.seq)).toEqual(SEED_GUIDES.map((seedGuide) => seedGuide.seq));
  });
});

describe('buildSeedCatalog refuses data that does not line up', () => {
  const listed = parseMatterList(csvText);

  it('builds the same catalog from the same list', () => {
    expect(buildSeedCatalog(listed)).toEqual(catalog);
  });

  it('rejects a classification row filed under the wrong seq', () => {
    const swapped = MATTER_CLASSIFICATION.map((row) =>
      row.seq === 2 ? { ...row, seq: 3 } : row.seq === 3 ? { ...row, seq: 2 } : row,
    );
    expect(() => buildSeedCatalog(listed, swapped)).toThrow(/classification row for seq 2 is for 被征地/);
  });

  it('rejects a missing, a repeated or an unlisted classification row', () => {
    expect(() => buildSeedCatalog(listed, MATTER_CLASSIFICATION.slice(1))).toThrow(
      /seq 1 .* has no classification row/,
    );
    const first = MATTER_CLASSIFICATION[0];
    if (!first) throw new Error('the table is empty');
    expect(() => buildSeedCatalog(listed, [...MATTER_CLASSIFICATION, first])).toThrow(
      /more than one classification row/,
    );
    expect(() => buildSeedCatalog(listed, [...MATTER_CLASSIFICATION, { ...first, seq: 63 }])).toThrow(
      /seq 63, which is not on the list/,
    );
  });

  it('rejects a guide filed under the wrong matter', () => {
    const misfiled = SEED_GUIDES.map((seedGuide) => (seedGuide.seq === 18 ? { ...seedGuide, seq: 19 } : seedGuide));
    expect(() => buildSeedCatalog(listed, MATTER_CLASSIFICATION, misfiled)).toThrow(
      /guide for seq 19 is for 最低生活保障/,
    );
  });

  it('rejects a guide whose promise differs from its matter, and a 承诺件 without a time limit', () => {
    const changedPromise = SEED_GUIDES.map((seedGuide) =>
      seedGuide.seq === 18
        ? {
            ...seedGuide,
            guide: { ...seedGuide.guide, promise: { ...seedGuide.guide.promise, promisedWorkingDays: 20 } },
          }
        : seedGuide,
    );
    expect(() => buildSeedCatalog(listed, MATTER_CLASSIFICATION, changedPromise)).toThrow(
      /promised time limit differs/,
    );
    const noDays = MATTER_CLASSIFICATION.map((row) => (row.seq === 20 ? { ...row, days: null } : row));
    expect(() => buildSeedCatalog(listed, noDays)).toThrow(/承诺件 need a promised time limit/);
  });
});

describe('the seed version', () => {
  it('changes whenever the content changes', () => {
    // A platform refuses to republish a known version with other content, so a kiosk with the
    // previous seed in its embedded platform would stop at start-up. When this fails: give
    // SEED_CATALOG_VERSION (and SEED_PUBLISHED_AT) a new value, then update the hash here.
    const { version, publishedAt: _publishedAt, ...content } = loadSeedCatalog();
    const hash = createHash('sha256').update(JSON.stringify(content)).digest('hex');
    expect({ version, hash }).toEqual({
      version: '2026.12.06-1',
      hash: 'b9a2e85a6083945b06bb39e6918ff69dfdef554401c6625697f51bcee0bb2af4',
    });
  });
});

import { Catalog, type Matter } from '../contract/catalog';
import { SEED_ALIASES, type MatterAliases } from './aliases';
import { ANQIU_VILLAGE_MATTERS_CSV } from './anqiu-village-matters';
import { MATTER_CLASSIFICATION, type MatterClassification } from './classification';
import { SEED_DEPARTMENTS } from './departments';
import { SEED_FORMS, type SeedForm } from './forms';
import { SEED_GUIDES, type SeedGuide } from './guides';
import { SEED_LIFE_EVENTS, type SeedLifeEvent } from './life-events';
import { parseMatterList, type ListedMatter } from './matter-list';
import { SEED_THEMES } from './themes';

/**
 * The platform's seeded catalog: Anqiu's published list of 62 village matters (copied verbatim
 * into anqiu-village-matters.csv), joined with our classification, our sample guides, the
 * application forms of the self-service matters and our life-event bundles (一件事).
 */

/**
 * A matter's version rises whenever any element of it changes (records carry code + version):
 * every matter gained its aliases in 2026.12.01-1, and the self-service matters had gained their
 * form in 2026.11.28-1 before that. In 2026.12.06-1 the pension enrolment guide (seq 2) stopped
 * saying the ID card is only read at the kiosk: the kiosk photographs every required material.
 */
const FIRST_VERSION = 1;
const FORM_ADDED = 1;
const ALIASES_ADDED = 1;
const GUIDE_CORRECTED = 1;
/** Matters (by seq) whose guide was corrected after it was first published. */
const CORRECTED_GUIDES: ReadonlySet<number> = new Set([2]);

export const SEED_CATALOG_VERSION = '2026.12.06-1';
export const SEED_PUBLISHED_AT = '2026-12-06T09:00:00+08:00';
export const SEED_REGION = { code: '370784', name: '安丘市' } as const;

/**
 * An illustrative matter code: region, CJ (村级), three-digit seq — e.g. 370784-CJ-018.
 * It is not the official 事项编码, which the provincial catalog assigns.
 */
export function seedMatterCode(seq: number): string {
  return `${SEED_REGION.code}-CJ-${String(seq).padStart(3, '0')}`;
}

/**
 * Builds all 62 matters from the published list and validates the catalog. The list's text is
 * compiled in (anqiu-village-matters.ts, generated from the CSV and checked against it by a test),
 * so this works the same under tsx, vitest and inside the Electron main bundle.
 */
export function loadSeedCatalog(): Catalog {
  return buildSeedCatalog(parseMatterList(ANQIU_VILLAGE_MATTERS_CSV));
}

/**
 * Joins the list with the classification table and the guides. Every listed matter needs exactly
 * one classification row with the same name, and every row and guide needs a listed matter:
 * a mismatch throws instead of quietly dropping or misfiling a matter.
 */
export function buildSeedCatalog(
  listed: readonly ListedMatter[],
  classification: readonly MatterClassification[] = MATTER_CLASSIFICATION,
  guides: readonly SeedGuide[] = SEED_GUIDES,
  forms: readonly SeedForm[] = SEED_FORMS,
  lifeEvents: readonly SeedLifeEvent[] = SEED_LIFE_EVENTS,
  aliases: readonly MatterAliases[] = SEED_ALIASES,
): Catalog {
  const rowBySeq = indexBySeq(classification, 'classification row');
  const aliasesBySeq = indexBySeq(aliases, 'alias row');
  const guideBySeq = indexBySeq(guides, 'guide');
  const formBySeq = indexBySeq(forms, 'form');
  const listedSeqs = new Set(listed.map((matter) => matter.seq));
  for (const [what, seqs] of [
    ['classification row', rowBySeq.keys()],
    ['guide', guideBySeq.keys()],
    ['form', formBySeq.keys()],
    ['alias row', aliasesBySeq.keys()],
    ['life event matter', lifeEvents.flatMap((event) => event.seqs)],
  ] as const) {
    for (const seq of seqs) {
      if (!listedSeqs.has(seq)) throw new Error(`seed: a ${what} for seq ${seq}, which is not on the list`);
    }
  }

  const matters = listed.map((listedMatter): Matter => {
    const { seq, name } = listedMatter;
    const row = rowBySeq.get(seq);
    if (!row) throw new Error(`seed: seq ${seq} ${name} has no classification row`);
    if (row.name !== name)
      throw new Error(`seed: the classification row for seq ${seq} is for ${row.name}, not ${name}`);
    const seedGuide = guideBySeq.get(seq);
    if (seedGuide && seedGuide.matterName !== name) {
      throw new Error(`seed: the guide for seq ${seq} is for ${seedGuide.matterName}, not ${name}`);
    }
    const seedForm = formBySeq.get(seq);
    if (seedForm && seedForm.matterName !== name) {
      throw new Error(`seed: the form for seq ${seq} is for ${seedForm.matterName}, not ${name}`);
    }
    if (seedForm && !row.channels.includes('selfService')) {
      throw new Error(`seed: seq ${seq} ${name} has a form but is not offered for self-service`);
    }
    const aliasRow = aliasesBySeq.get(seq);
    if (aliasRow && aliasRow.name !== name) {
      throw new Error(`seed: the aliases for seq ${seq} are for ${aliasRow.name}, not ${name}`);
    }
    return {
      code: seedMatterCode(seq),
      version:
        FIRST_VERSION +
        (seedForm ? FORM_ADDED : 0) +
        (aliasRow ? ALIASES_ADDED : 0) +
        (CORRECTED_GUIDES.has(seq) ? GUIDE_CORRECTED : 0),
      seq,
      name,
      serviceKind: row.kind,
      caseType: listedMatter.caseType,
      promisedWorkingDays: row.days,
      handling: listedMatter.handling,
      channels: [...row.channels],
      themeIds: [...row.themes],
      departmentCode: row.dept,
      crossVillage: row.cross,
      guide: seedGuide?.guide ?? null,
      ...(aliasRow ? { aliases: [...aliasRow.aliases] } : {}),
      ...(seedForm ? { form: seedForm.form.map((field) => ({ ...field })) } : {}),
    };
  });

  return Catalog.parse({
    version: SEED_CATALOG_VERSION,
    publishedAt: SEED_PUBLISHED_AT,
    region: { ...SEED_REGION },
    themes: SEED_THEMES.map((theme) => ({ ...theme })),
    departments: SEED_DEPARTMENTS.map((department) => ({ ...department })),
    matters,
    lifeEvents: lifeEvents.map((event) => ({
      id: event.id,
      name: event.name,
      description: event.description,
      matterCodes: event.seqs.map(seedMatterCode),
    })),
  });
}

function indexBySeq<T extends { seq: number }>(items: readonly T[], what: string): Map<number, T> {
  const bySeq = new Map<number, T>();
  for (const item of items) {
    if (bySeq.has(item.seq)) throw new Error(`seed: more than one ${what} for seq ${item.seq}`);
    bySeq.set(item.seq, item);
  }
  return bySeq;
}

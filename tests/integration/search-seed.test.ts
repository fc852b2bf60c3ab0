import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contract } from '../../core/api/contract';
import { createDispatcher } from '../../core/api/dispatcher';
import { SearchResult } from '../../core/api/find';
import { ok } from '../../core/pure/result';
import type { Handlers } from '../../core/api/types';
import { buildFindHandlers } from '../../core/catalog/handlers';
import { SYLLABLES, termSyllables } from '../../core/catalog/pinyin-syllables';
import { silentLogger } from '../../core/logging/logger';
import { loadSeedCatalog } from '../../platform/seed';
import { SEARCH_QUERIES } from '../bench/search-queries';
import { kioskInfoFixture } from '../helpers/kiosk-info-fixture';
import { memoryStore } from '../../core/testing/memory-store';

/**
 * Search over the real seed catalog through the kiosk's store and API: the words the search
 * screen suggests, the review's failures, and every query of the benchmark's expected answers.
 */
const seed = loadSeedCatalog();
const db = memoryStore({ catalog: seed, at: '2026-12-01T01:00:00.000Z' });
afterAll(() => db.close());

const handlers = buildFindHandlers({
  db,
  info: kioskInfoFixture,
  logger: silentLogger(),
  now: () => new Date(),
  devices: { print: (document) => Promise.resolve(ok({ receiptId: document.id, printedAt: 't' })) },
  usage: { counts: () => new Map() },
});
const dispatch = createDispatcher(contract, handlers as unknown as Handlers<typeof contract>, {
  error: () => undefined,
});

async function search(text: string, limit = 200): Promise<SearchResult> {
  const result = await dispatch('catalog.search', { text, limit }, { host: 'test', requestId: 'r' });
  if (!result.ok) throw new Error(`search ${text}: ${JSON.stringify(result.error)}`);
  return SearchResult.parse(result.value);
}
const seqsOf = (result: SearchResult) =>
  result.hits.map((hit) => seed.matters.find((matter) => matter.code === hit.code)?.seq);
const seqOf = (seq: number) => `370784-CJ-${String(seq).padStart(3, '0')}`;

const locale = (language: string) =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, `../../renderer/src/i18n/locales/${language}/search.json`), 'utf8'),
  ) as { quickPicks: string; inputPlaceholder: string };

describe('the words the search screen suggests', () => {
  for (const language of ['zh-CN', 'en']) {
    const words = locale(language).quickPicks.split(' ').filter(Boolean);
    it.each(words)(`${language}: %s finds at least one matter`, async (word) => {
      expect((await search(word)).total).toBeGreaterThanOrEqual(1);
    });
  }

  it('include the examples of the search field (社保, shebao, sb), which find matters too', async () => {
    const examples = locale('zh-CN').inputPlaceholder.match(/[a-z]+|\p{Script=Han}{2,}/gu) ?? [];
    expect(examples).toEqual(expect.arrayContaining(['社保', 'shebao', 'sb']));
    for (const example of examples.filter((word) => word !== '例如')) {
      expect((await search(example)).total, example).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('the seed catalog read as pinyin', () => {
  it('gives every character of every name and alias a syllable of the table, so typed letters can reach it', () => {
    const texts = seed.matters.flatMap((matter) => [matter.name, ...(matter.aliases ?? [])]);
    const outside = texts.flatMap((text) =>
      termSyllables(text).filter((syllable) => /^[a-z]+$/.test(syllable) && !SYLLABLES.has(syllable)),
    );
    expect(outside).toEqual([]);
  });
});

describe("the review's failures", () => {
  it('低保 finds 最低生活保障 first, the matter whose guide says （低保）', async () => {
    const result = await search('低保');
    expect(result.hits[0]).toMatchObject({ code: seqOf(18), matchedIn: 'alias', matchedText: '低保' });
  });

  it('医保 finds the medical insurance matters and 医疗救助', async () => {
    expect(seqsOf(await search('医保'))).toEqual(expect.arrayContaining([9, 10, 11, 12]));
  });

  it('户口 finds the matters that move with one (pension and party relations), never nothing', async () => {
    expect(seqsOf(await search('户口'))).toEqual(expect.arrayContaining([8, 36]));
  });

  it('证明 finds the village stamp, the 政审, the 身份认定 and the 鉴定', async () => {
    const result = await search('证明');
    expect(seqsOf(result)).toEqual(expect.arrayContaining([50, 38, 30, 17]));
    expect(result.hits[0]?.code).toBe(seqOf(50));
  });

  it('社保 finds all eight social-insurance matters, the one named 社保 first', async () => {
    const result = await search('社保');
    const socialInsurance = seed.matters.filter((matter) => matter.themeIds.includes('socialInsurance'));
    expect(socialInsurance).toHaveLength(8);
    expect(result.hits.map((hit) => hit.code)).toEqual(
      expect.arrayContaining(socialInsurance.map((matter) => matter.code)),
    );
    expect(result.hits[0]).toMatchObject({ code: seqOf(3), matchedIn: 'name', highlights: [[17, 19]] });
  });

  it('sb (the initials the hint shows) finds the social-insurance matters too', async () => {
    expect(seqsOf(await search('sb'))).toEqual(expect.arrayContaining([1, 2, 3, 4, 5, 6, 7, 8]));
  });
});

describe('the expected answers of the search benchmark', () => {
  it.each(SEARCH_QUERIES.map((query) => [query.text, query.kind, query.seqs] as const))(
    '%s (%s) finds %j',
    async (text, _kind, seqs) => {
      expect(seqsOf(await search(text))).toEqual(expect.arrayContaining([...seqs]));
    },
  );
});

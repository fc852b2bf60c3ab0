import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Fuse from 'fuse.js';
import PinyinMatch from 'pinyin-match';
import { contract } from '../../core/api/contract';
import { createDispatcher } from '../../core/api/dispatcher';
import { ok } from '../../core/pure/result';
import type { Handlers } from '../../core/api/types';
import { replaceCatalog } from '../../core/catalog/catalog-store';
import { buildFindHandlers } from '../../core/catalog/handlers';
import { termSyllables } from '../../core/catalog/pinyin-syllables';
import { buildSearchIndex } from '../../core/catalog/search-index';
import { searchDocumentOf } from '../../core/catalog/search-store';
import { silentLogger } from '../../core/logging/logger';
import { migrate } from '../../core/store/migrate';
import { migrations } from '../../core/store/migrations';
import type { Catalog } from '../../platform/contract/catalog';
import { loadSeedCatalog } from '../../platform/seed';
import { kioskInfoFixture } from '../helpers/kiosk-info-fixture';
import { compared, sample, summarise, times, withNote, type Summary } from './measure';
import { SEARCH_QUERIES, type ExpectedQuery, type QueryKind } from './search-queries';

export const SEARCH_BENCH_SIZE = 5000;

/**
 * A county-sized catalog whose names and aliases read like real ones: the first half of one seed
 * name joined to the second half of another (城乡居民基本养老 + 高龄补贴 …), and the same for each
 * alias, so pinyin and initials spread the way they do in a real list rather than repeating 62
 * names. Departments and guides are the seed's.
 */
export function searchBenchCatalog(size = SEARCH_BENCH_SIZE): Catalog {
  const seed = loadSeedCatalog();
  const count = seed.matters.length;
  const mix = (head: string, tail: string) =>
    `${head.slice(0, Math.ceil(head.length / 2))}${tail.slice(Math.floor(tail.length / 2))}`;
  const matters = Array.from({ length: size }, (_, index) => {
    const base = seed.matters[index % count]!;
    const other = seed.matters[Math.floor(index / count) % count]!;
    const name = mix(base.name, other.name);
    const otherAliases = other.aliases ?? [];
    const aliases = [
      ...new Set((base.aliases ?? []).map((alias, i) => mix(alias, otherAliases[i % otherAliases.length] ?? alias))),
    ].filter((alias) => alias !== name);
    return { ...base, code: `370784-BENCH-${String(index + 1).padStart(5, '0')}`, seq: index + 1, name, aliases };
  });
  return { ...seed, version: `search-bench-${size}`, matters, lifeEvents: [] };
}

/** One search engine under test: what it returns for a query, as matter codes, best first. */
interface Engine {
  readonly name: string;
  search(text: string): string[];
}

interface EngineDocument {
  readonly code: string;
  readonly texts: readonly string[];
}

function documentsOf(catalog: Catalog): EngineDocument[] {
  return catalog.matters.map((matter) => ({ code: matter.code, texts: [matter.name, ...(matter.aliases ?? [])] }));
}

function ours(catalog: Catalog): Engine {
  const departments = new Map(catalog.departments.map((d) => [d.code, d.name]));
  const index = buildSearchIndex(
    catalog.matters.map((matter) =>
      searchDocumentOf({
        code: matter.code,
        name: matter.name,
        seq: matter.seq,
        aliases: matter.aliases ?? [],
        departmentName: departments.get(matter.departmentCode) ?? null,
        guide: matter.guide,
      }),
    ),
  );
  return { name: 'bianmin-kiosk', search: (text) => index.search(text).hits.map((hit) => hit.document.code) };
}

/** pinyin-match 1.2.10 over each matter's name and aliases; results by where the match starts. */
function pinyinMatch(catalog: Catalog): Engine {
  const documents = documentsOf(catalog);
  return {
    name: 'pinyin-match',
    search(text) {
      const found: Array<{ code: string; at: number }> = [];
      for (const document of documents) {
        let at = Infinity;
        for (const candidate of document.texts) {
          const match = PinyinMatch.match(candidate, text);
          if (match) at = Math.min(at, match[0]);
        }
        if (at !== Infinity) found.push({ code: document.code, at });
      }
      return found.sort((a, b) => a.at - b.at).map((hit) => hit.code);
    },
  };
}

/**
 * fuse.js 7.5.0 over each matter's name and aliases and, so that pinyin can match at all, their
 * full toneless pinyin and initials (read with pinyin-pro as ours are). threshold 0.4 (fuse's
 * default is 0.6, which returns most of the catalog for two characters), match anywhere.
 */
function fuse(catalog: Catalog): Engine {
  const documents = documentsOf(catalog).map((document) => {
    const syllables = document.texts.map((text) => termSyllables(text).filter(Boolean));
    return {
      code: document.code,
      texts: document.texts,
      pinyin: syllables.map((list) => list.join('')),
      initials: syllables.map((list) => list.map((syllable) => syllable.slice(0, 1)).join('')),
    };
  });
  const engine = new Fuse(documents, {
    keys: ['texts', 'pinyin', 'initials'],
    threshold: 0.4,
    ignoreLocation: true,
  });
  return { name: 'fuse.js', search: (text) => engine.search(text.toLowerCase()).map((hit) => hit.item.code) };
}

interface Recall {
  readonly engine: string;
  readonly recall: number;
  readonly top10Recall: number;
  readonly precision: number;
  readonly queriesFullyAnswered: number;
  readonly byKind: Partial<Record<QueryKind, number>>;
  readonly misses: ReadonlyArray<{ query: string; missing: number[] }>;
}

function recallOf(engine: Engine, catalog: Catalog, queries: readonly ExpectedQuery[]): Recall {
  const seqOf = new Map(catalog.matters.map((matter) => [matter.code, matter.seq]));
  let recallSum = 0;
  let top10Sum = 0;
  let precisionSum = 0;
  let full = 0;
  const byKind = new Map<QueryKind, number[]>();
  const misses: Array<{ query: string; missing: number[] }> = [];
  for (const query of queries) {
    const returned = engine.search(query.text).map((code) => seqOf.get(code) ?? -1);
    const expected = new Set(query.seqs);
    const found = returned.filter((seq) => expected.has(seq));
    const recall = found.length / expected.size;
    recallSum += recall;
    top10Sum += returned.slice(0, 10).filter((seq) => expected.has(seq)).length / Math.min(10, expected.size);
    precisionSum += returned.length === 0 ? 0 : found.length / returned.length;
    if (recall === 1) full++;
    else misses.push({ query: query.text, missing: query.seqs.filter((seq) => !returned.includes(seq)) });
    byKind.set(query.kind, [...(byKind.get(query.kind) ?? []), recall]);
  }
  const average = (values: readonly number[]) => round(values.reduce((a, b) => a + b, 0) / values.length);
  return {
    engine: engine.name,
    recall: round(recallSum / queries.length),
    top10Recall: round(top10Sum / queries.length),
    precision: round(precisionSum / queries.length),
    queriesFullyAnswered: full,
    byKind: Object.fromEntries([...byKind].map(([kind, values]) => [kind, average(values)])),
    misses,
  };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * The CPU time (user + system) of each run, in ms: on a shared machine the wall clock also counts
 * the time other processes had the cores, which says nothing about the search.
 */
function cpuSamples(times: number, run: () => unknown): number[] {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const before = process.cpuUsage();
    run();
    const spent = process.cpuUsage(before);
    samples.push((spent.user + spent.system) / 1000);
  }
  return samples;
}

async function speedOf(engine: Engine, rounds: number): Promise<Summary> {
  for (const query of SEARCH_QUERIES) engine.search(query.text);
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const query of SEARCH_QUERIES) samples.push(...(await sample(1, () => engine.search(query.text))));
  }
  return summarise(`search ${engine.name} (${SEARCH_BENCH_SIZE}, ${SEARCH_QUERIES.length} queries)`, samples);
}

/**
 * catalog.search over 5 000 matters with aliases through the real dispatcher (input and output
 * validated), the index alone, and the two peers on the same texts and queries; recall of all
 * three on the seed catalog against the expected answers of search-queries.ts. Writes
 * test-results/bench-search.json.
 */
export async function searchBenchmarks(): Promise<Summary[]> {
  const catalog = searchBenchCatalog();
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  if (!migrate(db, migrations, () => 't').ok) throw new Error('migration failed');
  const results: Summary[] = [
    summarise(
      `store: replace catalog + search index (${SEARCH_BENCH_SIZE})`,
      await sample(times(3), () => replaceCatalog(db, catalog, new Date().toISOString())),
    ),
  ];
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
  const ctx = { host: 'test' as const, requestId: 'bench' };
  results.push(
    summarise(
      `api: first catalog.search, index read and built (${SEARCH_BENCH_SIZE})`,
      await sample(1, () => dispatch('catalog.search', { text: 'sb' }, ctx)),
    ),
  );
  for (const query of SEARCH_QUERIES) await dispatch('catalog.search', { text: query.text }, ctx);
  const apiSamples: number[] = [];
  for (let r = 0; r < times(10); r++) {
    for (const query of SEARCH_QUERIES) {
      apiSamples.push(...(await sample(1, () => dispatch('catalog.search', { text: query.text }, ctx))));
    }
  }
  results.push(summarise(`api: catalog.search (${SEARCH_BENCH_SIZE}, ${SEARCH_QUERIES.length} queries)`, apiSamples));
  db.close();

  const engines = [ours(catalog), pinyinMatch(catalog), fuse(catalog)];
  const cpu: number[] = [];
  for (let r = 0; r < times(10); r++)
    for (const query of SEARCH_QUERIES) cpu.push(...cpuSamples(1, () => engines[0]!.search(query.text)));
  results.push(
    summarise(`search ${engines[0]!.name}, CPU time (${SEARCH_BENCH_SIZE}, ${SEARCH_QUERIES.length} queries)`, cpu),
  );
  const speeds = [
    await speedOf(engines[0]!, times(10)),
    await speedOf(engines[1]!, times(3)),
    await speedOf(engines[2]!, times(3)),
  ];
  const seed = loadSeedCatalog();
  const recalls = [ours(seed), pinyinMatch(seed), fuse(seed)].map((engine) => recallOf(engine, seed, SEARCH_QUERIES));
  // Each peer's row carries its ratio to ours, on the same names, queries and machine load.
  speeds.forEach((speed, index) => {
    const recall = recalls[index];
    const note = recall ? `recall ${recall.recall.toFixed(3)} on the seed catalog` : '';
    results.push(withNote(index === 0 ? speed : compared(speed, speeds[0]!, 'p50'), note));
  });
  printComparison(speeds, recalls);
  mkdirSync(join(process.cwd(), 'test-results'), { recursive: true });
  writeFileSync(
    join(
      process.cwd(),
      process.env['BENCH_QUICK'] === '1' ? 'test-results/bench-search-quick.json' : 'test-results/bench-search.json',
    ),
    JSON.stringify(
      {
        at: new Date().toISOString(),
        catalogSize: SEARCH_BENCH_SIZE,
        // The machine's load while measuring: wall-clock figures include other processes' turns.
        loadAverage: loadavg(),
        cores: availableParallelism(),
        queries: SEARCH_QUERIES.length,
        speed: results,
        recallOnSeedCatalog: recalls,
      },
      null,
      2,
    ),
  );
  return results;
}

function printComparison(speeds: readonly Summary[], recalls: readonly Recall[]): void {
  const [one, five] = loadavg();
  console.log(
    `\nsearch: ${SEARCH_BENCH_SIZE} matters for speed (load average ${one?.toFixed(1)}/${five?.toFixed(1)} on ${availableParallelism()} cores), the 62 seed matters for recall (${SEARCH_QUERIES.length} queries)`,
  );
  console.log('engine           p50 ms   p99 ms   recall   top-10   precision   fully answered');
  recalls.forEach((recall, index) => {
    const speed = speeds[index];
    console.log(
      `${recall.engine.padEnd(15)}${(speed?.p50Ms ?? NaN).toFixed(2).padStart(8)} ${(speed?.p99Ms ?? NaN).toFixed(2).padStart(8)}` +
        `${recall.recall.toFixed(3).padStart(9)}${recall.top10Recall.toFixed(3).padStart(9)}${recall.precision.toFixed(3).padStart(12)}` +
        `${`${recall.queriesFullyAnswered}/${SEARCH_QUERIES.length}`.padStart(17)}`,
    );
  });
}

import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { SearchEntry } from './search-index';

/** The stored search index (catalog_search, migration 0006): written with the catalog, read by search. */

/** Writes one matter's index row; prepare once per transaction, call per matter. */
export function insertSearchRow(db: Database.Database): (entry: Pick<SearchEntry, 'code' | 'syllables'>) => void {
  const statement = db.prepare(
    'INSERT INTO catalog_search (matter_code, syllables, full_pinyin, initials) VALUES (?, ?, ?, ?)',
  );
  return (entry) => {
    statement.run(
      entry.code,
      JSON.stringify(entry.syllables),
      entry.syllables.join(''),
      entry.syllables.map((syllable) => syllable.slice(0, 1)).join(''),
    );
  };
}

interface SearchRow {
  code: string;
  name: string;
  seq: number;
  syllables: string;
  has_guide: number;
  channels: string;
}

export interface StoredSearchEntry extends SearchEntry {
  readonly hasGuide: boolean;
  readonly channels: readonly string[];
}

const Strings = z.array(z.string());

/** Every matter's index entry, in published order. */
export function readSearchEntries(db: Database.Database): StoredSearchEntry[] {
  const rows = db
    .prepare(
      `SELECT m.code, m.name, m.seq, s.syllables, m.guide IS NOT NULL AS has_guide, m.channels
       FROM catalog_matter m JOIN catalog_search s ON s.matter_code = m.code ORDER BY m.seq`,
    )
    .all() as SearchRow[];
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    seq: row.seq,
    syllables: Strings.parse(JSON.parse(row.syllables)),
    hasGuide: row.has_guide === 1,
    channels: Strings.parse(JSON.parse(row.channels)),
  }));
}

import type Database from 'better-sqlite3';
import { z } from 'zod';
import { Guide } from '../../platform/contract/catalog';
import { guideKeywords } from './guide-keywords';
import { termSyllables } from './pinyin-syllables';
import type { SearchDocument, SearchTerm } from './search-index';

/**
 * The stored search index: catalog_search (names, migration 0006) and catalog_search_term
 * (aliases, department names, guide phrases, migration 0011), written with the catalog and read
 * by search. The index is derived data: when the code reads texts differently (a new
 * SEARCH_INDEX_FORMAT), the rows are rebuilt from the stored catalog on the next search instead
 * of waiting for the platform's next catalog version.
 */

/** Raise when what is indexed, or how, changes. 1 was names only (migration 0006). */
export const SEARCH_INDEX_FORMAT = 2;

export interface IndexedMatter {
  readonly code: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly departmentName: string | null;
  readonly guide: Guide | null;
}

/** The texts of a matter that search looks in besides its name, in the order they are stored. */
function searchTextsOf(matter: IndexedMatter): Array<Pick<SearchTerm, 'field' | 'text'>> {
  return [
    ...matter.aliases.map((text) => ({ field: 'alias' as const, text })),
    ...(matter.departmentName ? [{ field: 'department' as const, text: matter.departmentName }] : []),
    ...(matter.guide ? guideKeywords(matter.guide).map((text) => ({ field: 'guide' as const, text })) : []),
  ];
}

/** A matter's search document as the store would give it back, without a store (tests, benchmarks). */
export function searchDocumentOf(matter: IndexedMatter & { readonly seq: number }): SearchDocument {
  return {
    code: matter.code,
    name: matter.name,
    seq: matter.seq,
    nameSyllables: termSyllables(matter.name),
    terms: searchTextsOf(matter).map((term) => ({ ...term, syllables: termSyllables(term.text) })),
  };
}

/**
 * Writes one matter's index rows; prepare once per transaction, call per matter. Texts repeated
 * across matters (a department, a phrase shared by guides) are read once per writer.
 */
export function searchRowWriter(db: Database.Database): (matter: IndexedMatter) => void {
  const nameRow = db.prepare(
    'INSERT INTO catalog_search (matter_code, syllables, full_pinyin, initials) VALUES (?, ?, ?, ?)',
  );
  const termRow = db.prepare(
    'INSERT INTO catalog_search_term (matter_code, position, field, text, syllables) VALUES (?, ?, ?, ?, ?)',
  );
  const read = new Map<string, string[]>();
  const syllablesOf = (text: string) => {
    let syllables = read.get(text);
    if (!syllables) {
      syllables = termSyllables(text);
      read.set(text, syllables);
    }
    return syllables;
  };
  return (matter) => {
    const syllables = syllablesOf(matter.name);
    nameRow.run(
      matter.code,
      JSON.stringify(syllables),
      syllables.join(''),
      syllables.map((syllable) => syllable.slice(0, 1)).join(''),
    );
    searchTextsOf(matter).forEach((term, position) => {
      termRow.run(matter.code, position, term.field, term.text, JSON.stringify(syllablesOf(term.text)));
    });
  };
}

export function markSearchFormat(db: Database.Database): void {
  db.prepare(
    'INSERT INTO catalog_search_format (id, format) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET format = excluded.format',
  ).run(SEARCH_INDEX_FORMAT);
}

function storedFormat(db: Database.Database): number | null {
  const format = db.prepare('SELECT format FROM catalog_search_format WHERE id = 1').pluck().get() as
    number | undefined;
  return format ?? null;
}

const Strings = z.array(z.string());

/** Rebuilds every index row from the stored catalog, in one transaction. */
export function rebuildSearchIndex(db: Database.Database): void {
  db.transaction(() => {
    const rows = db
      .prepare(
        `SELECT m.code, m.name, m.aliases, d.name AS department_name, m.guide
         FROM catalog_matter m LEFT JOIN catalog_department d ON d.code = m.department_code`,
      )
      .all() as Array<{
      code: string;
      name: string;
      aliases: string;
      department_name: string | null;
      guide: string | null;
    }>;
    db.exec('DELETE FROM catalog_search_term; DELETE FROM catalog_search;');
    const write = searchRowWriter(db);
    for (const row of rows) {
      write({
        code: row.code,
        name: row.name,
        aliases: Strings.parse(JSON.parse(row.aliases)),
        departmentName: row.department_name,
        guide: row.guide === null ? null : Guide.parse(JSON.parse(row.guide)),
      });
    }
    markSearchFormat(db);
  })();
}

export interface StoredSearchDocument extends SearchDocument {
  readonly hasGuide: boolean;
  readonly channels: readonly string[];
}

interface DocumentRow {
  code: string;
  name: string;
  seq: number;
  syllables: string;
  has_guide: number;
  channels: string;
}

const Field = z.enum(['alias', 'department', 'guide']);

/**
 * Every matter's search document, in published order; rebuilds the stored index first when it
 * was built by another format (or not at all, right after migration 0011).
 */
export function readSearchDocuments(db: Database.Database): StoredSearchDocument[] {
  if (storedFormat(db) !== SEARCH_INDEX_FORMAT) rebuildSearchIndex(db);
  const terms = new Map<string, SearchTerm[]>();
  const termRows = db
    .prepare('SELECT matter_code, field, text, syllables FROM catalog_search_term ORDER BY matter_code, position')
    .all() as Array<{ matter_code: string; field: string; text: string; syllables: string }>;
  const parsed = new Map<string, string[]>();
  for (const row of termRows) {
    let syllables = parsed.get(row.syllables);
    if (!syllables) {
      syllables = Strings.parse(JSON.parse(row.syllables));
      parsed.set(row.syllables, syllables);
    }
    const list = terms.get(row.matter_code) ?? [];
    list.push({ field: Field.parse(row.field), text: row.text, syllables });
    terms.set(row.matter_code, list);
  }
  const rows = db
    .prepare(
      `SELECT m.code, m.name, m.seq, s.syllables, m.guide IS NOT NULL AS has_guide, m.channels
       FROM catalog_matter m JOIN catalog_search s ON s.matter_code = m.code ORDER BY m.seq`,
    )
    .all() as DocumentRow[];
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    seq: row.seq,
    nameSyllables: Strings.parse(JSON.parse(row.syllables)),
    terms: terms.get(row.code) ?? [],
    hasGuide: row.has_guide === 1,
    channels: Strings.parse(JSON.parse(row.channels)),
  }));
}

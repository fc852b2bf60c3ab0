import type { Migration } from '../migration';

/**
 * Search by meaning: each matter's aliases (又称, published with the catalog) and the terms the
 * search index keeps besides the name.
 * - catalog_matter.aliases: the matter's aliases as published, a JSON array ('[]' for a catalog
 *   published before aliases existed).
 * - catalog_search_term: per matter, every searchable text other than its name (its aliases, its
 *   department's name, the key phrases of its guide) with the toneless pinyin of each character,
 *   as catalog_search has for names. Rewritten with the catalog, in the same transaction.
 * - catalog_search_format: which format of the index the stored rows were built with. This
 *   migration leaves it empty, so the kiosk rebuilds the index from the stored catalog on its
 *   first search; the rebuild runs the search code of the day, which a migration must not
 *   (a migration does the same thing whenever it runs).
 */
export const migration0011: Migration = {
  version: 11,
  name: 'catalog-aliases-and-search-terms',
  up(db) {
    db.exec(`
      ALTER TABLE catalog_matter ADD COLUMN aliases TEXT NOT NULL DEFAULT '[]'
        CHECK (json_valid(aliases) AND json_type(aliases) = 'array');

      CREATE TABLE catalog_search_term (
        matter_code TEXT NOT NULL REFERENCES catalog_matter (code) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 0),
        field TEXT NOT NULL CHECK (field IN ('alias', 'department', 'guide')),
        text TEXT NOT NULL CHECK (length(text) > 0),
        syllables TEXT NOT NULL CHECK (json_valid(syllables) AND json_type(syllables) = 'array'),
        PRIMARY KEY (matter_code, position)
      ) STRICT;

      CREATE TABLE catalog_search_format (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        format INTEGER NOT NULL CHECK (format > 0)
      ) STRICT;
    `);
  },
};

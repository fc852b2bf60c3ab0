import { pinyin } from 'pinyin-pro';
import type { Migration } from '../migration';

/**
 * What the catalog gained for finding and applying (issue 4): each self-service matter's
 * application form, the life-event bundles (一件事) and the search index of matter names.
 * All three are part of the stored catalog version: replaceCatalog rewrites them with the
 * matters, in the same transaction.
 *
 * The search index keeps, per matter, the toneless pinyin of every character of its name
 * (`syllables`, a JSON array aligned with the name's characters, '' for punctuation) so that a
 * match by pinyin or initials can be highlighted on the name; `full_pinyin` and `initials` are
 * the same spelled out, for inspection and for a prefilter should the catalog ever outgrow memory.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'catalog-search',
  up(db) {
    db.exec(`
      CREATE TABLE catalog_matter_form (
        matter_code TEXT PRIMARY KEY REFERENCES catalog_matter (code) ON DELETE CASCADE,
        fields TEXT NOT NULL CHECK (json_valid(fields) AND json_type(fields) = 'array' AND json_array_length(fields) > 0)
      ) STRICT;

      CREATE TABLE catalog_life_event (
        id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
        name TEXT NOT NULL CHECK (length(name) > 0),
        description TEXT NOT NULL,
        sort_order INTEGER NOT NULL UNIQUE
      ) STRICT;

      CREATE TABLE catalog_life_event_matter (
        life_event_id TEXT NOT NULL REFERENCES catalog_life_event (id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 0),
        matter_code TEXT NOT NULL REFERENCES catalog_matter (code) ON DELETE CASCADE,
        PRIMARY KEY (life_event_id, position),
        UNIQUE (life_event_id, matter_code)
      ) STRICT;

      CREATE TABLE catalog_search (
        matter_code TEXT PRIMARY KEY REFERENCES catalog_matter (code) ON DELETE CASCADE,
        syllables TEXT NOT NULL CHECK (json_valid(syllables) AND json_type(syllables) = 'array'),
        full_pinyin TEXT NOT NULL,
        initials TEXT NOT NULL
      ) STRICT;
    `);
    // A catalog stored before this migration gets its index now, so search works at once
    // instead of after the next catalog version. The index rows are computed here, as they were
    // when this migration shipped, not by the live search code: a migration must do the same
    // thing whenever it runs.
    const matters = db.prepare('SELECT code, name FROM catalog_matter').all() as Array<{ code: string; name: string }>;
    const insert = db.prepare(
      'INSERT INTO catalog_search (matter_code, syllables, full_pinyin, initials) VALUES (?, ?, ?, ?)',
    );
    for (const matter of matters) {
      const syllables = nameSyllablesAsOf0006(matter.name);
      insert.run(
        matter.code,
        JSON.stringify(syllables),
        syllables.join(''),
        syllables.map((syllable) => syllable.slice(0, 1)).join(''),
      );
    }
  },
};

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** The toneless pinyin of each character of a name; letters and digits stand for themselves, punctuation ''. */
function nameSyllablesAsOf0006(name: string): string[] {
  const characters = Array.from(name);
  const readings = pinyin(name, { toneType: 'none', type: 'array', v: true });
  const aligned = readings.length === characters.length;
  return characters.map((character, index) => {
    const reading = (aligned ? readings[index] : character) ?? character;
    if (!LETTER_OR_DIGIT.test(character)) return '';
    return reading.toLowerCase();
  });
}

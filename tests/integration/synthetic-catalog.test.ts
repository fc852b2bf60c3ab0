import { describe, expect, it } from 'vitest';
import { replaceCatalog } from '../../core/catalog/catalog-store';
import { Catalog } from '../../platform/contract/catalog';
import { syntheticCatalog } from '../bench/synthetic-catalog';
import { memoryStore } from '../../core/testing/memory-store';

describe('syntheticCatalog', () => {
  it.each([
    [10, 2],
    [62, 4],
    [300, 4],
  ])(
    'builds a catalog of %i matters that the contract and the store accept, with %i life events',
    (size, lifeEvents) => {
      const catalog = syntheticCatalog(size);
      expect(catalog.matters).toHaveLength(size);
      expect(Catalog.safeParse(catalog).success).toBe(true);
      const db = memoryStore();
      expect(() => replaceCatalog(db, catalog, 't')).not.toThrow();
      const events = db.prepare('SELECT COUNT(*) FROM catalog_life_event').pluck().get();
      // The seed's life events: 2 + 9 and 7 + 4 are among the first ten matters; 13, 14, 22 and 24, 25 are not.
      expect(events).toBe(lifeEvents);
      db.close();
    },
  );
});

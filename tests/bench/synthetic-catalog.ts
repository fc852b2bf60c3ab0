import type { Catalog } from '../../platform/contract/catalog';
import { loadSeedCatalog } from '../../platform/seed';

/**
 * The seeded 62-matter catalog grown to `size` matters by repeating its matters under new codes,
 * the scale of a county's full list (a few thousand), for store and API benchmarks.
 */
export function syntheticCatalog(size: number): Catalog {
  const seed = loadSeedCatalog();
  const matters = Array.from({ length: size }, (_, index) => {
    const base = seed.matters[index % seed.matters.length]!;
    return {
      ...base,
      code: `370784-BENCH-${String(index + 1).padStart(5, '0')}`,
      seq: index + 1,
      name: `${base.name}（${index + 1}）`,
    };
  });
  return { ...seed, version: `bench-${size}`, matters };
}

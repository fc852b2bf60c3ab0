import type { Catalog } from '../../platform/contract/catalog';
import { loadSeedCatalog } from '../../platform/seed';

export const syntheticCode = (index: number): string => `370784-BENCH-${String(index + 1).padStart(5, '0')}`;

/**
 * The seeded 62-matter catalog grown to `size` matters by repeating its matters under new codes,
 * the scale of a county's full list (a few thousand), for store and API benchmarks. The seed's
 * life events point at the first copy of their matters (a catalog whose events name matters it
 * does not hold is refused by the store); an event whose matters are not all copied is left out.
 */
export function syntheticCatalog(size: number): Catalog {
  const seed = loadSeedCatalog();
  const matters = Array.from({ length: size }, (_, index) => {
    const base = seed.matters[index % seed.matters.length]!;
    return { ...base, code: syntheticCode(index), seq: index + 1, name: `${base.name}（${index + 1}）` };
  });
  const firstCopy = new Map(seed.matters.slice(0, size).map((matter, index) => [matter.code, syntheticCode(index)]));
  const lifeEvents = seed.lifeEvents.flatMap((event) => {
    const matterCodes = event.matterCodes.map((code) => firstCopy.get(code));
    return matterCodes.every((code) => code !== undefined) ? [{ ...event, matterCodes }] : [];
  });
  return { ...seed, version: `bench-${size}`, matters, lifeEvents };
}

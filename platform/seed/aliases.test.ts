import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MatterAlias } from '../contract/catalog';
import { SEED_ALIASES } from './aliases';
import { buildSeedCatalog, loadSeedCatalog } from './index';
import { parseMatterList } from './matter-list';

const catalog = loadSeedCatalog();
const bySeq = (seq: number) => catalog.matters.find((matter) => matter.seq === seq);

describe('the seed aliases', () => {
  it('give every one of the 62 matters some aliases, one row per seq in list order', () => {
    expect(SEED_ALIASES.map((row) => row.seq)).toEqual(Array.from({ length: 62 }, (_, i) => i + 1));
    for (const matter of catalog.matters) {
      expect(matter.aliases?.length ?? 0, matter.name).toBeGreaterThanOrEqual(3);
    }
  });

  it('are valid aliases: short, each once per matter, and never a piece of the name itself', () => {
    for (const row of SEED_ALIASES) {
      expect(new Set(row.aliases).size, row.name).toBe(row.aliases.length);
      for (const alias of row.aliases) {
        expect(MatterAlias.safeParse(alias).success, alias).toBe(true);
        // An alias that is part of the name adds nothing: the name already matches it.
        expect(row.name.includes(alias), `${row.name} ⊃ ${alias}`).toBe(false);
      }
    }
  });

  it('carry the words villagers use for the matters clerks hear about most', () => {
    const expected: Array<[number, string]> = [
      [2, '农保'],
      [2, '居保'],
      [9, '合作医疗'],
      [9, '新农合'],
      [14, '长寿金'],
      [15, '独生子女奖励'],
      [18, '低保'],
      [19, '五保'],
      [19, '五保户'],
      [20, '困难补助'],
      [24, '残疾证补贴'],
      [30, '老兵'],
      [30, '退役军人'],
      [50, '开证明'],
    ];
    for (const [seq, alias] of expected) expect(bySeq(seq)?.aliases, `${seq} ${alias}`).toContain(alias);
  });

  it('are published with the catalog, and a row filed under the wrong matter is refused', () => {
    const listed = parseMatterList(readFileSync(join(import.meta.dirname, 'anqiu-village-matters.csv'), 'utf8'));
    const misfiled = SEED_ALIASES.map((row) => (row.seq === 18 ? { ...row, seq: 19 } : row));
    expect(() => buildSeedCatalog(listed, undefined, undefined, undefined, undefined, misfiled)).toThrow(
      /more than one alias row for seq 19/,
    );
    const renamed = SEED_ALIASES.map((row) => (row.seq === 18 ? { ...row, name: '低保' } : row));
    expect(() => buildSeedCatalog(listed, undefined, undefined, undefined, undefined, renamed)).toThrow(
      /aliases for seq 18 are for 低保, not 最低生活保障/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { catalogFixture } from '../../tests/helpers/catalog-fixture';
import { Catalog } from './catalog';

const problems = (catalog: unknown) => {
  const result = Catalog.safeParse(catalog);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('Catalog schema', () => {
  it('accepts a consistent catalog', () => {
    expect(problems(catalogFixture())).toEqual([]);
  });

  it('refuses references to themes and departments that do not exist', () => {
    const catalog = catalogFixture();
    catalog.matters[0]!.themeIds = ['ghost'];
    catalog.matters[1]!.departmentCode = 'GHOST';
    expect(problems(catalog)).toEqual([
      'matters.0.themeIds: unknown theme ghost',
      'matters.1.departmentCode: unknown department GHOST',
    ]);
  });

  it('refuses duplicates of codes, seqs, theme ids and department codes', () => {
    const catalog = catalogFixture();
    catalog.matters[1] = { ...catalog.matters[1]!, code: catalog.matters[0]!.code, seq: catalog.matters[0]!.seq };
    catalog.themes.push({ ...catalog.themes[0]! });
    catalog.departments.push({ ...catalog.departments[0]! });
    expect(problems(catalog)).toEqual(
      expect.arrayContaining([
        'themes: duplicate theme id',
        'departments: duplicate department code',
        'matters: duplicate matter seq',
        expect.stringMatching(/duplicate matter code/),
      ]),
    );
  });

  it('ties the time limit to the case type and to the guide', () => {
    const instantWithLimit = catalogFixture();
    instantWithLimit.matters[0]!.promisedWorkingDays = 5;
    expect(problems(instantWithLimit)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^matters.0.promisedWorkingDays: 承诺件 need/)]),
    );
    const guideDisagrees = catalogFixture();
    guideDisagrees.matters[0]!.guide!.promise.promisedWorkingDays = 3;
    expect(problems(guideDisagrees)).toEqual([
      "matters.0.guide.promise.promisedWorkingDays: the guide's promised time limit differs from the matter's",
    ]);
  });

  it('refuses a guide with an empty required section', () => {
    const catalog = catalogFixture();
    catalog.matters[0]!.guide!.process = [];
    expect(problems(catalog)[0]).toMatch(/^matters.0.guide.process/);
  });
});

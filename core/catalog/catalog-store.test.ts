import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { Catalog } from '../../platform/contract/catalog';
import { catalogFixture, fixtureGuide } from '../../tests/helpers/catalog-fixture';
import { MatterDetail } from '../api/contract';
import { catalogOverview, getMatter, listMatters, readCatalogMeta, replaceCatalog } from './catalog-store';
import { memoryStore } from '../testing/memory-store';

let db: Database.Database;
beforeEach(() => {
  db = memoryStore({ at: '2026-11-21T00:00:00.000Z' });
});

const all = { offset: 0, limit: 200 };

describe('catalog store', () => {
  it('starts empty', () => {
    expect(readCatalogMeta(db)).toBeNull();
    expect(catalogOverview(db)).toBeNull();
    expect(listMatters(db, all)).toEqual({ total: 0, matters: [] });
  });

  it('round-trips a catalog: every matter and its guide come back as stored', () => {
    const catalog = catalogFixture();
    Catalog.parse(catalog);
    replaceCatalog(db, catalog, '2026-11-21T01:00:00.000Z');
    expect(readCatalogMeta(db)).toMatchObject({ version: catalog.version, regionName: '安丘市' });

    const detail = getMatter(db, '370784-CJ-013');
    expect(MatterDetail.parse(detail)).toEqual(detail);
    expect(detail?.guide).toEqual(fixtureGuide);
    expect(detail?.department?.name).toBe('安丘市民政局');
    expect(detail?.themes.map((t) => t.id)).toEqual(['elderly']);
    expect(getMatter(db, '370784-CJ-020')?.guide).toBeNull();
    expect(getMatter(db, 'NOPE-000')).toBeNull();

    const listed = listMatters(db, all);
    expect(listed.matters.map((m) => m.seq)).toEqual([13, 20, 52]);
    expect(listed.matters[0]).toMatchObject({
      hasGuide: true,
      crossVillage: true,
      channels: ['selfService', 'assistRequest'],
    });
    expect(listed.matters[1]).toMatchObject({ hasGuide: false, crossVillage: false, promisedWorkingDays: 10 });
  });

  it('filters by every facet and combines them', () => {
    replaceCatalog(db, catalogFixture(), 't');
    const codes = (query: Parameters<typeof listMatters>[1]) => listMatters(db, query).matters.map((m) => m.seq);
    expect(codes({ ...all, themeId: 'elderly' })).toEqual([13, 20]);
    expect(codes({ ...all, serviceKind: 'consultation' })).toEqual([52]);
    expect(codes({ ...all, handling: 'assisted' })).toEqual([20]);
    expect(codes({ ...all, caseType: 'instant' })).toEqual([13, 52]);
    expect(codes({ ...all, departmentCode: 'SFJ' })).toEqual([52]);
    expect(codes({ ...all, themeId: 'elderly', caseType: 'instant' })).toEqual([13]);
    expect(codes({ ...all, themeId: 'unknown' })).toEqual([]);
    expect(listMatters(db, { offset: 1, limit: 1 })).toMatchObject({ total: 3, matters: [{ seq: 20 }] });
  });

  it('counts for the overview', () => {
    replaceCatalog(db, catalogFixture(), 't');
    const overview = catalogOverview(db);
    expect(overview?.matterCount).toBe(3);
    expect(overview?.serviceKinds).toEqual([
      { kind: 'assistedAcceptance', count: 1 },
      { kind: 'approvalAgency', count: 1 },
      { kind: 'consultation', count: 1 },
    ]);
    expect(overview?.themes.map((t) => [t.id, t.count])).toEqual([
      ['elderly', 2],
      ['socialAssistance', 1],
      ['legal', 1],
    ]);
    expect(overview?.departments.map((d) => [d.code, d.count])).toEqual([
      ['MZJ', 2],
      ['SFJ', 1],
    ]);
  });

  it('replaces a catalog whole: matters removed from the new version disappear', () => {
    replaceCatalog(db, catalogFixture(), 't1');
    const next = catalogFixture('2026.11.21-1');
    next.matters = next.matters.filter((m) => m.seq !== 20);
    replaceCatalog(db, next, 't2');
    expect(readCatalogMeta(db)?.version).toBe('2026.11.21-1');
    expect(listMatters(db, all).matters.map((m) => m.seq)).toEqual([13, 52]);
    expect(db.prepare('SELECT COUNT(*) FROM catalog_matter_theme').pluck().get()).toBe(2);
  });

  it('keeps the old catalog when writing a new one fails half way', () => {
    replaceCatalog(db, catalogFixture(), 't1');
    const broken = catalogFixture('2026.11.21-2');
    broken.matters[2] = { ...broken.matters[2]!, departmentCode: 'GONE' };
    expect(() => replaceCatalog(db, broken, 't2')).toThrow(/FOREIGN KEY/);
    expect(readCatalogMeta(db)?.version).toBe('2026.11.20-1');
    expect(listMatters(db, all).total).toBe(3);
  });
});

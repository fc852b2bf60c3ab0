import type Database from 'better-sqlite3';
import {
  Channel,
  Guide,
  type Catalog,
  type CaseType,
  type Department,
  type Handling,
  type ServiceKind,
  type Theme,
} from '../../platform/contract/catalog';
import type { CatalogOverview, CatalogQuery, MatterDetail, MatterSummary } from '../api/contract';
import { z } from 'zod';
import { MatterForm } from '../../platform/contract/forms';
import { markSearchFormat, searchRowWriter } from './search-store';

/**
 * The stored catalog: written whole by the sync, read by the API. Rows map to contract types
 * here and nowhere else; booleans are 0/1 in SQLite and mapped in one place (model-codebases §5.10).
 */

export interface CatalogMeta {
  readonly version: string;
  readonly publishedAt: string;
  readonly regionCode: string;
  readonly regionName: string;
  readonly storedAt: string;
}

interface MatterRow {
  code: string;
  version: number;
  seq: number;
  name: string;
  service_kind: ServiceKind;
  case_type: CaseType;
  promised_working_days: number | null;
  handling: Handling;
  channels: string;
  department_code: string;
  cross_village: number;
  guide: string | null;
  aliases: string;
  theme_ids: string;
}

const ChannelList = z.array(Channel);
const ThemeIdList = z.array(z.string());
const AliasList = z.array(z.string());

/**
 * Replaces the stored catalog with `catalog` in one transaction; readers see old or new, never a
 * mix. The forms, life events and search index of the version are written in the same transaction.
 */
export function replaceCatalog(db: Database.Database, catalog: Catalog, storedAt: string): void {
  db.transaction(() => {
    db.exec(
      `DELETE FROM catalog_search_term; DELETE FROM catalog_search; DELETE FROM catalog_life_event_matter; DELETE FROM catalog_life_event;
       DELETE FROM catalog_matter_form; DELETE FROM catalog_matter_theme; DELETE FROM catalog_matter;
       DELETE FROM catalog_theme; DELETE FROM catalog_department; DELETE FROM catalog_meta;`,
    );
    db.prepare(
      'INSERT INTO catalog_meta (id, version, published_at, region_code, region_name, stored_at) VALUES (1, ?, ?, ?, ?, ?)',
    ).run(catalog.version, catalog.publishedAt, catalog.region.code, catalog.region.name, storedAt);
    const theme = db.prepare('INSERT INTO catalog_theme (id, name, sort_order) VALUES (?, ?, ?)');
    for (const t of catalog.themes) theme.run(t.id, t.name, t.order);
    const department = db.prepare('INSERT INTO catalog_department (code, name, phone) VALUES (?, ?, ?)');
    for (const d of catalog.departments) department.run(d.code, d.name, d.phone ?? null);
    const matter = db.prepare(
      `INSERT INTO catalog_matter (code, version, seq, name, service_kind, case_type, promised_working_days, handling,
         channels, department_code, cross_village, guide, aliases)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const matterTheme = db.prepare('INSERT INTO catalog_matter_theme (matter_code, theme_id) VALUES (?, ?)');
    const form = db.prepare('INSERT INTO catalog_matter_form (matter_code, fields) VALUES (?, ?)');
    const searchRows = searchRowWriter(db);
    const departmentNames = new Map(catalog.departments.map((d) => [d.code, d.name]));
    for (const m of catalog.matters) {
      matter.run(
        m.code,
        m.version,
        m.seq,
        m.name,
        m.serviceKind,
        m.caseType,
        m.promisedWorkingDays,
        m.handling,
        JSON.stringify(m.channels),
        m.departmentCode,
        m.crossVillage ? 1 : 0,
        m.guide ? JSON.stringify(m.guide) : null,
        JSON.stringify(m.aliases ?? []),
      );
      for (const themeId of m.themeIds) matterTheme.run(m.code, themeId);
      if (m.form && m.form.length > 0) form.run(m.code, JSON.stringify(m.form));
      searchRows({
        code: m.code,
        name: m.name,
        aliases: m.aliases ?? [],
        departmentName: departmentNames.get(m.departmentCode) ?? null,
        guide: m.guide,
      });
    }
    markSearchFormat(db);
    const lifeEvent = db.prepare(
      'INSERT INTO catalog_life_event (id, name, description, sort_order) VALUES (?, ?, ?, ?)',
    );
    const lifeEventMatter = db.prepare(
      'INSERT INTO catalog_life_event_matter (life_event_id, position, matter_code) VALUES (?, ?, ?)',
    );
    (catalog.lifeEvents ?? []).forEach((event, order) => {
      lifeEvent.run(event.id, event.name, event.description, order);
      event.matterCodes.forEach((code, position) => lifeEventMatter.run(event.id, position, code));
    });
  })();
}

/** The application form of a matter, or null when it has none (not offered for self-service). */
export function readMatterForm(db: Database.Database, code: string): MatterForm | null {
  const fields = db.prepare('SELECT fields FROM catalog_matter_form WHERE matter_code = ?').pluck().get(code) as
    string | undefined;
  return fields === undefined ? null : MatterForm.parse(JSON.parse(fields));
}

export function readCatalogMeta(db: Database.Database): CatalogMeta | null {
  const row = db
    .prepare('SELECT version, published_at, region_code, region_name, stored_at FROM catalog_meta WHERE id = 1')
    .get() as
    { version: string; published_at: string; region_code: string; region_name: string; stored_at: string } | undefined;
  if (!row) return null;
  return {
    version: row.version,
    publishedAt: row.published_at,
    regionCode: row.region_code,
    regionName: row.region_name,
    storedAt: row.stored_at,
  };
}

export function countMatters(db: Database.Database): number {
  return Number(db.prepare('SELECT COUNT(*) FROM catalog_matter').pluck().get());
}

const MATTER_COLUMNS = `m.code, m.version, m.seq, m.name, m.service_kind, m.case_type, m.promised_working_days, m.handling,
  m.channels, m.department_code, m.cross_village, m.guide, m.aliases,
  (SELECT json_group_array(theme_id) FROM catalog_matter_theme WHERE matter_code = m.code) AS theme_ids`;

/** Matters matching every given filter, in published order. */
export function listMatters(
  db: Database.Database,
  query: Required<Pick<CatalogQuery, 'offset' | 'limit'>> & Omit<CatalogQuery, 'offset' | 'limit'>,
): { total: number; matters: MatterSummary[] } {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (query.serviceKind) {
    where.push('m.service_kind = @serviceKind');
    params['serviceKind'] = query.serviceKind;
  }
  if (query.handling) {
    where.push('m.handling = @handling');
    params['handling'] = query.handling;
  }
  if (query.caseType) {
    where.push('m.case_type = @caseType');
    params['caseType'] = query.caseType;
  }
  if (query.departmentCode) {
    where.push('m.department_code = @departmentCode');
    params['departmentCode'] = query.departmentCode;
  }
  if (query.themeId) {
    where.push('EXISTS (SELECT 1 FROM catalog_matter_theme t WHERE t.matter_code = m.code AND t.theme_id = @themeId)');
    params['themeId'] = query.themeId;
  }
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = Number(db.prepare(`SELECT COUNT(*) FROM catalog_matter m ${filter}`).pluck().get(params));
  const rows = db
    .prepare(`SELECT ${MATTER_COLUMNS} FROM catalog_matter m ${filter} ORDER BY m.seq LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: query.limit, offset: query.offset }) as MatterRow[];
  return { total, matters: rows.map(toSummary) };
}

export function getMatter(db: Database.Database, code: string): MatterDetail | null {
  const meta = readCatalogMeta(db);
  const row = db.prepare(`SELECT ${MATTER_COLUMNS} FROM catalog_matter m WHERE m.code = ?`).get(code) as
    MatterRow | undefined;
  if (!meta || !row) return null;
  const summary = toSummary(row);
  const department = db
    .prepare('SELECT code, name, phone FROM catalog_department WHERE code = ?')
    .get(row.department_code) as { code: string; name: string; phone: string | null } | undefined;
  const themes = db
    .prepare(
      `SELECT t.id, t.name, t.sort_order FROM catalog_theme t JOIN catalog_matter_theme mt ON mt.theme_id = t.id
       WHERE mt.matter_code = ? ORDER BY t.sort_order`,
    )
    .all(code) as Array<{ id: string; name: string; sort_order: number }>;
  const { hasGuide: _hasGuide, ...matter } = summary;
  const form = readMatterForm(db, code);
  const aliases = AliasList.parse(JSON.parse(row.aliases));
  return {
    ...matter,
    ...(aliases.length > 0 ? { aliases } : {}),
    ...(form ? { form } : {}),
    guide: row.guide === null ? null : Guide.parse(JSON.parse(row.guide)),
    catalogVersion: meta.version,
    department: department ? toDepartment(department) : null,
    themes: themes.map((t) => ({ id: t.id, name: t.name, order: t.sort_order })),
  };
}

/** Counts for the home screen: by service kind, theme, handling mode and department. */
export function catalogOverview(db: Database.Database): CatalogOverview | null {
  const meta = readCatalogMeta(db);
  if (!meta) return null;
  const serviceKinds = db
    .prepare(
      'SELECT service_kind AS kind, COUNT(*) AS count FROM catalog_matter GROUP BY service_kind ORDER BY MIN(seq)',
    )
    .all() as Array<{ kind: ServiceKind; count: number }>;
  const handlings = db
    .prepare('SELECT handling, COUNT(*) AS count FROM catalog_matter GROUP BY handling ORDER BY MIN(seq)')
    .all() as Array<{ handling: Handling; count: number }>;
  const themes = db
    .prepare(
      `SELECT t.id, t.name, t.sort_order, COUNT(mt.matter_code) AS count FROM catalog_theme t
       LEFT JOIN catalog_matter_theme mt ON mt.theme_id = t.id GROUP BY t.id ORDER BY t.sort_order, t.id`,
    )
    .all() as Array<{ id: string; name: string; sort_order: number; count: number }>;
  const departments = db
    .prepare(
      `SELECT d.code, d.name, d.phone, COUNT(m.code) AS count FROM catalog_department d
       LEFT JOIN catalog_matter m ON m.department_code = d.code GROUP BY d.code ORDER BY MIN(m.seq), d.code`,
    )
    .all() as Array<{ code: string; name: string; phone: string | null; count: number }>;
  return {
    version: meta.version,
    region: { code: meta.regionCode, name: meta.regionName },
    matterCount: countMatters(db),
    serviceKinds,
    handlings,
    themes: themes.map((t): Theme & { count: number } => ({
      id: t.id,
      name: t.name,
      order: t.sort_order,
      count: t.count,
    })),
    departments: departments.map((d) => ({ ...toDepartment(d), count: d.count })),
  };
}

function toSummary(row: MatterRow): MatterSummary {
  return {
    code: row.code,
    version: row.version,
    seq: row.seq,
    name: row.name,
    serviceKind: row.service_kind,
    caseType: row.case_type,
    promisedWorkingDays: row.promised_working_days,
    handling: row.handling,
    channels: ChannelList.parse(JSON.parse(row.channels)),
    themeIds: ThemeIdList.parse(JSON.parse(row.theme_ids)),
    departmentCode: row.department_code,
    crossVillage: row.cross_village === 1,
    hasGuide: row.guide !== null,
  };
}

function toDepartment(row: { code: string; name: string; phone: string | null }): Department {
  return row.phone === null ? { code: row.code, name: row.name } : { code: row.code, name: row.name, phone: row.phone };
}

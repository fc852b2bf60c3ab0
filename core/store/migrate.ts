import type Database from 'better-sqlite3';
import { err, ok, type Result } from '../pure/result';
import type { Migration } from './migration';

export interface MigrationReport {
  readonly from: number;
  readonly to: number;
  readonly applied: readonly string[];
}

export type SchemaError =
  | { kind: 'newerSchema'; found: number; known: number }
  | { kind: 'foreignSchema'; version: number; expected: string; found: string }
  | { kind: 'notOurs'; tables: readonly string[] };

/**
 * Brings the database up to the newest migration this code knows. It refuses, and changes
 * nothing, when the database was written by a newer kiosk (a downgrade must never drop data it
 * does not understand), when a recorded migration has another name than ours (a different
 * program's database), or when an unversioned database already holds tables.
 */
export function migrate(
  db: Database.Database,
  all: readonly Migration[],
  now: () => string,
): Result<MigrationReport, SchemaError> {
  assertOrdered(all);
  const known = all.length === 0 ? 0 : all[all.length - 1]!.version;
  const current = Number(db.pragma('user_version', { simple: true }));

  if (current > known) return err({ kind: 'newerSchema', found: current, known });

  if (current === 0) {
    const tables = userTables(db);
    if (tables.length > 0) return err({ kind: 'notOurs', tables });
  } else {
    const recorded = db.prepare('SELECT version, name FROM schema_migration ORDER BY version').all() as Array<{
      version: number;
      name: string;
    }>;
    for (const row of recorded) {
      const ours = all.find((m) => m.version === row.version);
      if (!ours || ours.name !== row.name) {
        return err({ kind: 'foreignSchema', version: row.version, expected: ours?.name ?? '(none)', found: row.name });
      }
    }
  }

  const applied: string[] = [];
  for (const migration of all) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      if (migration.version === 1) {
        db.exec(`CREATE TABLE schema_migration (
          version INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          applied_at TEXT NOT NULL
        ) STRICT`);
      }
      migration.up(db);
      db.prepare('INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        now(),
      );
      db.pragma(`user_version = ${migration.version}`);
    })();
    applied.push(`${String(migration.version).padStart(4, '0')}-${migration.name}`);
  }
  return ok({ from: current, to: known, applied });
}

export function describeSchemaError(error: SchemaError, path: string): string {
  switch (error.kind) {
    case 'newerSchema':
      return (
        `the store ${path} has schema version ${error.found}, but this kiosk software only knows versions up to ` +
        `${error.known}: it was written by a newer release. Refusing to start so that no data is lost. ` +
        'Install the newer release again, or ask the maintainer how to restore a backup. Nothing was changed.'
      );
    case 'foreignSchema':
      return (
        `the store ${path} records migration ${error.version} as "${error.found}" where this software expects ` +
        `"${error.expected}": it belongs to another program or a diverged build. Refusing to start; nothing was changed.`
      );
    case 'notOurs':
      return (
        `the store ${path} has no kiosk schema version but already holds tables (${error.tables.join(', ')}): ` +
        'it is not a kiosk store. Refusing to start; nothing was changed. Point data.dir at an empty folder.'
      );
  }
}

function userTables(db: Database.Database): string[] {
  const rows = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as Array<{ name: string }>;
  return rows.map((row) => row.name);
}

function assertOrdered(all: readonly Migration[]): void {
  all.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration ${migration.name} has version ${migration.version}, expected ${index + 1}`);
    }
  });
}

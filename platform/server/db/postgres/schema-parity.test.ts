import { afterAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../testing/test-database';
import { MIGRATIONS } from '../migrations';
import { databaseAt, TEST_SEALER } from '../migrations/testing';
import { migratePostgres } from './migrate';
import { POSTGRES_MIGRATIONS } from './migrations';
import { postgresSchemaShape, schemaDifferences, sqliteSchemaShape, type SchemaShape } from './schema-shape';
import { createScratchDatabase, dropScratchDatabases, rawPostgres } from './testing';

/**
 * The two numbered migration lists (db/migrations/ for SQLite, db/postgres/migrations/ for
 * PostgreSQL) must leave the same schema behind: the store writes one SQL for both. A migration
 * added to one list only, or a column, key or index that differs, fails here with the table and
 * column named.
 */
// Migrating a whole database on a shared cluster takes seconds on a busy machine; nothing here measures time.
describe.skipIf(testEngine() !== 'postgres')(
  'schema parity between SQLite and PostgreSQL',
  { timeout: 120_000 },
  () => {
    afterAll(dropScratchDatabases, 120_000);

    it('has a PostgreSQL migration for every SQLite one, with the same versions and names', () => {
      expect(POSTGRES_MIGRATIONS.map((m) => `${m.version} ${m.name}`)).toEqual(
        MIGRATIONS.map((m) => `${m.version} ${m.name}`),
      );
    });

    it('leaves the same tables, columns, nullability, unique keys and indexes on both engines', async () => {
      const sqlite = databaseAt(MIGRATIONS.length);
      const sqliteShape = sqliteSchemaShape(sqlite);
      sqlite.close();
      const { url } = await createScratchDatabase();
      const db = rawPostgres(url);
      try {
        const migrated = await migratePostgres(db.pool, POSTGRES_MIGRATIONS, { sealer: TEST_SEALER });
        expect(migrated.ok).toBe(true);
        const postgresShape = await postgresSchemaShape(db);
        expect(schemaDifferences(sqliteShape, postgresShape, ['SQLite', 'PostgreSQL'])).toEqual([]);
        // The comparison saw the schema, not two empty descriptions.
        expect(Object.keys(postgresShape).length).toBeGreaterThan(30);
        expect(postgresShape['ticket_states']?.uniques).toContain('station_id,day,window_no (partial)');
      } finally {
        await db.close();
      }
    });
  },
);

describe('schemaDifferences', () => {
  const table = (overrides: Partial<SchemaShape[string]> = {}): SchemaShape[string] => ({
    columns: { id: { type: 'integer', notNull: true }, name: { type: 'text', notNull: false } },
    uniques: ['id'],
    indexes: ['t_by_name(name)'],
    ...overrides,
  });

  it('finds nothing between equal schemas', () => {
    expect(schemaDifferences({ t: table() }, { t: table() }, ['SQLite', 'PostgreSQL'])).toEqual([]);
  });

  it('names the table and column or key that differs, and the engine it is missing on', () => {
    const left: SchemaShape = { t: table(), only_left: table() };
    const right: SchemaShape = {
      t: table({
        columns: {
          id: { type: 'other: integer', notNull: true },
          name: { type: 'text', notNull: true },
          extra: { type: 'blob', notNull: false },
        },
        uniques: ['id', 'name (partial)'],
        indexes: [],
      }),
    };
    expect(schemaDifferences(left, right, ['SQLite', 'PostgreSQL'])).toEqual([
      'table only_left exists only on SQLite',
      't.extra exists only on PostgreSQL',
      't.id is integer on SQLite but other: integer on PostgreSQL',
      't.name is nullable on SQLite but NOT NULL on PostgreSQL',
      't: unique key name (partial) is missing on SQLite',
      't: index t_by_name(name) is missing on PostgreSQL',
    ]);
  });

  it('describes the SQLite schema with its rowid keys, constraint keys and partial unique indexes', () => {
    const sqlite = databaseAt(MIGRATIONS.length);
    const shape = sqliteSchemaShape(sqlite);
    sqlite.close();
    expect(shape['console_users']?.uniques).toEqual(['user_id', 'username']);
    expect(shape['ticket_states']?.uniques).toEqual(['station_id,day,window_no (partial)', 'ticket_id']);
    expect(shape['materials']?.columns['sealed_bytes']).toEqual({ type: 'blob', notNull: true });
    expect(shape['assistance_requests']?.indexes).toContain(
      'assistance_requests_by_requester(requester_index) (partial)',
    );
  });
});

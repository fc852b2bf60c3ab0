import type Database from 'better-sqlite3';
import type { SqlQueries } from '../sql';

/**
 * What the schema parity test compares between the engines (and between a fresh and an upgraded
 * PostgreSQL database): per table, each column's name, storage class and nullability, the column
 * lists that are unique (primary keys, UNIQUE constraints, unique indexes; partial ones marked),
 * and every other index by name and columns. Not compared: CHECK expressions and defaults, which
 * each engine spells its own way.
 */
export type StorageClass = 'text' | 'integer' | 'real' | 'blob';

export interface ColumnShape {
  readonly type: StorageClass | `other: ${string}`;
  readonly notNull: boolean;
}

export interface TableShape {
  readonly columns: Readonly<Record<string, ColumnShape>>;
  /** "a,b", or "a,b (partial)" for a unique index with a WHERE. */
  readonly uniques: readonly string[];
  /** "name(a,b)", with " (partial)" likewise. */
  readonly indexes: readonly string[];
}

export type SchemaShape = Readonly<Record<string, TableShape>>;

const SQLITE_TYPES: Readonly<Record<string, StorageClass>> = {
  TEXT: 'text',
  INTEGER: 'integer',
  REAL: 'real',
  BLOB: 'blob',
};
const POSTGRES_TYPES: Readonly<Record<string, StorageClass>> = {
  text: 'text',
  bigint: 'integer',
  'double precision': 'real',
  bytea: 'blob',
};

const partial = (isPartial: boolean): string => (isPartial ? ' (partial)' : '');

export function sqliteSchemaShape(db: Database.Database): SchemaShape {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as Array<{ name: string }>;
  const shape: Record<string, TableShape> = {};
  for (const { name: table } of tables) {
    const info = db
      .prepare('SELECT name, type, "notnull" AS "notNull", pk FROM pragma_table_info(?)')
      .all(table) as Array<{
      name: string;
      type: string;
      notNull: number;
      pk: number;
    }>;
    const columns: Record<string, ColumnShape> = {};
    for (const column of info) {
      // Primary-key columns of a STRICT table take no NULL, whatever table_info says.
      columns[column.name] = {
        type: SQLITE_TYPES[column.type.toUpperCase()] ?? `other: ${column.type}`,
        notNull: column.notNull === 1 || column.pk > 0,
      };
    }
    const uniques = new Set<string>();
    const primaryKey = info.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk);
    if (primaryKey.length > 0) uniques.add(primaryKey.map((column) => column.name).join(','));
    const indexes: string[] = [];
    const list = db
      .prepare('SELECT name, "unique" AS "isUnique", origin, partial FROM pragma_index_list(?)')
      .all(table) as Array<{
      name: string;
      isUnique: number;
      origin: string;
      partial: number;
    }>;
    for (const index of list) {
      if (index.origin === 'pk') continue;
      const keyColumns = (
        db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(index.name) as Array<{ name: string }>
      )
        .map((column) => column.name)
        .join(',');
      if (index.isUnique === 1) uniques.add(`${keyColumns}${partial(index.partial === 1)}`);
      else indexes.push(`${index.name}(${keyColumns})${partial(index.partial === 1)}`);
    }
    shape[table] = { columns, uniques: [...uniques].sort(), indexes: indexes.sort() };
  }
  return shape;
}

/** The same description of the current schema of a PostgreSQL database (schema_migrations left out). */
export async function postgresSchemaShape(db: SqlQueries): Promise<SchemaShape> {
  const columns = await db.all<{ table: string; column: string; type: string; nullable: string }>(
    `SELECT table_name AS "table", column_name AS "column", data_type AS type, is_nullable AS nullable
     FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name IN (
       SELECT table_name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations')
     ORDER BY table_name, column_name`,
  );
  const indexes = await db.all<{
    table: string;
    index: string;
    isUnique: boolean;
    isPartial: boolean;
    columns: string;
  }>(
    `SELECT t.relname AS "table", ix.relname AS "index", i.indisunique AS "isUnique",
       i.indpred IS NOT NULL AS "isPartial",
       (SELECT string_agg(a.attname, ',' ORDER BY k.ord)
        FROM unnest(CAST(i.indkey AS SMALLINT[])) WITH ORDINALITY AS k (attnum, ord)
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) AS columns
     FROM pg_index i
     JOIN pg_class t ON t.oid = i.indrelid
     JOIN pg_class ix ON ix.oid = i.indexrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = current_schema() AND t.relkind = 'r' AND t.relname <> 'schema_migrations'
     ORDER BY t.relname, ix.relname`,
  );
  const shape: Record<string, { columns: Record<string, ColumnShape>; uniques: string[]; indexes: string[] }> = {};
  const tableOf = (table: string) => (shape[table] ??= { columns: {}, uniques: [], indexes: [] });
  for (const column of columns) {
    tableOf(column.table).columns[column.column] = {
      type: POSTGRES_TYPES[column.type] ?? `other: ${column.type}`,
      notNull: column.nullable === 'NO',
    };
  }
  for (const index of indexes) {
    const table = tableOf(index.table);
    if (index.isUnique) table.uniques.push(`${index.columns}${partial(index.isPartial)}`);
    else table.indexes.push(`${index.index}(${index.columns})${partial(index.isPartial)}`);
  }
  for (const table of Object.values(shape)) {
    table.uniques = [...new Set(table.uniques)].sort();
    table.indexes.sort();
  }
  return shape;
}

/**
 * Every way `right` differs from `left`, one sentence each naming the table and column or key, so
 * a failing parity test says what to fix. Empty when they match.
 */
export function schemaDifferences(left: SchemaShape, right: SchemaShape, names: readonly [string, string]): string[] {
  const [leftName, rightName] = names;
  const differences: string[] = [];
  const tables = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
  for (const table of tables) {
    const a = left[table];
    const b = right[table];
    if (a === undefined || b === undefined) {
      differences.push(`table ${table} exists only on ${a === undefined ? rightName : leftName}`);
      continue;
    }
    const columns = [...new Set([...Object.keys(a.columns), ...Object.keys(b.columns)])].sort();
    for (const column of columns) {
      const x = a.columns[column];
      const y = b.columns[column];
      if (x === undefined || y === undefined) {
        differences.push(`${table}.${column} exists only on ${x === undefined ? rightName : leftName}`);
        continue;
      }
      if (x.type !== y.type)
        differences.push(`${table}.${column} is ${x.type} on ${leftName} but ${y.type} on ${rightName}`);
      if (x.notNull !== y.notNull) {
        const say = (notNull: boolean) => (notNull ? 'NOT NULL' : 'nullable');
        differences.push(
          `${table}.${column} is ${say(x.notNull)} on ${leftName} but ${say(y.notNull)} on ${rightName}`,
        );
      }
    }
    for (const [kind, ofA, ofB] of [
      ['unique key', a.uniques, b.uniques],
      ['index', a.indexes, b.indexes],
    ] as const) {
      for (const key of ofA)
        if (!ofB.includes(key)) differences.push(`${table}: ${kind} ${key} is missing on ${rightName}`);
      for (const key of ofB)
        if (!ofA.includes(key)) differences.push(`${table}: ${kind} ${key} is missing on ${leftName}`);
    }
  }
  return differences;
}

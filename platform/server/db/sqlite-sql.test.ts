import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { isUniqueViolation } from './sql';
import { sqliteSqlDb } from './sqlite-sql';

function fresh() {
  const db = sqliteSqlDb(new Database(':memory:'));
  return db;
}

describe('sqliteSqlDb', () => {
  it('answers get, all and run with positional and named parameters', async () => {
    const db = fresh();
    await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)');
    expect(await db.run('INSERT INTO t (name) VALUES (?), (?)', ['a', 'b'])).toEqual({ changes: 2 });
    expect(await db.get('SELECT name FROM t WHERE id = :id', { id: 2 })).toEqual({ name: 'b' });
    expect(await db.all<{ name: string }>('SELECT name FROM t ORDER BY id')).toEqual([{ name: 'a' }, { name: 'b' }]);
    const refused = await db.run('INSERT INTO t (name) VALUES (?)', ['a']).catch((error: unknown) => error);
    expect(isUniqueViolation(refused)).toBe(true);
  });

  it('keeps statements from outside out of a transaction that awaits between its own', async () => {
    const db = fresh();
    await db.exec('CREATE TABLE t (v INTEGER)');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const tx = db.transaction(async (inner) => {
      await inner.run('INSERT INTO t VALUES (1)');
      await gate;
      throw new Error('roll back');
    });
    // Issued while the transaction is open: must run after its rollback, not inside it.
    const outside = db.run('INSERT INTO t VALUES (2)');
    release();
    await expect(tx).rejects.toThrow('roll back');
    await outside;
    expect(await db.all('SELECT v FROM t')).toEqual([{ v: 2 }]);
  });

  it('commits a transaction whose work resolves, and nests inside it', async () => {
    const db = fresh();
    await db.exec('CREATE TABLE t (v INTEGER)');
    await db.transaction(async (tx) => {
      await tx.run('INSERT INTO t VALUES (1)');
      await tx.transaction(async (inner) => inner.run('INSERT INTO t VALUES (2)'));
    });
    expect(await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM t')).toEqual({ n: 2 });
  });

  it('delivers notifications in process and stops after unsubscribe', async () => {
    const db = fresh();
    const heard: string[] = [];
    const stop = await db.listen('calls', (payload) => heard.push(payload));
    await db.notify('calls', 'station-1');
    await stop();
    await db.notify('calls', 'station-2');
    expect(heard).toEqual(['station-1']);
    await db.close();
    await expect(db.get('SELECT 1')).rejects.toThrow(/closed/);
  });
});

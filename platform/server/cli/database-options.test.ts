import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseConfigFrom } from './database-options';

const dirs: string[] = [];
function secret(text: string, mode = 0o600): string {
  const dir = mkdtempSync(join(tmpdir(), 'db-options-'));
  dirs.push(dir);
  const file = join(dir, 'password');
  writeFileSync(file, text, { mode });
  return file;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('databaseConfigFrom', () => {
  it('is SQLite at the default path without options, at --db with it', () => {
    expect(databaseConfigFrom({}, '/tmp/default.db', {})).toEqual({
      ok: true,
      value: { engine: 'sqlite', path: '/tmp/default.db' },
    });
    expect(databaseConfigFrom({ db: '/srv/p.db' }, '/tmp/default.db', {})).toEqual({
      ok: true,
      value: { engine: 'sqlite', path: '/srv/p.db' },
    });
  });

  it('takes the PostgreSQL password from the file, else from the environment', () => {
    const url = 'postgres://bianmin@db.county.local:5432/bianmin';
    expect(databaseConfigFrom({ 'database-url': url, 'database-password-file': secret('s3cret\n') }, 'x', {})).toEqual({
      ok: true,
      value: { engine: 'postgres', url, password: 's3cret' },
    });
    expect(
      databaseConfigFrom({ 'database-url': url, 'database-pool-size': '20' }, 'x', {
        PLATFORM_DATABASE_PASSWORD: 'env',
      }),
    ).toEqual({ ok: true, value: { engine: 'postgres', url, password: 'env', maxConnections: 20 } });
  });

  it('refuses a password in the URL, both engines at once, a bad pool size and an open password file', () => {
    const refused = (values: Parameters<typeof databaseConfigFrom>[0]) => {
      const result = databaseConfigFrom(values, 'x', {});
      return result.ok ? 'accepted' : result.error;
    };
    expect(refused({ 'database-url': 'postgres://u:pw@h/db' })).toMatch(/must not carry the password/);
    expect(refused({ 'database-url': 'postgres://u@h/db', db: 'a.db' })).toMatch(/not both/);
    expect(refused({ 'database-url': 'mysql://u@h/db' })).toMatch(/postgres:\/\//);
    expect(refused({ 'database-url': 'postgres://u@h/db', 'database-pool-size': '1' })).toMatch(/2 to 200/);
    expect(refused({ 'database-pool-size': '5' })).toMatch(/go with --database-url/);
    expect(refused({ 'database-url': 'postgres://u@h/db', 'database-password-file': secret('pw', 0o644) })).toMatch(
      /password file/,
    );
  });
});

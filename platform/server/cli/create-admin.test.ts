import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPlatformServer } from '../start';
import { makeTempDir } from '../testing/harness';
import { createAdmin, parseCreateAdminArgs } from './create-admin';

const temps: Array<{ remove(): void }> = [];
afterEach(() => temps.splice(0).forEach((temp) => temp.remove()));

function tempDir(): string {
  const temp = makeTempDir();
  temps.push(temp);
  return temp.dir;
}

const CHEAP = { N: 2 ** 10, r: 8, p: 1 };
const AT = new Date('2026-03-02T01:00:00Z');

let files = 0;
function passwordFile(dir: string, text: string, mode = 0o600): string {
  files += 1;
  const path = join(dir, `password-${files}`);
  writeFileSync(path, text, { mode });
  return path;
}

describe('create-admin', { timeout: 60_000 }, () => {
  it('makes a county admin who can then sign in to the console of a platform on that database', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'platform.db');
    const request = {
      database: { engine: 'sqlite' as const, path: dbPath },
      username: 'zhao.admin',
      displayName: '赵管理员',
      passwordFile: passwordFile(dir, 'county printer paper 2026\n'),
      scrypt: CHEAP,
    };
    const created = await createAdmin(request, AT);
    expect(created).toMatchObject({
      ok: true,
      value: { userId: 'U-1', role: 'countyAdmin', scope: { kind: 'county' } },
    });

    const server = await startPlatformServer({ dbPath, port: 0 });
    try {
      const response = await fetch(`${server.origin}/console/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.origin, 'sec-fetch-site': 'same-origin' },
        body: JSON.stringify({ username: 'zhao.admin', password: 'county printer paper 2026' }),
      });
      expect(response.status).toBe(201);
      expect(await response.json()).toMatchObject({ user: { username: 'zhao.admin', role: 'countyAdmin' } });
    } finally {
      await server.close();
    }

    const again = await createAdmin(request, AT);
    expect(again).toMatchObject({ ok: false, error: { kind: 'refused', message: expect.stringMatching(/exists/) } });
  });

  it('refuses a weak password, a readable password file and a bad username, changing nothing', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'platform.db');
    const base = { database: { engine: 'sqlite', path: dbPath } as const, displayName: '赵', scrypt: CHEAP };
    expect(
      await createAdmin({ ...base, username: 'zhao.admin', passwordFile: passwordFile(dir, 'password123') }, AT),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/common/) },
    });
    expect(
      await createAdmin(
        { ...base, username: 'zhao.admin', passwordFile: passwordFile(dir, 'a fine long password', 0o644) },
        AT,
      ),
    ).toMatchObject({ ok: false, error: { message: expect.stringMatching(/chmod 600/) } });
    expect(
      await createAdmin(
        { ...base, username: 'Zhao Admin', passwordFile: passwordFile(dir, 'a fine long password') },
        AT,
      ),
    ).toMatchObject({ ok: false, error: { message: expect.stringMatching(/--username/) } });
    expect(existsSync(dbPath)).toBe(false);
  });

  it('needs every option and takes no password on the command line', () => {
    expect(parseCreateAdminArgs(['--db', 'p.db', '--username', 'zhao.admin'])).toMatchObject({
      ok: false,
      error: { kind: 'usage' },
    });
    expect(parseCreateAdminArgs(['--db', 'p.db', '--password', 'x'])).toMatchObject({
      ok: false,
      error: { kind: 'usage' },
    });
  });

  it('runs as `npm run platform -- create-admin`, printing one line', () => {
    const dir = tempDir();
    const main = new URL('../main.ts', import.meta.url).pathname;
    const args = [
      ...['--import', 'tsx', main, 'create-admin', '--db', join(dir, 'p.db')],
      ...[
        '--username',
        'zhao.admin',
        '--display-name',
        '赵管理员',
        '--password-file',
        passwordFile(dir, 'county printer paper 2026'),
      ],
    ];
    const first = spawnSync(process.execPath, args, { encoding: 'utf8' });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toBe('created county admin zhao.admin (U-1)\n');
    const second = spawnSync(process.execPath, args, { encoding: 'utf8' });
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/exists; nothing was changed/);
    const usage = spawnSync(process.execPath, ['--import', 'tsx', main, 'create-admin', '--db', join(dir, 'p.db')], {
      encoding: 'utf8',
    });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/usage: npm run platform -- create-admin/);
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from './testing/harness';

const temps: Array<{ remove(): void }> = [];
const children: ChildProcess[] = [];
afterEach(() => {
  // A failed assertion must not leave a server running: stop our own children by their handle.
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  temps.splice(0).forEach((temp) => temp.remove());
});

const MAIN = new URL('./main.ts', import.meta.url).pathname;
const TOKEN = 'main-test-token-0123456789';
const ADMIN = 'main-test-admin-token-9876543210';

function tempDir(): string {
  const temp = makeTempDir();
  temps.push(temp);
  return temp.dir;
}

function secretFile(dir: string, name: string, text: string, mode = 0o600): string {
  const path = join(dir, name);
  writeFileSync(path, text, { mode });
  return path;
}

function run(args: string[]): { child: ChildProcess; stderr: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, stderr: () => stderr };
}

async function exitOf(child: ChildProcess): Promise<number | null> {
  const [code] = (await once(child, 'exit')) as [number | null];
  return code;
}

describe('platform/server/main.ts', { timeout: 60_000 }, () => {
  it('reads terminals and the admin token from files, prints one line, serves, and stops cleanly on SIGTERM', async () => {
    const dir = tempDir();
    const terminals = secretFile(dir, 'terminals', `# station kiosks\n\nkiosk-9:${TOKEN}:st-9\n`);
    const admin = secretFile(dir, 'admin-token', `${ADMIN}\n`, 0o400);
    const { child } = run([
      ...['--port', '0', '--db', join(dir, 'p.db')],
      ...['--terminals-file', terminals, '--admin-token-file', admin],
    ]);
    const lines = createInterface({ input: child.stdout! });
    const [line] = (await once(lines, 'line')) as [string];
    const match = /^platform listening on (http:\/\/127\.0\.0\.1:\d+)\/api\/v1$/.exec(line);
    expect(match, line).not.toBeNull();
    const origin = match?.[1] ?? '';

    const catalog = await fetch(`${origin}/api/v1/catalog/version`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(catalog.status).toBe(200);
    expect(await catalog.json()).toMatchObject({ matterCount: 62 });
    const records = await fetch(`${origin}/_admin/records`, { headers: { authorization: `Bearer ${ADMIN}` } });
    expect(records.status).toBe(200);
    // No --data-key-file: a key was made beside the database, for its owner only.
    expect(statSync(join(dir, 'platform-data-key')).mode & 0o777).toBe(0o600);

    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(0);
  });

  it('starts with no token files at all, and says that only enrolled kiosks can call the API', async () => {
    const dir = tempDir();
    const { child, stderr } = run(['--port', '0', '--db', join(dir, 'p.db')]);
    const lines = createInterface({ input: child.stdout! });
    const [line] = (await once(lines, 'line')) as [string];
    const origin = /^platform listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1] ?? '';
    expect((await fetch(`${origin}/api/v1/catalog/version`)).status).toBe(401);
    expect(stderr()).toMatch(/no --terminals-file given: only kiosks enrolled through the console/);
    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(0);
  });

  it('refuses tokens on the command line, saying why and what to do instead', async () => {
    const { child, stderr } = run(['--terminal', `kiosk-9:${TOKEN}`, '--admin-token', ADMIN]);
    expect(await exitOf(child)).toBe(2);
    expect(stderr()).toMatch(/visible to every user of the machine in `ps`.*--terminals-file/s);
    expect(stderr()).not.toContain(TOKEN);
  });

  it('refuses a token file that others may read, and a malformed terminals file, before listening', async () => {
    const dir = tempDir();
    const open = secretFile(dir, 'terminals-open', `kiosk-9:${TOKEN}\n`, 0o644);
    const refused = run(['--port', '0', '--db', join(dir, 'p.db'), '--terminals-file', open]);
    expect(await exitOf(refused.child)).toBe(2);
    expect(refused.stderr()).toMatch(/mode 0644: group or others may access it.*chmod 600/s);

    const malformed = secretFile(dir, 'terminals-bad', 'no-token-here\n');
    const bad = run(['--port', '0', '--db', join(dir, 'p.db'), '--terminals-file', malformed]);
    expect(await exitOf(bad.child)).toBe(2);
    expect(bad.stderr()).toMatch(/terminals-bad line 1: expected <terminalId>:<token>\[:<stationId>\]/);
    expect(bad.stderr()).toMatch(/usage: npm run platform/);
  });

  it('runs its clock from --clock, and refuses a --clock without a zone', async () => {
    const dir = tempDir();
    const terminals = secretFile(dir, 'terminals', `kiosk-9:${TOKEN}:st-9\n`);
    const { child, stderr } = run([
      ...['--port', '0', '--db', join(dir, 'p.db'), '--terminals-file', terminals],
      ...['--clock', '2026-10-01T10:00:00+08:00'],
    ]);
    const lines = createInterface({ input: child.stdout! });
    const [line] = (await once(lines, 'line')) as [string];
    const origin = /^platform listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1] ?? '';
    // The queue status is stamped with the platform's clock: 国庆 morning, not today.
    const queues = await fetch(`${origin}/api/v1/stations/st-9/queues`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(queues.status).toBe(200);
    const { updatedAt } = (await queues.json()) as { updatedAt: string };
    expect(Date.parse(updatedAt) - Date.parse('2026-10-01T02:00:00Z')).toBeGreaterThanOrEqual(0);
    expect(Date.parse(updatedAt) - Date.parse('2026-10-01T02:00:00Z')).toBeLessThan(60_000);
    expect(stderr()).toMatch(/--clock: the platform's clock started at 2026-10-01T10:00:00\+08:00/);
    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(0);

    const refused = run(['--port', '0', '--db', join(dir, 'q.db'), '--clock', '2026-10-01 10:00']);
    expect(await exitOf(refused.child)).toBe(2);
    expect(refused.stderr()).toMatch(/--clock takes a date and time with its zone/);
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
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

describe('platform/server/main.ts', { timeout: 60_000 }, () => {
  it('prints one line with the base URL, serves the seeded catalog and stops cleanly on SIGTERM', async () => {
    const temp = makeTempDir();
    temps.push(temp);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', MAIN, '--port', '0', '--db', join(temp.dir, 'p.db'), '--terminal', `kiosk-9:${TOKEN}:st-9`],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(child);
    const lines = createInterface({ input: child.stdout });
    const [line] = (await once(lines, 'line')) as [string];
    const match = /^platform listening on (http:\/\/127\.0\.0\.1:\d+\/api\/v1)$/.exec(line);
    expect(match, line).not.toBeNull();

    const response = await fetch(`${match?.[1]}/catalog/version`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ matterCount: 62 });

    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });

  it('exits with status 2 and the usage on a bad --terminal', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--terminal', 'no-token-here'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(stderr).toMatch(/usage: npm run platform/);
  });
});

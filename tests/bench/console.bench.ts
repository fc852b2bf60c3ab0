import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consoleIsStale, buildConsole } from '../../scripts/build-console';
import { createConsoleAdmin } from '../e2e/support/console-admin';
import { runScript, waitForLine } from '../e2e/support/kiosk-process';
import { launchBenchChromium } from './chromium';
import { summarise, times, withNote, type Summary } from './measure';

const ADMIN = { username: 'bench.admin', displayName: '测试', password: 'bench-console-password-47' };

/**
 * The county console's first load (docs/console.md), as a county office PC meets it: a real
 * `npm run platform` process serving the production build, Debian Chromium with an empty cache
 * each time (a new context), from navigation to the sign-in form painted; then from pressing 登录
 * to the fleet table painted (a session made, the fleet read, the page drawn). Notes the bytes the
 * first load fetched. No goal in the issue; reported in the closing note.
 */
export async function consoleBenchmarks(): Promise<Summary[]> {
  if (consoleIsStale()) await buildConsole();
  const dir = mkdtempSync(join(tmpdir(), 'bench-console-'));
  const db = join(dir, 'platform.sqlite');
  await createConsoleAdmin(dir, db, ADMIN);
  const platform = runScript('platform/server/main.ts', ['--port', '0', '--db', db], {});
  const browser = await launchBenchChromium();
  const firstLoad: number[] = [];
  const signIn: number[] = [];
  let bytes = 0;
  try {
    const [, baseUrl] = await waitForLine(platform, /platform listening on (http:\/\/127\.0\.0\.1:\d+)\/api\/v1/);
    for (let round = 0; round < times(10); round++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      let fetched = 0;
      page.on('response', (response) => {
        void response.body().then(
          (body) => (fetched += body.length),
          () => undefined,
        );
      });
      const started = performance.now();
      await page.goto(`${baseUrl}/console/`);
      await page.getByLabel('用户名').waitFor();
      firstLoad.push(performance.now() - started);
      await page.getByLabel('用户名').fill(ADMIN.username);
      await page.getByLabel('密码').fill(ADMIN.password);
      const pressed = performance.now();
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByTestId('count-online').waitFor();
      signIn.push(performance.now() - pressed);
      bytes = fetched;
      await context.close();
    }
  } finally {
    await browser.close();
    await platform.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return [
    withNote(
      summarise('console first load: navigation → sign-in form (empty cache)', firstLoad),
      `${Math.round(bytes / 1024)} KB fetched by the first load and sign-in (uncompressed)`,
    ),
    withNote(
      summarise('console sign-in → fleet overview painted', signIn),
      'includes one scrypt check (N=2^17) off the event loop',
    ),
  ];
}

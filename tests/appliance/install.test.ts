import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { debFile } from '../../scripts/package/deb';
import { TEST_CHROMIUM_ARGS, TEST_CHROMIUM_PATH } from '../e2e/support/test-chromium';
import { makeBrokenRelease } from './support/broken-release';
import { cachedRootTarball, freshRoot, type DebianRoot } from './support/debian-root';
import { listenForNotifications, type NotifyListener, type NotifyMessage } from '../helpers/notify-listener';
import { readServiceUnit, type ServiceUnit } from './support/unit-file';

/**
 * The README's "Install at a station", done on a clean Debian 12 root: install the .deb that
 * `npm run package` built, run the service exactly as its unit says (systemd is not PID 1 here,
 * so the test plays systemd's part: the user, the environment, the notify socket, the boot guard
 * before each start), see READY and the watchdog, the home screen in Debian Chromium, the doctor,
 * and a bad update rolled back.
 */
const ROOT = join(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const DEB = debFile(ROOT, version);
const BROKEN_VERSION = `${version.replace(/\d+$/, (patch) => String(Number(patch) + 1))}`;
const NOTIFY_SOCKET = '/run/bianmin-test-notify.sock';

/** A notify message carrying this field. */
const has = (field: string) => (message: NotifyMessage) => message.fields.includes(field);

let root: DebianRoot;
let unit: ServiceUnit;
let notify: NotifyListener;
let browser: Browser | null = null;
const running = new Set<ChildProcess>();

/** The unit's ExecStartPre (privileged ones as root) as systemd runs them before each start. */
function runBootGuard(): string {
  return unit.execStartPre
    .map((step) =>
      root.run(step.command, { env: { ...unit.environment }, user: step.privileged ? undefined : unit.user }),
    )
    .join('');
}

/** The unit's ExecStart as its user, with what systemd puts in the environment. */
function startService(extraEnv: Record<string, string> = {}): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const env = {
    PATH: '/usr/sbin:/usr/bin:/sbin:/bin',
    LANG: 'C.UTF-8',
    ...unit.environment,
    ...extraEnv,
    NOTIFY_SOCKET,
    ...(unit.watchdogSec ? { WATCHDOG_USEC: String(unit.watchdogSec * 1_000_000) } : {}),
    ...(unit.runtimeDirectory ? { RUNTIME_DIRECTORY: `/run/${unit.runtimeDirectory}` } : {}),
    ...(unit.stateDirectory ? { STATE_DIRECTORY: `/var/lib/${unit.stateDirectory}` } : {}),
  };
  const groups = unit.supplementaryGroups.length > 0 ? [`--groups=${unit.supplementaryGroups.join(',')}`] : [];
  const child = spawn(
    'chroot',
    [
      `--userspec=${unit.user}:${unit.user}`,
      ...groups,
      root.dir,
      '/usr/bin/env',
      '-i',
      ...Object.entries(env).map(([name, value]) => `${name}=${value}`),
      ...unit.execStart,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return { child, output: () => output, exited };
}

async function stopService(service: ReturnType<typeof startService>): Promise<void> {
  service.child.kill('SIGTERM');
  await service.exited;
}

/** systemd makes the RuntimeDirectory for the unit's user before ExecStartPre. */
function makeRuntimeDirectory(): void {
  if (unit.runtimeDirectory) {
    root.run(['install', '-d', '-o', unit.user, '-g', unit.user, '-m', '0700', `/run/${unit.runtimeDirectory}`]);
  }
}

beforeAll(async () => {
  if (cannotInstall) return;
  expect(existsSync(DEB), `${DEB} is built by \`npm run package\` before this test`).toBe(true);
  root = freshRoot(cachedRootTarball((line) => console.log(line)));
  notify = await listenForNotifications(join(root.dir, NOTIFY_SOCKET));
}, 900_000);

afterAll(async () => {
  for (const child of running) child.kill('SIGKILL');
  await browser?.close();
  await notify?.close();
  root?.remove();
});

/**
 * Why the install cannot be tried here, or null: chroot, adduser in the root and the mounts a
 * booted system has need root and a kernel that lets us mount (CI runs as root, .ci/run). Said in
 * the test's name and counted as skipped, never passed.
 */
function whyNotHere(): string | null {
  if (process.getuid?.() !== 0) return 'needs root';
  const probe = spawnSync('unshare', ['-m', 'sh', '-c', 'mount -t tmpfs tmpfs /mnt'], { encoding: 'utf8' });
  return probe.status === 0 ? null : `cannot mount here: ${(probe.stderr || probe.error?.message || '').trim()}`;
}
const unavailable = whyNotHere();
const cannotInstall = unavailable !== null;

describe.skipIf(cannotInstall)(
  `installed on a clean Debian 12${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    it('installs with its dependencies: the user in its device groups, the release layout, the config', () => {
      copyFileSync(DEB, join(root.dir, 'tmp/bianmin-kiosk.deb'));
      root.run(['apt-get', 'install', '-y', '/tmp/bianmin-kiosk.deb'], {
        env: { DEBIAN_FRONTEND: 'noninteractive' },
      });
      const groups = root.run(['id', '-nG', 'bianmin']).trim().split(' ');
      expect(groups).toEqual(expect.arrayContaining(['bianmin', 'dialout', 'lp', 'plugdev', 'video']));
      expect(readlinkSync(join(root.dir, 'opt/bianmin-kiosk/current'))).toBe(`releases/${version}`);
      expect(root.run(['stat', '-c', '%U %a', '/var/lib/bianmin-kiosk']).trim()).toBe('bianmin 700');
      expect(root.run(['stat', '-c', '%U:%G %a', '/etc/bianmin-kiosk/kiosk.json']).trim()).toBe('root:bianmin 640');
      expect(root.run(['bianmin-kiosk', 'version']).trim()).toBe(version);
      // Enabled for boot: deb-systemd-helper made the links systemd will follow.
      // (The links are absolute, into the root: read them, do not follow them from here.)
      expect(readlinkSync(join(root.dir, 'etc/systemd/system/multi-user.target.wants/bianmin-kiosk.service'))).toBe(
        '/lib/systemd/system/bianmin-kiosk.service',
      );
      expect(
        readlinkSync(join(root.dir, 'etc/systemd/system/graphical.target.wants/bianmin-kiosk-display.service')),
      ).toBe('/lib/systemd/system/bianmin-kiosk-display.service');
      expect(readlinkSync(join(root.dir, 'etc/systemd/system/default.target'))).toBe(
        '/lib/systemd/system/graphical.target',
      );
      unit = readServiceUnit(join(root.dir, 'lib/systemd/system/bianmin-kiosk.service'));
      expect(unit.user).toBe('bianmin');
    });

    it('runs its ExecStart as the unit says: READY=1 once serving, then WATCHDOG=1 while the page is alive', async () => {
      makeRuntimeDirectory();
      runBootGuard();
      // Asked for development mode by its environment, the installed release still refuses it.
      const service = startService({ KIOSK_DEV: '1' });
      try {
        await notify.waitFor(has('READY=1'), 60_000, 'READY=1').catch((error: Error) => {
          throw new Error(`${error.message}\nservice output:\n${service.output()}`);
        });
        const url = readFileSync(join(root.dir, 'run', unit.runtimeDirectory ?? '', 'kiosk-url'), 'utf8').trim();
        browser = await chromium.launch({ executablePath: TEST_CHROMIUM_PATH, args: [...TEST_CHROMIUM_ARGS] });
        const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
        await page.goto(url);
        await page.getByTestId('attract-screen').click();
        await page.getByTestId('home-screen').waitFor();
        await expect.poll(() => page.getByTestId('home-screen').textContent(), { timeout: 20_000 }).toContain('62');
        await page.getByTestId('matter-item').first().waitFor();
        await notify.waitFor(has('WATCHDOG=1'), (unit.watchdogSec ?? 30) * 1000 + 10_000, 'WATCHDOG=1');
        // The release that reached READY is marked good: the boot guard may roll back to it later.
        expect(existsSync(join(root.dir, unit.environment['BIANMIN_RELEASE_STATE_DIR'] ?? '', `good-${version}`))).toBe(
          true,
        );

        const doctor = JSON.parse(
          root.run(['bianmin-kiosk', 'doctor', '--json'], { user: 'bianmin', allowFailure: true }),
        ) as { ok: boolean; checks: { id: string; status: string }[] };
        // What this root can show: the config, the data folder the first start made, the store, the
        // packages and the release pass; no device is plugged in here, and systemd is not running.
        expect(doctor.checks.map((check) => `${check.id}: ${check.status}`)).toEqual(
          expect.arrayContaining([
            'config: pass',
            'data.permissions: pass',
            'outbox: pass',
            'package.fonts-noto-cjk: pass',
            'package.espeak-ng: pass',
            'package.chromium: pass',
            'release.current: pass',
            'release.rollback: pass',
            'device.idCardReader: fail',
            'service.kiosk: skip',
          ]),
        );
        expect(doctor.ok).toBe(false);
        await page.close();
        expect(service.output()).toContain('production build');
        expect(service.output()).toContain('KIOSK_DEV=1 is ignored');
      } finally {
        await stopService(service);
      }
      expect(notify.messages.some(has('STOPPING=1'))).toBe(true);
    }, 180_000);

    it('rolls a release that cannot start back to the previous one after three failed starts', async () => {
      const brokenDeb = join(root.dir, 'tmp/bianmin-kiosk-broken.deb');
      makeBrokenRelease(DEB, version, BROKEN_VERSION, brokenDeb);
      root.run(['dpkg', '-i', '/tmp/bianmin-kiosk-broken.deb'], { env: { DEBIAN_FRONTEND: 'noninteractive' } });
      expect(readlinkSync(join(root.dir, 'opt/bianmin-kiosk/current'))).toBe(`releases/${BROKEN_VERSION}`);
      // The release it replaced is kept beside it.
      expect(readdirSync(join(root.dir, 'opt/bianmin-kiosk/releases')).sort()).toEqual(
        [version, BROKEN_VERSION].sort(),
      );

      const outcomes: string[] = [];
      for (let start = 1; start <= 4; start++) {
        makeRuntimeDirectory();
        runBootGuard();
        const release = readlinkSync(join(root.dir, 'opt/bianmin-kiosk/current'));
        const since = notify.messages.length;
        const service = startService();
        const outcome = await Promise.race([
          service.exited.then((code) => `exited ${code}`),
          notify
            .waitFor(
              (message) => notify.messages.indexOf(message) >= since && has('READY=1')(message),
              60_000,
              'READY=1',
            )
            .then(() => 'ready')
            // Lost the race to the exit: not a failure of its own.
            .catch(() => 'no READY'),
        ]);
        outcomes.push(`${release}: ${outcome}`);
        if (outcome === 'ready') {
          await stopService(service);
          break;
        }
      }
      expect(outcomes).toEqual([
        `releases/${BROKEN_VERSION}: exited 1`,
        `releases/${BROKEN_VERSION}: exited 1`,
        `releases/${BROKEN_VERSION}: exited 1`,
        `releases/${version}: ready`,
      ]);
      const stateDir = join(root.dir, unit.environment['BIANMIN_RELEASE_STATE_DIR'] ?? '');
      const records = readdirSync(stateDir).filter((name) => /^rollback-.*\.json$/.test(name));
      expect(records).toHaveLength(1);
      const record = JSON.parse(readFileSync(join(stateDir, records[0] ?? ''), 'utf8')) as Record<string, string>;
      expect(record).toMatchObject({ from: BROKEN_VERSION, to: version });
    }, 300_000);
  },
);

import { describe, expect, it } from 'vitest';
import type { DeviceCondition } from '../../../drivers/common/device';
import { BUSY_BY_KIOSK, emulatedResult, probeResult } from './device-check';
import { checkRelease } from './release-check';
import { checkPlatform, clockResult } from './platform-check';
import { parseKioskConfig } from '../../../kiosk-config/load';
import { readFileSync } from 'node:fs';
import { err, ok } from '../../../core/pure/result';

const identity = { model: 'SAM reader', serial: '05.01-20240101-0001', firmware: null };
const online: DeviceCondition = { state: 'online', code: 'ok', action: 'none', warnings: [], detail: 'ready' };
const none = { holders: [], kioskActive: false };

describe('device results', () => {
  it('passes a device that answered, fails one that reports a fault, warns on a warning', () => {
    expect(
      probeResult('idCardReader', '/dev/bianmin/idcard', { kind: 'answered', identity, condition: online }, none)
        .status,
    ).toBe('pass');
    const paperOut = {
      ...online,
      state: 'userError' as const,
      code: 'paperOut' as const,
      detail: 'DLE EOT 4: paper end',
    };
    const failed = probeResult('printer', '/dev/usb/lp0', { kind: 'answered', identity, condition: paperOut }, none);
    expect(failed).toMatchObject({ status: 'fail' });
    expect(failed.detail).toContain('缺纸');
    const nearEnd = { ...online, warnings: ['paperNearEnd' as const] };
    expect(
      probeResult('printer', '/dev/usb/lp0', { kind: 'answered', identity, condition: nearEnd }, none).status,
    ).toBe('warn');
  });

  it('fails a missing port and a silent device with what to check', () => {
    const missing = probeResult(
      'idCardReader',
      '/dev/bianmin/idcard',
      { kind: 'fault', step: 'connect', fault: { state: 'noDevice', code: 'portMissing', detail: 'ENOENT' } },
      none,
    );
    expect(missing.status).toBe('fail');
    expect(missing.fix).toContain('ls -l /dev/bianmin/');
    const silent = probeResult('idCardReader', '/dev/x', { kind: 'timeout', step: 'probe', afterMs: 8000 }, none);
    expect(silent.detail).toContain('8 秒');
    expect(silent.fix).toContain('baudRate');
  });

  const busy = {
    kind: 'fault',
    step: 'connect',
    fault: { state: 'offline', code: 'portBusy', detail: 'Cannot lock port' },
  } as const;
  it('passes a port the running kiosk holds, with the note, and fails one another program holds', () => {
    const kiosk = probeResult('idCardReader', '/dev/bianmin/idcard', busy, {
      holders: [{ pid: 812, command: 'node', unit: 'bianmin-kiosk.service' }],
      kioskActive: true,
    });
    expect(kiosk.status).toBe('pass');
    expect(kiosk.detail).toContain(BUSY_BY_KIOSK);
    const other = probeResult('idCardReader', '/dev/bianmin/idcard', busy, {
      holders: [{ pid: 533, command: 'ModemManager', unit: 'ModemManager.service' }],
      kioskActive: true,
    });
    expect(other.status).toBe('fail');
    expect(other.detail).toContain('ModemManager（pid 533');
    expect(probeResult('idCardReader', '/dev/x', busy, { holders: [], kioskActive: true }).status).toBe('warn');
    expect(probeResult('idCardReader', '/dev/x', busy, none).status).toBe('fail');
  });

  it('skips an emulated device on a development checkout and warns on one in production', () => {
    expect(emulatedResult('printer', false).status).toBe('skip');
    const production = emulatedResult('printer', true);
    expect(production.status).toBe('warn');
    expect(production.fix).toContain('/etc/bianmin-kiosk/kiosk.json 的 devices.printer');
  });
});

describe('release check', () => {
  const paths = { installDir: '/opt/bianmin-kiosk', releaseStateDir: '/var/lib/bianmin-kiosk/release' };
  const files: Record<string, string> = {
    '/var/lib/bianmin-kiosk/release/rollback-20261120T010000Z.json': JSON.stringify({
      from: '1.3.0',
      to: '1.2.0',
      reason: 'old',
      at: '2026-11-20T01:00:00Z',
    }),
    '/var/lib/bianmin-kiosk/release/rollback-20261121T020000Z.json': JSON.stringify({
      from: '1.4.0',
      to: '1.3.0',
      reason: 'no READY after 3 starts',
      at: '2026-11-21T02:00:00Z',
    }),
  };
  const facts = (current: string | null, withRollbacks: boolean) => ({
    readlink: (path: string) => (path === '/opt/bianmin-kiosk/current' ? current : null),
    readdir: (path: string) =>
      path.endsWith('/releases')
        ? ['1.3.0', '1.4.0']
        : withRollbacks
          ? Object.keys(files).map((f) => f.split('/').at(-1) ?? '')
          : [],
    readFile: (path: string) => files[path] ?? null,
  });

  it('passes the current release with no rollback', () => {
    const results = checkRelease(facts('releases/1.4.0', false), paths, true);
    expect(results.map((r) => r.status)).toEqual(['pass', 'pass']);
    expect(results[0]?.detail).toContain('current → 1.4.0');
  });

  it('warns on the latest rollback while its release still runs, with from, to and reason', () => {
    const rollback = checkRelease(facts('releases/1.3.0', true), paths, true)[1];
    expect(rollback?.status).toBe('warn');
    expect(rollback?.detail).toContain('1.4.0 回退到 1.3.0');
    expect(rollback?.detail).toContain('no READY after 3 starts');
  });

  it('fails a production station without a current link; skips on a checkout', () => {
    expect(checkRelease(facts(null, false), paths, true)[0]?.status).toBe('fail');
    expect(checkRelease(facts(null, false), paths, false)[0]?.status).toBe('skip');
  });
});

describe('platform check', () => {
  const sample = JSON.parse(readFileSync('kiosk-config/default.json', 'utf8')) as Record<string, unknown>;
  const remote = parseKioskConfig(
    JSON.stringify({
      ...sample,
      platform: { mode: 'remote', baseUrl: 'https://platform.example.cn', tokenFile: 'platform-token' },
    }),
    '/etc/bianmin-kiosk/kiosk.json',
  );
  if (!remote.ok) throw new Error(remote.error.problems.join('\n'));
  const user = { name: 'bianmin', uid: 998, gid: 998 };
  const tokenFile = { uid: 0, gid: 998, mode: 0o100640, isDirectory: false, isSymbolicLink: false };
  const at = new Date('2026-11-21T08:00:00.000Z');
  const facts = (fetch: typeof globalThis.fetch, now = at) => ({
    readToken: () => ok('t'.repeat(32)),
    lstat: () => tokenFile,
    fetch,
    now: () => now,
  });
  const replying = (status: number, body: unknown, date: string | null) => () =>
    Promise.resolve(
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json', ...(date ? { date } : {}) },
      }),
    );

  it('passes the token, the authenticated read and a clock within 5 s', async () => {
    const results = await checkPlatform(
      facts(
        replying(
          200,
          { version: 'v7', publishedAt: '2026-11-01T00:00:00Z', matterCount: 62 },
          'Sat, 21 Nov 2026 07:59:58 GMT',
        ),
      ),
      remote.value,
      user,
    );
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ['platform.token', 'pass'],
      ['platform.reachable', 'pass'],
      ['platform.clock', 'pass'],
    ]);
  });

  it('fails a refused token and a certificate error with their fixes', async () => {
    const refused = await checkPlatform(
      facts(replying(401, { type: 'about:blank', title: 'unauthorized', status: 401 }, null)),
      remote.value,
      user,
    );
    expect(refused[1]).toMatchObject({ status: 'fail' });
    expect(refused[1]?.detail).toContain('HTTP 401');
    const tls = await checkPlatform(
      facts(() =>
        Promise.reject(
          new TypeError('fetch failed', {
            cause: Object.assign(new Error('self-signed'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
          }),
        ),
      ),
      remote.value,
      user,
    );
    expect(tls[1]?.status).toBe('fail');
    expect(tls[1]?.detail).toContain('自签名证书');
    expect(tls[1]?.fix).toContain('NODE_EXTRA_CA_CERTS');
    expect(tls[2]?.status).toBe('skip');
  });

  it('fails a token file the service refuses, and one the service user cannot read', async () => {
    const bad = await checkPlatform(
      { ...facts(replying(200, {}, null)), readToken: () => err('mode 644: other users can read it') },
      remote.value,
      user,
    );
    expect(bad.map((r) => r.status)).toEqual(['fail', 'skip', 'skip']);
    const unreadable = await checkPlatform(
      { ...facts(replying(200, { version: 'v7' }, null)), lstat: () => ({ ...tokenFile, gid: 0 }) },
      remote.value,
      user,
    );
    expect(unreadable[0]?.status).toBe('fail');
    expect(unreadable[0]?.fix).toContain('sudo chown root:bianmin');
  });

  it('warns on more than 5 s of clock skew and fails on more than 60 s', () => {
    const date = 'Sat, 21 Nov 2026 08:00:00 GMT';
    expect(clockResult({ date, answeredAt: new Date(at.getTime() + 7_000) }).status).toBe('warn');
    const ahead = clockResult({ date, answeredAt: new Date(at.getTime() - 90_000) });
    expect(ahead.status).toBe('fail');
    expect(ahead.detail).toContain('慢 90 秒');
    expect(clockResult({ date: null, answeredAt: at }).status).toBe('warn');
  });

  it('skips everything for the embedded platform', async () => {
    const embedded = parseKioskConfig(JSON.stringify(sample), '/etc/bianmin-kiosk/kiosk.json');
    if (!embedded.ok) throw new Error('sample config');
    const results = await checkPlatform(
      facts(() => Promise.reject(new Error('must not be called'))),
      embedded.value,
      user,
    );
    expect(results.map((r) => r.status)).toEqual(['skip', 'skip', 'skip']);
  });
});

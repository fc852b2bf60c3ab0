import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../../core/pure/result';
import type { AuditPage } from '../../../contract/console/users';
import { manualClock } from '../../testing/harness';
import type { ConsoleHandlers, FleetOperationId } from '../handler-types';
import { createConsoleTestPlatform, TEST_PASSWORD, type ConsoleTestPlatform } from '../testing/console-platform';
import { recordingFleetHandlers, type SeamCall } from '../testing/seam-handlers';

const platforms: ConsoleTestPlatform[] = [];
afterEach(async () => {
  await Promise.all(platforms.splice(0).map((platform) => platform.close()));
});

async function setUp(fleet?: ConsoleHandlers<FleetOperationId>) {
  const calls: SeamCall[] = [];
  const clock = manualClock('2026-03-02T09:00:00+08:00');
  const platform = await createConsoleTestPlatform({ now: clock.now, fleet: fleet ?? recordingFleetHandlers(calls) });
  platforms.push(platform);
  await platform.addUser('wang.li', 'technician');
  return { platform, calls, clock };
}

const audit = (platform: ConsoleTestPlatform) =>
  platform.sql.all('SELECT username, action, target, outcome, ip, detail FROM console_audit ORDER BY audit_id');

describe('console CSRF', () => {
  it('refuses a change without the X-CSRF-Token header, or with a wrong one, and audits it', async () => {
    const { platform, calls } = await setUp();
    const browser = await platform.signIn('wang.li');
    const command = { body: { kind: 'selfTest' }, as: browser };
    const missing = await platform.request('POST', '/console/api/kiosks/kiosk-1/commands', { ...command, csrf: null });
    const wrong = await platform.request('POST', '/console/api/kiosks/kiosk-1/commands', {
      ...command,
      // Another last character (a token ending in A would otherwise stay right: 1 in 16 runs).
      csrf: `${browser.csrf.slice(0, -1)}${browser.csrf.endsWith('A') ? 'B' : 'A'}`,
    });
    const otherLength = await platform.request('POST', '/console/api/kiosks/kiosk-1/commands', {
      ...command,
      csrf: 'x',
    });
    for (const response of [missing, wrong, otherLength]) {
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    expect(calls).toEqual([]);
    const rejected = (await audit(platform)).filter((row) => (row as { action: string }).action === 'csrf.rejected');
    expect(rejected).toHaveLength(3);
    expect(rejected[0]).toMatchObject({ username: 'wang.li', target: 'issueCommand', outcome: 'denied' });
  });

  it("lets a change through with the session's own token, and not with another session's", async () => {
    const { platform, calls } = await setUp();
    const mine = await platform.signIn('wang.li');
    const other = await platform.signIn('wang.li');
    const crossed = await platform.request('POST', '/console/api/kiosks/kiosk-1/commands', {
      as: mine,
      csrf: other.csrf,
      body: { kind: 'selfTest' },
    });
    expect(crossed.status).toBe(403);
    const sent = await platform.request('POST', '/console/api/kiosks/kiosk-1/commands', {
      as: mine,
      body: { kind: 'selfTest' },
    });
    expect(sent.status).toBe(409); // the recording handler's own answer: it was reached
    expect(calls).toHaveLength(1);
    // A GET needs no token.
    expect((await platform.request('GET', '/console/api/session', { as: mine })).status).toBe(200);
  });

  it('refuses a login posted from another site (Origin or Sec-Fetch-Site) and audits it', async () => {
    const { platform } = await setUp();
    const body = { username: 'wang.li', password: TEST_PASSWORD };
    const foreignOrigin = await platform.request('POST', '/console/api/session', {
      body,
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' },
    });
    const crossSite = await platform.request('POST', '/console/api/session', {
      body,
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(foreignOrigin.status).toBe(403);
    expect(crossSite.status).toBe(403);
    expect(foreignOrigin.headers.get('set-cookie')).toBeNull();
    expect(await audit(platform)).toEqual([
      expect.objectContaining({
        action: 'csrf.rejected',
        target: 'login',
        detail: "Origin https://evil.example is not this console's",
      }),
      expect.objectContaining({ action: 'csrf.rejected', target: 'login', detail: 'Sec-Fetch-Site: cross-site' }),
    ]);
    // From the console's own origin: allowed. An empty Origin is not ours.
    expect((await platform.request('POST', '/console/api/session', { body })).status).toBe(201);
    const emptyOrigin = await platform.request('POST', '/console/api/session', { body, headers: { origin: '' } });
    expect(emptyOrigin.status).toBe(403);
  });
});

describe('console audit log', () => {
  it('records each change with who, what, which target, the outcome and where from', async () => {
    const fleet = {
      ...recordingFleetHandlers([]),
      revokeKiosk: () => ok({}),
    } as ConsoleHandlers<FleetOperationId>;
    const { platform } = await setUp(fleet);
    const browser = await platform.signIn('wang.li', TEST_PASSWORD, '192.0.2.44');
    await platform.addUser('zhao.admin', 'countyAdmin');
    const admin = await platform.signIn('zhao.admin');
    await platform.request('POST', '/console/api/kiosks/kiosk-1/commands', {
      as: browser,
      body: { kind: 'restartApp' },
      ip: '192.0.2.44',
    });
    const revoked = await platform.request('POST', '/console/api/kiosks/kiosk-9/revocation', {
      as: admin,
      body: { reason: 'stolen' },
    });
    expect(revoked.status).toBe(200);
    await platform.request('POST', '/console/api/session/logout', { as: browser, body: {}, ip: '192.0.2.44' });
    expect(await audit(platform)).toEqual([
      { username: 'wang.li', action: 'login.succeeded', target: null, outcome: 'ok', ip: '192.0.2.44', detail: null },
      {
        username: 'zhao.admin',
        action: 'login.succeeded',
        target: null,
        outcome: 'ok',
        ip: '203.0.113.7',
        detail: null,
      },
      {
        username: 'wang.li',
        action: 'command.issued',
        target: 'terminalId=kiosk-1 kind=restartApp',
        outcome: 'failed',
        ip: '192.0.2.44',
        detail: 'reached issueCommand',
      },
      {
        username: 'zhao.admin',
        action: 'kiosk.revoked',
        target: 'terminalId=kiosk-9',
        outcome: 'ok',
        ip: '203.0.113.7',
        detail: null,
      },
      { username: 'wang.li', action: 'logout', target: null, outcome: 'ok', ip: '192.0.2.44', detail: null },
    ]);
  });

  // 113 sign-ins: far more than the default 5 s on a busy machine or on PostgreSQL.
  it(
    'pages newest first for a county admin; a township admin sees only its own township’s users',
    { timeout: 60_000 },
    async () => {
      const { platform } = await setUp();
      await platform.addUser('zhao.admin', 'countyAdmin');
      await platform.addUser('li.jingzhi', 'townshipAdmin', { scope: { kind: 'township', townshipCode: '370784107' } });
      await platform.addUser('sun.other', 'townshipAdmin', { scope: { kind: 'township', townshipCode: '370784108' } });
      for (let round = 0; round < 110; round += 1) await platform.signIn('wang.li');
      const township = await platform.signIn('li.jingzhi');
      await platform.signIn('sun.other');
      const county = await platform.signIn('zhao.admin');

      const first = (await platform.request('GET', '/console/api/audit', { as: county })).json<AuditPage>();
      expect(first.entries).toHaveLength(100);
      expect(first.entries[0]).toMatchObject({ username: 'zhao.admin', action: 'login.succeeded' });
      expect(first.nextBefore).toBe(first.entries.at(-1)?.auditId);
      const second = (
        await platform.request('GET', `/console/api/audit?before=${first.nextBefore}`, { as: county })
      ).json<AuditPage>();
      expect(second.entries).toHaveLength(113 - 100);
      expect(second.nextBefore).toBeNull();

      const own = (await platform.request('GET', '/console/api/audit', { as: township })).json<AuditPage>();
      expect(own.entries.map((entry) => entry.username)).toEqual(['li.jingzhi']);
      const filtered = (
        await platform.request('GET', '/console/api/audit?username=wang.li', { as: county })
      ).json<AuditPage>();
      expect(filtered.entries.every((entry) => entry.username === 'wang.li')).toBe(true);
      const badQuery = await platform.request('GET', '/console/api/audit?before=zero', { as: county });
      expect(badQuery.status).toBe(422);
    },
  );
});

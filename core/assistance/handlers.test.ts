import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { receiptPreviewText } from '../../drivers/printer/layout';
import { startEmbeddedPlatform, type EmbeddedPlatform } from '../../platform/embedded';
import { catalogFixture } from '../../tests/helpers/catalog-fixture';
import type { AssistanceRequestInput } from '../api/care';
import { replaceCatalog } from '../catalog/catalog-store';
import { testServiceDeps, testCallContext as ctx, type TestServiceDeps } from '../testing/service-deps';
import { buildHelpHandlers } from './handlers';

const TOKEN = 'token-care-help-0000000000';
let platform: EmbeddedPlatform;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'care-help-'));
  platform = await startEmbeddedPlatform({
    dbPath: join(dir, 'platform.sqlite'),
    port: 0,
    terminals: [{ id: 'KIOSK-TEST-01', token: TOKEN, stationId: 'TEST-STATION' }],
  });
});
afterAll(async () => {
  await platform.close();
  rmSync(dir, { recursive: true, force: true });
});

let t: TestServiceDeps;
afterEach(async () => {
  await t.close();
});

/** A kiosk clock that starts at `start` (China time) and runs on. */
const runningFrom = (start: string) => {
  const offset = Date.parse(start) - Date.now();
  return () => new Date(Date.now() + offset);
};
/** Monday 10:00: the fixture station's staff are on duty (08:30–17:30). */
const MONDAY_10 = '2026-12-07T10:00:00+08:00';

function setUp(start = MONDAY_10) {
  t = testServiceDeps({ token: TOKEN, now: runningFrom(start) });
  t.platform.fallbackBaseUrl = platform.baseUrl;
  replaceCatalog(t.deps.db, catalogFixture(), new Date().toISOString());
  return buildHelpHandlers(t.deps);
}

const request = (overrides: Partial<AssistanceRequestInput>): AssistanceRequestInput => ({
  confirmationId: randomUUID(),
  kind: 'callback',
  needs: ['elderly'],
  matterCode: null,
  ...overrides,
});

const helpPosts = () => t.platform.calls.filter((c) => c.method === 'POST' && c.path === '/assistance-requests');

describe('assistance.request', () => {
  it('asks for what each kind needs, in plain words, and sends nothing then', async () => {
    const handlers = setUp();
    const callback = await handlers['assistance.request'](request({ kind: 'callback' }), ctx);
    expect(callback).toMatchObject({
      ok: false,
      error: { code: 'invalidRequest', message: expect.stringMatching(/电话/) },
    });
    const visit = await handlers['assistance.request'](request({ kind: 'homeVisit', phone: '13912345678' }), ctx);
    expect(visit).toMatchObject({
      ok: false,
      error: { code: 'invalidRequest', message: expect.stringMatching(/地址/) },
    });
    expect(helpPosts()).toEqual([]);
    expect(t.devices.printed).toEqual([]);
  });

  it('delivers a home visit with the signed-in name and the matter, prints the slip and records the service', async () => {
    const handlers = setUp();
    t.session.signIn({ name: '张桂芳', idType: 'residentIdCard', idNumber: '370784195803121234' });

    const result = await handlers['assistance.request'](
      request({
        kind: 'homeVisit',
        phone: '13912345678',
        address: '东埠村三组12号',
        needs: ['elderly', 'disabled'],
        matterCode: '370784-CJ-020',
      }),
      ctx,
    );

    expect(result.ok && result.value).toEqual({
      status: 'delivered',
      reference: expect.stringMatching(/^AR-\d{8}-\d{4,}$/),
      kind: 'homeVisit',
      expectedContactWithinHours: 48,
      contactFrom: null,
      print: { output: 'paper', problem: null },
    });
    const reference = result.ok ? result.value.reference : '';
    expect(helpPosts()[0]?.body).toMatchObject({
      kind: 'homeVisit',
      stationId: 'TEST-STATION',
      requesterName: '张桂芳',
      matter: { matterCode: '370784-CJ-020', matterVersion: 1, matterName: '临时救助' },
      address: '东埠村三组12号',
      preferredDate: null,
      offline: false,
    });
    const slip = receiptPreviewText(t.devices.printed[0]!, { paperWidthMm: 80, encoding: 'gb18030' });
    expect(slip).toContain(reference);
    expect(slip).toContain('上门服务');
    expect(slip).toContain('48 小时内');
    expect(slip).toContain('0536-4000123');
    expect(slip).toContain('王秀兰');
    expect(slip).not.toContain('13912345678');
    expect(slip).not.toContain('三组12号');
    expect(t.session.completed()).toEqual([
      expect.objectContaining({ kind: 'assistance', ref: reference, matterCode: '370784-CJ-020' }),
    ]);
  });

  it('an agent at the station needs no phone; nobody signed in sends no name', async () => {
    const handlers = setUp();
    const result = await handlers['assistance.request'](request({ kind: 'agentAtStation', needs: [] }), ctx);
    expect(result.ok && result.value).toMatchObject({ status: 'delivered', expectedContactWithinHours: 1 });
    expect(helpPosts()[0]?.body).not.toHaveProperty('requesterName');
    expect(helpPosts()[0]?.body).not.toHaveProperty('phone');
  });

  it('offline: saves the request, prints the local reference, and delivers it later', async () => {
    const handlers = setUp();
    t.platform.online = false;
    t.catalog.platform = 'unreachable';
    const input = request({ kind: 'callback', phone: '0536-4393178', preferredTime: 'morning' });

    const saved = await handlers['assistance.request'](input, ctx);
    expect(saved.ok && saved.value).toMatchObject({
      status: 'savedOffline',
      reference: expect.stringMatching(/^HLP-\d{8}-[0-9A-F]{6}$/),
      expectedContactWithinHours: 24,
      print: { output: 'paper', problem: null },
    });
    const local = saved.ok ? saved.value.reference : '';
    const slip = receiptPreviewText(t.devices.printed[0]!, { paperWidthMm: 80, encoding: 'gb18030' });
    expect(slip).toContain(local);
    expect(slip).toContain('网络恢复后自动上报');

    t.platform.online = true;
    await t.outbox.kick();
    expect(helpPosts()[0]?.body).toMatchObject({ kind: 'callback', offline: true, preferredTime: 'morning' });
    expect(helpPosts()[0]?.headers.get('idempotency-key')).toBe(`${input.confirmationId}:assistance`);

    // The same confirmation again: the same request, now with the platform's id; no second slip.
    const again = await handlers['assistance.request'](input, ctx);
    expect(again.ok && again.value).toMatchObject({
      status: 'delivered',
      reference: expect.stringMatching(/^AR-/),
      print: { output: 'paper', problem: null },
    });
    expect(helpPosts()).toHaveLength(1);
    expect(t.devices.printed).toHaveLength(1);
    expect(t.session.completed()).toEqual([expect.objectContaining({ kind: 'assistance', ref: local })]);
  });

  it('says the slip went to the screen when the printer is out of paper', async () => {
    const handlers = setUp();
    t.devices.nextPrintFailure = { kind: 'printerUnavailable', code: 'paperOut', message: 'paper out' };
    const result = await handlers['assistance.request'](request({ kind: 'agentAtStation', needs: [] }), ctx);
    expect(result.ok && result.value.print).toEqual({ output: 'screen', problem: 'paperOut' });
    expect(result.ok && result.value.status).toBe('delivered');
  });
});

describe('help out of the station’s hours', () => {
  it('sends no agent to the station when nobody is on duty, and says when they next are', async () => {
    const handlers = setUp('2026-12-06T17:03:00+08:00'); // a Sunday
    const result = await handlers['assistance.request'](request({ kind: 'agentAtStation', needs: [] }), ctx);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'notStaffed', message: expect.stringContaining('明天（周一）08:30') },
    });
    expect(helpPosts()).toEqual([]);
    expect(t.devices.printed).toEqual([]);
  });

  it('promises a callback when staff are next on duty, by day and hour, on screen and on the slip', async () => {
    const handlers = setUp('2026-12-04T18:00:00+08:00'); // Friday evening: Saturday morning is staffed
    const result = await handlers['assistance.request'](request({ kind: 'callback', phone: '13912345678' }), ctx);
    expect(result.ok && result.value.contactFrom).toBe('2026-12-05T01:00:00.000Z');
    const slip = receiptPreviewText(t.devices.printed[0]!, { paperWidthMm: 80, encoding: 'gb18030' });
    expect(slip).toContain('工作人员将于明天（周六）09:00上班后与您联系');
    expect(slip).not.toContain('24 小时内');
  });
});

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { elderlyResident } from '../../drivers/idcard/fixtures';
import { startEmbeddedPlatform, type EmbeddedPlatform } from '../../platform/embedded';
import type { Person } from '../../platform/contract/common';
import { testServiceDeps, testCallContext as ctx, type TestServiceDeps } from '../testing/service-deps';
import { buildHelpHandlers } from './handlers';

/**
 * 我的求助进度 at the kiosk: a resident signed in with the card sends who asked, and finds their
 * requests again (from the platform, and those saved here while it was unreachable); a typed
 * sign-in neither sends an identity nor sees anything.
 */

const TOKEN = 'token-help-mine-00000000000';
let platform: EmbeddedPlatform;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'help-mine-'));
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

const CARD_PERSON: Person = {
  name: elderlyResident.name,
  idType: 'residentIdCard',
  idNumber: elderlyResident.idNumber,
};

function setUp() {
  t = testServiceDeps({ token: TOKEN, now: () => new Date('2026-12-07T02:00:00Z') });
  t.platform.fallbackBaseUrl = platform.baseUrl;
  return buildHelpHandlers(t.deps);
}

/** The fake session signs in typed; this one signs in as the card on the reader would. */
function signInWithCard(person: Person = CARD_PERSON) {
  t.session.applicant = () => ({ person, proof: { kind: 'card', card: { ...elderlyResident, ...person } } });
}

const callback = () => ({
  confirmationId: randomUUID(),
  kind: 'callback' as const,
  phone: '13912345678',
  needs: ['elderly' as const],
  matterCode: null,
});

const searches = () => t.platform.calls.filter((c) => c.method === 'POST' && c.path === '/assistance-searches');

describe('assistance.mine', () => {
  it('finds the card-verified resident’s delivered and not-yet-sent requests, and only theirs', async () => {
    const handlers = setUp();
    signInWithCard();
    const sent = await handlers['assistance.request'](callback(), ctx);
    const reference = sent.ok ? sent.value.reference : '';
    expect(reference).toMatch(/^AR-/);
    const posted = t.platform.calls.find((c) => c.path === '/assistance-requests');
    expect(posted?.body).toMatchObject({
      requester: { idType: 'residentIdCard', idNumber: CARD_PERSON.idNumber, evidence: 'idCardChip' },
    });

    t.platform.online = false;
    const saved = await handlers['assistance.request'](callback(), ctx);
    const localRef = saved.ok ? saved.value.reference : '';
    expect(localRef).toMatch(/^HLP-/);
    t.platform.online = true;

    // Somebody else, also with a card, asks too (offline): never shown to the first resident.
    signInWithCard({ name: '李四', idType: 'residentIdCard', idNumber: '370784195001011234' });
    t.platform.online = false;
    await handlers['assistance.request'](callback(), ctx);
    t.platform.online = true;

    signInWithCard();
    const mine = await handlers['assistance.mine']({}, ctx);
    expect(mine.ok && mine.value).toEqual({
      platform: 'reachable',
      requests: [
        expect.objectContaining({ requestId: reference, kind: 'callback', status: 'received', handlerName: null }),
      ],
      pendingHere: [{ localRef, kind: 'callback', requestedAt: '2026-12-07T02:00:00.000Z' }],
    });
    // The number went in the body, never in the path.
    expect(searches()).toHaveLength(1);
    expect(searches()[0]?.path).not.toContain(CARD_PERSON.idNumber);
  });

  it('a typed sign-in sends no identity and sees no requests', async () => {
    const handlers = setUp();
    t.session.signIn();
    await handlers['assistance.request'](callback(), ctx);
    expect(t.platform.calls.find((c) => c.path === '/assistance-requests')?.body).not.toHaveProperty('requester');
    expect(await handlers['assistance.mine']({}, ctx)).toMatchObject({ ok: false, error: { code: 'notSignedIn' } });
    expect(searches()).toEqual([]);
  });

  it('says the platform was unreachable and still lists what is saved here', async () => {
    const handlers = setUp();
    signInWithCard();
    t.platform.online = false;
    t.catalog.platform = 'unreachable';
    await handlers['assistance.request'](callback(), ctx);
    const mine = await handlers['assistance.mine']({}, ctx);
    expect(mine.ok && mine.value.platform).toBe('unreachable');
    expect(mine.ok && mine.value.pendingHere).toHaveLength(1);
  });
});

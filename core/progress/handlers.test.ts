import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseProgress } from '../../platform/contract/applications';
import type { Person } from '../../platform/contract/common';
import { testServiceDeps, testCallContext as ctx, type TestServiceDeps } from '../testing/service-deps';
import { json } from '../testing/fake-platform';
import { buildProgressHandlers } from './handlers';
import type { LocalApplication, LocalApplications } from './local-applications';

const resident: Person = { name: '张桂芳', idType: 'residentIdCard', idNumber: '370784195803121234' };
const neighbour: Person = { name: '李建国', idType: 'residentIdCard', idNumber: '37078419600101567X' };

const progress = (caseNo: string): CaseProgress => ({
  caseNo,
  matter: { matterCode: '370784-CJ-013', matterVersion: 1, matterName: '老年优待证办理' },
  state: 'inReview',
  stateName: '审核中',
  submittedAt: '2026-11-20T09:00:00+08:00',
  updatedAt: '2026-11-21T09:00:00+08:00',
  promisedBy: '2026-12-01',
  steps: [{ name: '村级受理', state: 'done', at: '2026-11-20T09:00:00+08:00' }],
  delivery: { method: 'pickUp', servicePointId: 'station-1' },
  nextStep: null,
});

/** Applications saved at this kiosk, as core/applications answers for them. */
function savedHere() {
  const saved: Array<LocalApplication & { idNumber: string }> = [];
  const port: LocalApplications = {
    byRef: (ref) =>
      saved.find(
        (a) => a.localRef === ref.toLowerCase() || a.localRef.slice(0, 8) === ref.toLowerCase() || a.caseNo === ref,
      ) ?? null,
    notNumberedOf: (person) => saved.filter((a) => a.idNumber === person.idNumber && a.caseNo === null),
  };
  const add = (person: Person, caseNo: string | null = null) => {
    const application = {
      localRef: randomUUID(),
      matterName: '老年优待证办理',
      submittedAt: '2026-11-21T08:00:00.000Z',
      caseNo,
      idNumber: person.idNumber,
    };
    saved.push(application);
    return application;
  };
  return { port, add, saved };
}

let t: TestServiceDeps;
afterEach(async () => {
  await t.close();
});

describe('progress.mine', () => {
  it('needs a signed-in applicant', async () => {
    t = testServiceDeps();
    const result = await buildProgressHandlers(t.deps)['progress.mine']({}, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'notSignedIn' } });
  });

  it("searches by identity in the POST body and adds this person's applications still saved here", async () => {
    t = testServiceDeps();
    t.platform.routes.set('POST /case-searches', () =>
      json(200, {
        cases: [
          {
            caseNo: 'AQ-20261101-0007',
            matter: progress('x').matter,
            state: 'completed',
            stateName: '已办结',
            submittedAt: '2026-11-01T09:00:00+08:00',
            promisedBy: null,
          },
        ],
      }),
    );
    const here = savedHere();
    const mine = here.add(resident);
    here.add(resident, 'AQ-20261121-0009');
    here.add(neighbour);
    t.session.signIn(resident);

    const result = await buildProgressHandlers(t.deps, here.port)['progress.mine']({}, ctx);

    expect(result.ok && result.value).toEqual({
      platform: 'reachable',
      cases: [expect.objectContaining({ caseNo: 'AQ-20261101-0007' })],
      pendingHere: [{ localRef: mine.localRef, matterName: '老年优待证办理', submittedAt: '2026-11-21T08:00:00.000Z' }],
    });
    const call = t.platform.calls.find((c) => c.path === '/case-searches');
    expect(call?.body).toEqual({ idType: 'residentIdCard', idNumber: resident.idNumber });
    expect(call?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(t.platform.calls.every((c) => !c.path.includes(resident.idNumber))).toBe(true);
  });

  it('offline: says the platform is unreachable and still lists what is saved here', async () => {
    t = testServiceDeps();
    const here = savedHere();
    const mine = here.add(resident);
    t.session.signIn(resident);
    t.platform.online = false;

    const result = await buildProgressHandlers(t.deps, here.port)['progress.mine']({}, ctx);

    expect(result.ok && result.value.platform).toBe('unreachable');
    expect(result.ok && result.value.pendingHere.map((p) => p.localRef)).toEqual([mine.localRef]);
  });
});

describe('progress.lookup', () => {
  it('finds a case by number and records the lookup as a service to rate', async () => {
    t = testServiceDeps();
    t.platform.routes.set('GET /cases/AQ-20261121-0001', () => json(200, progress('AQ-20261121-0001')));

    const result = await buildProgressHandlers(t.deps)['progress.lookup']({ reference: 'AQ-20261121-0001' }, ctx);

    expect(result.ok && result.value).toMatchObject({ found: 'platform', progress: { stateName: '审核中' } });
    expect(t.session.completed()).toEqual([
      expect.objectContaining({
        kind: 'progressQuery',
        ref: 'AQ-20261121-0001',
        title: '查询办件进度',
        matterCode: '370784-CJ-013',
        rated: false,
      }),
    ]);
  });

  it("reads the receipt QR: the progress page's address, and the bmkiosk: text of older receipts", async () => {
    t = testServiceDeps();
    t.platform.routes.set('GET /cases/AQ-20261121-0002', () => json(200, progress('AQ-20261121-0002')));
    const handlers = buildProgressHandlers(t.deps);
    const page = `${t.deps.info.station.progressPageUrl}?case=AQ-20261121-0002`;
    for (const reference of [page, 'bmkiosk:progress:AQ-20261121-0002']) {
      const result = await handlers['progress.lookup']({ reference }, ctx);
      expect(result.ok && result.value.found === 'platform' && result.value.progress.caseNo).toBe('AQ-20261121-0002');
    }
    // Another site's address with a case number is not a receipt of ours.
    expect(
      await handlers['progress.lookup'](
        { reference: 'https://pay.example.com/anqiu/progress?case=AQ-20261121-0002' },
        ctx,
      ),
    ).toMatchObject({ ok: false, error: { code: 'caseNotFound' } });
  });

  it('answers caseNotFound for an unknown number and platformUnavailable offline, recording nothing', async () => {
    t = testServiceDeps();
    t.platform.routes.set('GET /cases/AQ-00000000-0000', () => json(404, { code: 'caseNotFound', title: 'no' }));
    const handlers = buildProgressHandlers(t.deps);
    expect(await handlers['progress.lookup']({ reference: 'AQ-00000000-0000' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'caseNotFound' },
    });
    t.platform.online = false;
    expect(await handlers['progress.lookup']({ reference: 'AQ-20261121-0001' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'platformUnavailable' },
    });
    expect(t.session.completed()).toEqual([]);
  });

  it('finds an application saved here by its local reference, and the platform case once numbered', async () => {
    t = testServiceDeps();
    const here = savedHere();
    const saved = here.add(resident);
    const handlers = buildProgressHandlers(t.deps, here.port);

    const pending = await handlers['progress.lookup']({ reference: `bmkiosk:progress:${saved.localRef}` }, ctx);
    expect(pending.ok && pending.value).toEqual({
      found: 'pendingHere',
      application: { localRef: saved.localRef, matterName: '老年优待证办理', submittedAt: '2026-11-21T08:00:00.000Z' },
    });

    expect(t.session.completed()).toEqual([expect.objectContaining({ kind: 'progressQuery', ref: saved.localRef })]);
    here.saved[0] = { ...saved, caseNo: 'AQ-20261121-0042' };
    t.platform.routes.set('GET /cases/AQ-20261121-0042', () => json(200, progress('AQ-20261121-0042')));
    // The 8-character short form printed on the receipt finds it too.
    const numbered = await handlers['progress.lookup']({ reference: saved.localRef.slice(0, 8).toUpperCase() }, ctx);
    expect(numbered.ok && numbered.value.found === 'platform' && numbered.value.progress.caseNo).toBe(
      'AQ-20261121-0042',
    );
  });

  it('answers caseNotFound for a local reference this kiosk never saw', async () => {
    t = testServiceDeps();
    const result = await buildProgressHandlers(t.deps, savedHere().port)['progress.lookup'](
      { reference: randomUUID() },
      ctx,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'caseNotFound' } });
    expect(t.platform.calls).toEqual([]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { StoredRecords } from '../../contract/admin';
import type { ApplicationAccepted, CaseProgress, CaseSearchResult } from '../../contract/applications';
import { applicationRowCount } from '../store/applications';
import { agentFor, APPLICANT_ID, AGENT_ID, applicationBody } from '../testing/bodies';
import {
  ADMIN_TOKEN,
  createTestPlatform,
  KIOSK_2,
  manualClock,
  newKey,
  uploadPage,
  type TestPlatform,
} from '../testing/harness';

let platform: TestPlatform;
afterEach(async () => {
  await platform.close();
});

// Monday 2 March 2026, 10:00 China Standard Time.
const MONDAY_10 = '2026-03-02T10:00:00+08:00';

async function submit(body = applicationBody(), key = newKey()) {
  return platform.request('POST', '/api/v1/applications', { body, idempotencyKey: key });
}

describe('POST /api/v1/applications', () => {
  it('accepts a promised matter with uploaded pages: 办件编号, promised day in working days, receipt lines', async () => {
    platform = await createTestPlatform({ now: manualClock(MONDAY_10).now });
    const page = await uploadPage(platform, 'id-card-front');
    const response = await submit(applicationBody({ materials: [{ name: '居民身份证', pages: [page] }] }));
    expect(response.status).toBe(201);
    const accepted = response.json<ApplicationAccepted>();
    expect(accepted).toMatchObject({
      caseNo: '370784-20260302-000001',
      state: 'accepted',
      // TEST-002 promises 5 working days: Monday + 5 = next Monday.
      promisedBy: '2026-03-09',
    });
    expect(accepted.receiptLines).toEqual(expect.arrayContaining(['请保持电话畅通', '领取地点：景芝镇便民服务中心']));
    expect((await submit()).json<ApplicationAccepted>().caseNo).toBe('370784-20260302-000002');
  });

  it('names a pick-up place by its name, never by its id, even when the service map does not know it', async () => {
    platform = await createTestPlatform({ now: manualClock(MONDAY_10).now });
    const station = (
      await submit(applicationBody({ delivery: { method: 'pickUp', servicePointId: '370784-JZ-DB' } }))
    ).json<ApplicationAccepted>();
    expect(station.receiptLines).toContain('领取地点：东埠村便民服务站');
    const unknown = (
      await submit(applicationBody({ delivery: { method: 'pickUp', servicePointId: 'XX-999' } }))
    ).json<ApplicationAccepted>();
    expect(unknown.receiptLines).toContain('领取地点：原受理服务站');
    expect(unknown.receiptLines.join('\n')).not.toContain('XX-999');
  });

  it('finishes an instant matter at once and notes the 一件事 bundle on the receipt', async () => {
    platform = await createTestPlatform({ now: manualClock(MONDAY_10).now });
    const body = applicationBody({
      matter: { matterCode: 'TEST-001', matterVersion: 1, matterName: '测试事项1' },
      bundle: { lifeEventId: 'turning80', bundleRef: '7d1c1a8e-1f0e-4a55-9a3c-2f5d1c0b9e11', index: 1, count: 3 },
    });
    const accepted = (await submit(body)).json<ApplicationAccepted>();
    expect(accepted).toMatchObject({ state: 'completed', promisedBy: null });
    expect(accepted.receiptLines).toContain('一件事：第2项，共3项');
  });

  it('accepts an older matter version and records it; refuses a matter not in the catalog', async () => {
    platform = await createTestPlatform({ now: manualClock(MONDAY_10).now });
    const unknown = await submit(
      applicationBody({ matter: { matterCode: 'NOPE-001', matterVersion: 1, matterName: '没有' } }),
    );
    expect(unknown.status).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'unknownMatter' });
    expect(await applicationRowCount(platform.sql)).toBe(0);

    const older = await submit(applicationBody({ catalogVersion: 'test-0' }));
    expect(older.status).toBe(201);
    expect(await platform.sql.get('SELECT catalog_version FROM applications')).toEqual({ catalog_version: 'test-0' });
  });

  it('refuses material pages that were never uploaded (materialMissing)', async () => {
    platform = await createTestPlatform();
    const missing = { sha256: 'a'.repeat(64), contentType: 'image/jpeg' as const, size: 10 };
    const response = await submit(applicationBody({ materials: [{ name: '户口簿', pages: [missing] }] }));
    expect(response.status).toBe(422);
    expect(response.json()).toMatchObject({ code: 'materialMissing' });
    expect(await applicationRowCount(platform.sql)).toBe(0);
  });

  it("refuses another station's id in the body", async () => {
    platform = await createTestPlatform();
    const response = await submit(applicationBody({ stationId: KIOSK_2.stationId }));
    expect(response.status).toBe(422);
  });

  it('replays the same answer after a lost response and stores one case; a new key for the same localRef too', async () => {
    platform = await createTestPlatform({ now: manualClock(MONDAY_10).now });
    const body = applicationBody();
    const key = newKey();
    const first = await submit(body, key);
    const replay = await submit(body, key);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.text).toBe(first.text);
    const resent = await submit(body);
    expect(resent.json<ApplicationAccepted>().caseNo).toBe(first.json<ApplicationAccepted>().caseNo);
    expect(await applicationRowCount(platform.sql)).toBe(1);
  });
});

describe('identity assurance', () => {
  const records = async () =>
    (await platform.request('GET', '/_admin/records', { token: ADMIN_TOKEN })).json<StoredRecords>().applications;

  it('stores how the kiosk identified the applicant and agent, and shows staff whose ID to check at 受理', async () => {
    platform = await createTestPlatform({ now: manualClock(MONDAY_10).now });
    await submit(applicationBody({ identity: { applicant: 'idCardChip', agent: null } }));
    await submit(applicationBody({ agent: agentFor(), identity: { applicant: 'idCardChip', agent: 'typedNumber' } }));
    // A kiosk build that did not say yet (an application delivered late from its outbox).
    await submit(applicationBody());
    expect(await records()).toMatchObject([
      {
        applicant: { name: '张*丰', idNumber: '3707**********1234' },
        agent: null,
        identity: { applicant: 'idCardChip', agent: null },
        identityCheckNeeded: false,
      },
      {
        agent: { name: '李*', idNumber: '3707**********567X' },
        identity: { applicant: 'idCardChip', agent: 'typedNumber' },
        identityCheckNeeded: true,
      },
      { identity: { applicant: 'notStated', agent: null }, identityCheckNeeded: true },
    ]);
  });

  it('stores a 亮证码 sealed with the case, tells staff to verify it before 受理, and refuses an overlong one', async () => {
    platform = await createTestPlatform({ now: manualClock(MONDAY_10).now });
    const code = 'https://zzfw.example.gov.cn/licence/verify?token=8c1f9a0e2b7d4c55';
    const body = applicationBody({
      licenceReferences: [{ materialName: '居民身份证', code, scannedAt: '2026-03-02T09:58:00+08:00' }],
    });
    const response = await submit(body);
    expect(response.status).toBe(201);
    const accepted = response.json<ApplicationAccepted>();
    expect(accepted.receiptLines).toContain('已提交电子证照1项, 受理前由工作人员核验');
    expect(await records()).toMatchObject([{ caseNo: accepted.caseNo, licencesToVerify: ['居民身份证'] }]);
    // Sealed at rest like the rest of the submission: the code is nowhere in the rows in clear.
    const rows = await platform.sql.all('SELECT * FROM applications');
    const stored = rows.map((row) =>
      Object.values(row).map((v) => (Buffer.isBuffer(v) ? v.toString('latin1') : String(v))),
    );
    expect(JSON.stringify(stored)).not.toContain('8c1f9a0e2b7d4c55');
    expect((await submit(applicationBody())).json<ApplicationAccepted>().receiptLines.join()).not.toContain('电子证照');
    const tooLong = await submit(
      applicationBody({
        licenceReferences: [
          { materialName: '居民身份证', code: 'x'.repeat(2049), scannedAt: '2026-03-02T09:58:00+08:00' },
        ],
      }),
    );
    expect(tooLong.status).toBe(422);
  });

  it('refuses an identity for an agent the application does not have, and none for the one it has', async () => {
    platform = await createTestPlatform({ now: manualClock(MONDAY_10).now });
    const phantom = await submit(applicationBody({ identity: { applicant: 'typedNumber', agent: 'idCardChip' } }));
    expect(phantom.status).toBe(422);
    expect(phantom.json()).toMatchObject({ code: 'validationFailed', errors: [{ path: '/identity/agent' }] });
    const missing = await submit(
      applicationBody({ agent: agentFor(), identity: { applicant: 'typedNumber', agent: null } }),
    );
    expect(missing.status).toBe(422);
    expect(await applicationRowCount(platform.sql)).toBe(0);
  });
});

describe('case progress', () => {
  it('moves a promised case from 村级受理 through 镇级审核 and 县级审批 to 待领取 as time passes', async () => {
    const clock = manualClock(MONDAY_10);
    platform = await createTestPlatform({ now: clock.now });
    const { caseNo } = (await submit()).json<ApplicationAccepted>();
    const progressAt = async (instant: string) => {
      clock.set(instant);
      return (await platform.request('GET', `/api/v1/cases/${caseNo}`)).json<CaseProgress>();
    };

    const atOnce = await progressAt(MONDAY_10);
    expect(atOnce).toMatchObject({ state: 'accepted', stateName: '村级已受理', promisedBy: '2026-03-09' });
    expect(atOnce.steps.map((step) => [step.name, step.state])).toEqual([
      ['村级受理', 'done'],
      ['镇级审核', 'current'],
      ['县级审批', 'pending'],
      ['办结待领取', 'pending'],
    ]);
    expect((await progressAt('2026-03-03T10:00:00+08:00')).stateName).toBe('镇级审核中');
    const county = await progressAt('2026-03-06T10:00:00+08:00');
    expect(county).toMatchObject({ state: 'inReview', stateName: '县级审批中' });
    expect(county.steps.map((step) => step.state)).toEqual(['done', 'done', 'current', 'pending']);
    const ready = await progressAt('2026-03-09T10:00:00+08:00');
    expect(ready).toMatchObject({ state: 'readyForPickup', nextStep: '请携带身份证到景芝镇便民服务中心领取' });
    expect(ready.steps.every((step) => step.state === 'done' && step.at !== null)).toBe(true);
  });

  it('mails the result and counts it received three days later', async () => {
    const clock = manualClock(MONDAY_10);
    platform = await createTestPlatform({ now: clock.now });
    const delivery = {
      method: 'mail' as const,
      recipient: '张三丰',
      phone: '13800001234',
      address: { regionCode: '370784', province: '山东省', city: '潍坊市', county: '安丘市', detail: '景芝镇东景芝村' },
    };
    const { caseNo } = (await submit(applicationBody({ delivery }))).json<ApplicationAccepted>();
    clock.set('2026-03-09T10:00:00+08:00');
    const mailed = await platform.request('GET', `/api/v1/cases/${caseNo}`);
    // Any terminal may ask by number: the recipient is shown masked, the street address not at all.
    expect(mailed.json()).toMatchObject({
      state: 'mailed',
      delivery: { method: 'mail', recipient: '张*丰', phone: '138****1234', region: { county: '安丘市' } },
    });
    expect(mailed.text).not.toContain('景芝镇东景芝村');
    clock.set('2026-03-12T10:00:00+08:00');
    expect((await platform.request('GET', `/api/v1/cases/${caseNo}`)).json()).toMatchObject({
      state: 'completed',
      nextStep: null,
    });
  });

  it('answers 404 caseNotFound for an unknown number; any terminal may read a case by number', async () => {
    platform = await createTestPlatform({ now: manualClock(MONDAY_10).now });
    const missing = await platform.request('GET', '/api/v1/cases/370784-20260302-000999');
    expect(missing.status).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'caseNotFound' });
    const { caseNo } = (await submit()).json<ApplicationAccepted>();
    const fromOther = await platform.request('GET', `/api/v1/cases/${caseNo}`, { token: KIOSK_2.token });
    expect(fromOther.status).toBe(200);
  });

  it("finds a person's cases as applicant or as 经办人, newest first, by identity in the body", async () => {
    const clock = manualClock(MONDAY_10);
    platform = await createTestPlatform({ now: clock.now });
    const own = (await submit()).json<ApplicationAccepted>();
    clock.set('2026-03-03T10:00:00+08:00');
    const asAgent = (
      await submit(
        applicationBody({
          applicant: {
            kind: 'naturalPerson',
            person: { name: '王五', idType: 'residentIdCard', idNumber: '370784194005051111' },
          },
          agent: agentFor(APPLICANT_ID),
        }),
      )
    ).json<ApplicationAccepted>();
    await submit(
      applicationBody({
        agent: agentFor(AGENT_ID),
        applicant: {
          kind: 'naturalPerson',
          person: { name: '赵六', idType: 'residentIdCard', idNumber: '370784196006062222' },
        },
      }),
    );

    const search = async (body: object) =>
      (await platform.request('POST', '/api/v1/case-searches', { body })).json<CaseSearchResult>().cases;
    const found = await search({ idType: 'residentIdCard', idNumber: APPLICANT_ID });
    expect(found.map((entry) => entry.caseNo)).toEqual([asAgent.caseNo, own.caseNo]);
    expect(await search({ idType: 'residentIdCard', idNumber: APPLICANT_ID, since: '2026-03-03' })).toHaveLength(1);
    expect(await search({ idType: 'residentIdCard', idNumber: '370784190001010000' })).toEqual([]);
  });
});

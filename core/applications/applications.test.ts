import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { idCardFixtures } from '../../drivers/idcard';
import { receiptPreviewText } from '../../drivers/printer/layout';
import type { SubmitApplicationInput } from '../api/applications';
import { ApplicationSubmission } from '../../platform/contract/applications';
import { sessionControl } from '../session/resident-session';
import type { z } from 'zod';
import { applicationByRef, shortLocalRef } from './application-store';
import { buildApplicationHandlers } from './handlers';
import { SAVED_OFFLINE_LINE } from './receipt';
import { catalogVariant } from '../../tests/helpers/catalog-fixture';
import { fakePlatform } from '../testing/fake-platform';
import { applicationRoutes, samplePdfBase64 } from '../testing/platform-applications';
import { testServiceDeps } from '../testing/service-deps';
import { createLicenceScans } from '../scan/licence-scans';

const ctx = { host: 'test' as const, requestId: 't' };
const { elderlyResident, womanResident } = idCardFixtures;
const ELDERLY = '370784-CJ-013'; // instant; 居民身份证 required, 照片 optional
const RELIEF = '370784-CJ-020'; // 10 working days; 居民身份证 + 户口簿 required
const GUIDE_ONLY = '370784-CJ-052';
const preview = (document: Parameters<typeof receiptPreviewText>[0]) =>
  receiptPreviewText(document, { paperWidthMm: 80, encoding: 'gb18030' });

type Input = z.input<typeof SubmitApplicationInput>;

describe('self-service applications', () => {
  const open: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of open.splice(0)) await close();
  });

  function setup(card = elderlyResident) {
    const kit = testServiceDeps({
      session: 'real',
      dataDir: 'temp',
      catalog: catalogVariant('applications'),
      platform: fakePlatform({ routes: applicationRoutes(), replayByIdempotencyKey: true }),
    });
    open.push(kit.close);
    const licenceScans = createLicenceScans();
    const handlers = buildApplicationHandlers(kit.deps, { licenceScans });
    const session = sessionControl(kit.session);
    const signIn = (signed = card) =>
      session.signIn(
        {
          person: { name: signed.name, idType: 'residentIdCard', idNumber: signed.idNumber },
          proof: { kind: 'card', card: signed },
        },
        'applicant',
      );
    signIn();
    const stage = (materialName: string, seed = materialName) => {
      const staged = kit.captures.stage({ materialName, pageCount: 1, pdfBase64: samplePdfBase64(seed) });
      if (!staged.ok) throw new Error('staging failed');
      return staged.value;
    };
    const input = (overrides: Partial<Input> = {}): Input => ({
      confirmationId: randomUUID(),
      matterCodes: [ELDERLY],
      lifeEventId: null,
      form: { applicantName: '王示例', phone: '13800001234' },
      materials: [{ name: '居民身份证', captureIds: [stage('居民身份证').captureId] }],
      delivery: { method: 'pickUp' },
      ...overrides,
    });
    const submit = (value: Input) => handlers['application.submit'](value, ctx);
    const outboxRows = () =>
      kit.db
        .prepare('SELECT id, kind, method, path, idempotency_key AS key, state FROM outbox ORDER BY id')
        .all() as Array<{
        id: number;
        kind: string;
        method: string;
        path: string;
        key: string;
        state: string;
      }>;
    return { ...kit, handlers, session, signIn, stage, input, submit, outboxRows, licenceScans };
  }

  describe('start', () => {
    it('needs an applicant, a self-service matter and a fresh catalog', async () => {
      const { handlers, session, catalog } = setup();
      expect(await handlers['application.start']({ matterCodes: [GUIDE_ONLY], lifeEventId: null }, ctx)).toMatchObject({
        ok: false,
        error: { code: 'notSelfService' },
      });
      expect(await handlers['application.start']({ matterCodes: ['NO-SUCH-1'], lifeEventId: null }, ctx)).toMatchObject(
        {
          ok: false,
          error: { code: 'notFound' },
        },
      );
      catalog.stale = true;
      expect(await handlers['application.start']({ matterCodes: [ELDERLY], lifeEventId: null }, ctx)).toMatchObject({
        ok: false,
        error: { code: 'catalogStale' },
      });
      session.signOut();
      expect(await handlers['application.start']({ matterCodes: [ELDERLY], lifeEventId: null }, ctx)).toMatchObject({
        ok: false,
        error: { code: 'notSignedIn' },
      });
    });

    it('pre-fills from the card (never the number), unions the materials and offers pick-up or mail', async () => {
      const { handlers } = setup();
      const draft = await handlers['application.start'](
        { matterCodes: [ELDERLY, RELIEF], lifeEventId: 'elderlyCare' },
        ctx,
      );
      if (!draft.ok) throw new Error(draft.error.message);
      expect(draft.value.fields.map((f) => [f.name, f.value, f.filledFrom])).toEqual([
        ['applicantName', '王示例', 'card'],
        ['phone', '', 'none'],
      ]);
      expect(draft.value.materials).toEqual([
        { name: '居民身份证', required: true, note: null, matterCodes: [ELDERLY, RELIEF] },
        { name: '近期一寸免冠照片', required: false, note: '可现场拍摄', matterCodes: [ELDERLY] },
        { name: '户口簿', required: true, note: null, matterCodes: [RELIEF] },
      ]);
      expect(draft.value.delivery).toEqual({
        pickUp: { servicePointId: 'TEST-STATION', name: '东埠村便民服务站', address: '东埠村党群服务中心一楼' },
        mail: true,
        mailDefaults: { regionCode: '370784107', province: '山东省', city: '潍坊市', county: '安丘市' },
        // Offered on the delivery step as the mailing address; never filled in unasked.
        cardAddress: elderlyResident.address,
      });
      expect(draft.value.matters.map((m) => m.promisedWorkingDays)).toEqual([null, 10]);
      expect(draft.value.history).toBeNull();
      expect(JSON.stringify(draft.value)).not.toContain(elderlyResident.idNumber);
    });
  });

  describe('submit', () => {
    it('commits materials before the application, delivers, prints the receipt with the 办件编号', async () => {
      const { submit, input, outboxRows, platform, devices, captures, session, db } = setup();
      const value = input();
      const captureId = value.materials[0]?.captureIds[0] ?? '';
      const pdf = Buffer.from(captures.get(captureId)?.pdf ?? []);
      const receipt = await submit(value);
      if (!receipt.ok) throw new Error(receipt.error.message);
      expect(receipt.value).toMatchObject({
        status: 'delivered',
        matters: [{ caseNo: 'AQ-20261121-0001', promisedBy: '2026-12-05', matter: { matterCode: ELDERLY } }],
        receiptLines: ['请保持电话畅通'],
        progressQr: 'https://zwfw.example.gov.cn/anqiu/progress?case=AQ-20261121-0001',
        print: { output: 'paper', problem: null },
      });

      const rows = outboxRows();
      expect(rows.map((r) => [r.kind, r.method, r.state])).toEqual([
        ['material', 'PUT', 'sent'],
        ['application', 'POST', 'sent'],
      ]);
      expect(rows[1]?.key).toBe(`${value.confirmationId}:application:0`);
      const [put, post] = platform.calls;
      expect(put?.method).toBe('PUT');
      expect(put?.headers.get('content-type')).toBe('application/pdf');
      expect(put?.bytes.equals(pdf)).toBe(true);
      const body = post?.body;
      expect(body).toMatchObject({
        localRef: receipt.value.localRef,
        stationId: 'TEST-STATION',
        offline: false,
        bundle: null,
        applicant: { kind: 'naturalPerson', person: { idNumber: elderlyResident.idNumber, phone: '13800001234' } },
        delivery: { method: 'pickUp', servicePointId: 'TEST-STATION' },
        materials: [{ name: '居民身份证', pages: [{ contentType: 'application/pdf', size: pdf.length }] }],
        identity: { applicant: 'idCardChip', agent: null },
      });

      expect(captures.get(captureId)).toBeUndefined();
      expect(devices.printed).toHaveLength(1);
      const printed = preview(devices.printed[0]!);
      expect(devices.printed[0]?.id).toBe(`receipt-${receipt.value.localRef}`);
      expect(printed).toContain('老年优待证办理');
      expect(printed).toContain('AQ-20261121-0001');
      expect(printed).toContain('即办件');
      expect(printed).toContain('请保持电话畅通');
      expect(printed).not.toContain(SAVED_OFFLINE_LINE);
      expect(printed).not.toContain(elderlyResident.idNumber);
      expect(session.completed()).toMatchObject([
        { kind: 'application', ref: 'AQ-20261121-0001', matterCode: ELDERLY },
      ]);

      // Nothing personal in plain text at rest: not in the application rows, not in the outbox.
      const cells: unknown[] = [
        ...db.prepare('SELECT * FROM application').raw().all(),
        ...db.prepare('SELECT body, body_blob FROM outbox').raw().all(),
      ].flat();
      const bytes = Buffer.concat(cells.map((c) => (Buffer.isBuffer(c) ? c : Buffer.from(String(c)))));
      expect(bytes.length).toBeGreaterThan(500);
      for (const secret of [elderlyResident.idNumber, '13800001234', '王示例']) {
        expect(bytes.includes(Buffer.from(secret))).toBe(false);
      }
    });

    it('says in the submission that a typed sign-in was not verified, for the applicant and the agent', async () => {
      const { submit, input, platform, session } = setup();
      const typed = (card = elderlyResident) => ({
        person: { name: card.name, idType: 'residentIdCard' as const, idNumber: card.idNumber },
        proof: { kind: 'typed' as const },
      });
      const posted = () => {
        const post = platform.calls.filter((request) => request.path === '/applications').at(-1);
        return ApplicationSubmission.parse(post?.body ?? {});
      };

      session.signIn(typed(), 'applicant');
      const alone = await submit(input());
      if (!alone.ok) throw new Error(alone.error.message);
      expect(posted().identity).toEqual({ applicant: 'typedNumber', agent: null });

      // A card-verified agent acting for a typed applicant, and then a typed agent.
      session.signIn(
        { person: typed(womanResident).person, proof: { kind: 'card', card: womanResident } },
        'agent',
        'family',
      );
      expect((await submit(input())).ok).toBe(true);
      expect(posted()).toMatchObject({
        agent: { person: { idNumber: womanResident.idNumber } },
        identity: { applicant: 'typedNumber', agent: 'idCardChip' },
      });
      session.signIn(typed(womanResident), 'agent', 'family');
      expect((await submit(input())).ok).toBe(true);
      expect(posted().identity).toEqual({ applicant: 'typedNumber', agent: 'typedNumber' });
    });

    it('saves offline when the platform is down, says so on the receipt, and delivers later', async () => {
      const kit = setup();
      kit.platform.online = false;
      kit.catalog.platform = 'unreachable';
      const saved = await kit.submit(
        kit.input({
          matterCodes: [RELIEF],
          materials: [
            { name: '居民身份证', captureIds: [kit.stage('居民身份证').captureId] },
            { name: '户口簿', captureIds: [kit.stage('户口簿').captureId] },
          ],
        }),
      );
      if (!saved.ok) throw new Error(saved.error.message);
      const { localRef } = saved.value;
      expect(saved.value).toMatchObject({
        status: 'savedOffline',
        matters: [{ caseNo: null, promisedBy: null }],
        progressQr: `https://zwfw.example.gov.cn/anqiu/progress?ref=${localRef}`,
      });
      const printed = preview(kit.devices.printed[0]!);
      expect(printed).toContain(SAVED_OFFLINE_LINE);
      expect(printed).toContain(shortLocalRef(localRef));
      expect(printed).toContain('10 个工作日');
      expect(kit.session.completed()).toMatchObject([{ ref: localRef }]);
      expect(applicationByRef(kit.db, localRef)).toMatchObject({
        caseNo: null,
        status: 'savedOffline',
        matterName: '临时救助',
      });

      kit.platform.online = true;
      await kit.outbox.kick();
      const posted = kit.platform.calls.filter((r) => r.method === 'POST');
      expect(posted[0]?.body).toMatchObject({ offline: true });
      const found = applicationByRef(kit.db, localRef);
      expect(found).toMatchObject({ localRef, caseNo: 'AQ-20261121-0001', status: 'delivered' });
      expect(applicationByRef(kit.db, 'AQ-20261121-0001')).toEqual(found);
      expect(applicationByRef(kit.db, shortLocalRef(localRef))).toEqual(found);
      expect(applicationByRef(kit.db, 'AQ-NOPE-0001')).toBeNull();
    });

    it('a double press or a replay answers the same receipt: one application, one POST, one print', async () => {
      const { submit, input, outboxRows, platform, devices, db } = setup();
      const value = input();
      const [first, second] = await Promise.all([submit(value), submit(value)]);
      expect(first).toEqual(second);
      const replay = await submit(value);
      expect(replay).toEqual(first);
      expect(Number(db.prepare('SELECT COUNT(*) FROM application').pluck().get())).toBe(1);
      expect(outboxRows().filter((r) => r.kind === 'application')).toHaveLength(1);
      expect(platform.calls.filter((r) => r.method === 'POST')).toHaveLength(1);
      expect(devices.printRequests).toHaveLength(1);
    });

    it('names every wrong field, then asks for missing materials and captures', async () => {
      const { submit, input, db } = setup();
      const invalid = await submit(input({ form: { applicantName: '', phone: '12345', favourite: 'x' } }));
      expect(invalid).toMatchObject({ ok: false, error: { code: 'invalidForm' } });
      if (invalid.ok) return;
      expect(invalid.error.message).toContain('applicantName (required)');
      expect(invalid.error.message).toContain('phone (kind)');
      expect(invalid.error.message).toContain('favourite (unknown)');
      expect(await submit(input({ materials: [] }))).toMatchObject({ ok: false, error: { code: 'materialMissing' } });
      expect(await submit(input({ materials: [{ name: '居民身份证', captureIds: ['gone'] }] }))).toMatchObject({
        ok: false,
        error: { code: 'captureMissing' },
      });
      expect(Number(db.prepare('SELECT COUNT(*) FROM outbox').pluck().get())).toBe(0);
    });

    it('takes a 亮证码 read by the scanner for an identity material: sent for the platform to verify, held no longer', async () => {
      const { submit, input, platform, licenceScans, deps } = setup();
      const code = 'https://zzfw.example.gov.cn/licence/verify?token=8c1f9a0e2b7d4c55';
      const at = deps.now();
      const scanId = licenceScans.stage(code, at);
      // 居民身份证 is required: the 亮证码 stands for it, no photograph needed.
      const receipt = await submit(input({ materials: [], licences: [{ materialName: '居民身份证', scanId }] }));
      expect(receipt.ok).toBe(true);
      const post = platform.calls.find((r) => r.method === 'POST');
      const body = ApplicationSubmission.parse(post?.body ?? {});
      expect(body.licenceReferences).toEqual([{ materialName: '居民身份证', code, scannedAt: expect.any(String) }]);
      expect(body.materials).toEqual([]);
      expect(licenceScans.has(scanId, at)).toBe(false);
    });

    it('refuses a 亮证码 for a material no licence can stand for, and one no longer held', async () => {
      const { submit, input, licenceScans, db, deps } = setup();
      const scanId = licenceScans.stage('LICENCE-TOKEN-1', deps.now());
      expect(await submit(input({ licences: [{ materialName: '近期一寸免冠彩色照片', scanId }] }))).toMatchObject({
        ok: false,
        error: { code: 'materialMissing' },
      });
      expect(
        await submit(input({ materials: [], licences: [{ materialName: '居民身份证', scanId: randomUUID() }] })),
      ).toMatchObject({ ok: false, error: { code: 'captureMissing' } });
      // Nothing was taken or stored by the refused attempts.
      expect(licenceScans.has(scanId, deps.now())).toBe(true);
      expect(Number(db.prepare('SELECT COUNT(*) FROM outbox').pluck().get())).toBe(0);
    });

    it('keeps the application when the printer fails: the receipt goes to the screen', async () => {
      const { submit, input, devices, db } = setup();
      devices.printFailure = { kind: 'printerUnavailable', code: 'paperOut', message: 'paper out' };
      const receipt = await submit(input());
      expect(receipt).toMatchObject({
        ok: true,
        value: { status: 'delivered', print: { output: 'screen', problem: 'paperOut' } },
      });
      expect(Number(db.prepare('SELECT COUNT(*) FROM application').pluck().get())).toBe(1);
    });

    it('sends a bundle as one POST per matter after one upload of the shared material', async () => {
      const { submit, input, stage, outboxRows, platform } = setup();
      const receipt = await submit(
        input({
          matterCodes: [ELDERLY, RELIEF],
          lifeEventId: 'elderlyCare',
          materials: [
            { name: '居民身份证', captureIds: [stage('居民身份证').captureId] },
            { name: '户口簿', captureIds: [stage('户口簿').captureId] },
          ],
        }),
      );
      if (!receipt.ok) throw new Error(receipt.error.message);
      expect(outboxRows().map((r) => `${r.method} ${r.path.split('/')[1]}`)).toEqual([
        'PUT materials',
        'PUT materials',
        'POST applications',
        'POST applications',
      ]);
      const bodies = platform.calls
        .filter((r) => r.method === 'POST')
        .map((r) => r.body as { bundle: unknown; materials: Array<{ name: string }> });
      expect(bodies.map((b) => b.bundle)).toEqual([
        { lifeEventId: 'elderlyCare', bundleRef: receipt.value.localRef, index: 0, count: 2 },
        { lifeEventId: 'elderlyCare', bundleRef: receipt.value.localRef, index: 1, count: 2 },
      ]);
      expect(bodies.map((b) => b.materials.map((m) => m.name))).toEqual([['居民身份证'], ['居民身份证', '户口簿']]);
      expect(receipt.value.matters.map((m) => m.caseNo)).toEqual(['AQ-20261121-0001', 'AQ-20261121-0002']);
    });

    it('reprints a receipt of this session marked as a reprint, and nothing after the session ended', async () => {
      const { submit, input, handlers, devices, session } = setup();
      const receipt = await submit(input());
      if (!receipt.ok) throw new Error(receipt.error.message);
      expect(await handlers['application.reprintReceipt']({ localRef: receipt.value.localRef }, ctx)).toEqual({
        ok: true,
        value: { output: 'paper', problem: null },
      });
      expect(devices.printRequests.map((p) => p.reprint)).toEqual([false, true]);
      session.end();
      expect(await handlers['application.reprintReceipt']({ localRef: receipt.value.localRef }, ctx)).toMatchObject({
        ok: false,
        error: { code: 'notFound' },
      });
    });
  });

  describe('history', () => {
    it('offers the remembered phone and mailing address of the same person, with consent only', async () => {
      const { submit, input, handlers, signIn, session } = setup();
      const mailed = await submit(
        input({
          delivery: {
            method: 'mail',
            recipient: '王示例',
            phone: '13800001234',
            address: {
              regionCode: '370784107',
              province: '山东省',
              city: '潍坊市',
              county: '安丘市',
              detail: '景芝镇东埠村100号',
            },
          },
        }),
      );
      expect(mailed.ok).toBe(true);
      const draft = await handlers['application.start']({ matterCodes: [ELDERLY], lifeEventId: null }, ctx);
      expect(draft).toMatchObject({
        ok: true,
        value: { history: { fieldNames: expect.arrayContaining(['phone', 'delivery.detail']) } },
      });
      expect(JSON.stringify(draft)).not.toContain('13800001234');
      expect(await handlers['application.historyPrefill']({ matterCodes: [ELDERLY] }, ctx)).toMatchObject({
        ok: false,
        error: { code: 'consentRequired' },
      });
      await handlers['application.consentToHistory']({}, ctx);
      const prefill = await handlers['application.historyPrefill']({ matterCodes: [ELDERLY] }, ctx);
      expect(prefill).toMatchObject({
        ok: true,
        value: { values: { phone: '13800001234', 'delivery.detail': '景芝镇东埠村100号' } },
      });
      if (prefill.ok) expect(prefill.value.values).not.toHaveProperty('applicantName');

      // The same number typed (anyone may know it) learns nothing of the earlier submission.
      session.signIn(
        {
          person: { name: '邻居', idType: 'residentIdCard', idNumber: elderlyResident.idNumber },
          proof: { kind: 'typed' },
        },
        'applicant',
      );
      expect(await handlers['application.start']({ matterCodes: [ELDERLY], lifeEventId: null }, ctx)).toMatchObject({
        ok: true,
        value: { history: null },
      });
      expect(session.consentToHistory()).toBe(false);

      // Consent belongs to the person who gave it: the next sign-in starts without it.
      signIn(womanResident);
      expect(await handlers['application.historyPrefill']({ matterCodes: [ELDERLY] }, ctx)).toMatchObject({
        ok: false,
        error: { code: 'consentRequired' },
      });
      await handlers['application.consentToHistory']({}, ctx);
      expect(await handlers['application.historyPrefill']({ matterCodes: [ELDERLY] }, ctx)).toMatchObject({
        ok: false,
        error: { code: 'noHistory' },
      });
    });
  });
});

import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type Database from 'better-sqlite3';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallContext } from '../api/types';
import type { InspectionDraft } from '../api/technician';
import { elderlyResident } from '../../drivers/idcard/fixtures';
import type { ReceiptDocument } from '../../drivers/printer/receipt-document';
import { startEmbeddedPlatform, type EmbeddedPlatform } from '../../platform/embedded';
import { startOutboxDelivery, type OutboxDelivery } from '../outbox';
import { testSealer } from '../testing/outbox';
import { kioskInfoFixture } from '../../tests/helpers/kiosk-info-fixture';
import { createTechnicianService, type TechnicianHandlers } from './handlers';
import { hashPin } from './pin-hash';
import { createFakeDevices, type FakeDevices } from '../testing/fake-devices';
import { createScanRouter } from '../scan/scan-router';
import { createResidentSession } from '../session/resident-session';
import { memoryStore } from '../testing/memory-store';

const PIN = '246810';
const ctx: CallContext = { host: 'test', requestId: 't' };
const TOKEN = 'technician-test-token-0123456789';
const T0 = new Date('2026-11-21T08:00:00.000Z');

let pinHash: string;
let platform: EmbeddedPlatform;
let platformDir: string;

beforeAll(async () => {
  // A cheap cost: these tests check the lockout rules over dozens of PIN attempts, not scrypt.
  pinHash = hashPin(PIN, undefined, 1 << 10);
  platformDir = mkdtempSync(join(tmpdir(), 'kiosk-tech-platform-'));
  platform = await startEmbeddedPlatform({
    dbPath: join(platformDir, 'platform.sqlite'),
    port: 0,
    terminals: [{ id: kioskInfoFixture.terminal.id, token: TOKEN, stationId: kioskInfoFixture.station.id }],
  });
});

afterAll(async () => {
  await platform.close();
  rmSync(platformDir, { recursive: true, force: true });
});

let db: Database.Database;
let devices: FakeDevices;
let clock: Date;
let logText: string[];
let residentSessionsEnded: number;
let residentScans: string[];
const PAGE = 'https://zwfw.example.gov.cn/anqiu/progress';
let outbox: OutboxDelivery;
let logDir: string;

function newDb() {
  return memoryStore({ at: T0.toISOString() });
}

function service(overrides: { config?: null; baseUrl?: string } = {}): TechnicianHandlers {
  const sink = new Writable({
    write(chunk: Buffer, _e, done) {
      logText.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = pino({ level: 'debug' }, sink);
  outbox = startOutboxDelivery({
    db,
    platform: { baseUrl: overrides.baseUrl ?? platform.baseUrl, token: TOKEN, timeoutMs: 2_000 },
    logger,
    now: () => new Date(),
    sealer: testSealer(),
  });
  return createTechnicianService({
    db,
    config:
      overrides.config === null
        ? undefined
        : { pinHash, lockoutMinutes: 15, lockoutMaxMinutes: 60, sessionIdleMinutes: 30, sessionMaxMinutes: 240 },
    devices,
    outbox,
    sealer: testSealer(),
    info: kioskInfoFixture,
    catalogVersion: () => null,
    logDir,
    configSummary: [{ key: 'terminal.id', value: kioskInfoFixture.terminal.id }],
    now: () => clock,
    endResidentSession: () => (residentSessionsEnded += 1),
    logger,
    submitWaitMs: 3_000,
    // The real router over the fake devices: the scan test takes the next read for itself.
    scans: createScanRouter({
      db,
      sealer: testSealer(),
      session: createResidentSession({ devices, now: () => clock, logger }),
      devices,
      info: { ...kioskInfoFixture, station: { ...kioskInfoFixture.station, progressPageUrl: PAGE } },
      now: () => clock,
      logger,
      emit: (code) => residentScans.push(code.kind),
      technicianActive: () => true,
    }),
  }).handlers;
}

beforeEach(() => {
  db = newDb();
  devices = createFakeDevices();
  clock = T0;
  logText = [];
  residentSessionsEnded = 0;
  residentScans = [];
  logDir = mkdtempSync(join(tmpdir(), 'kiosk-tech-logs-'));
});

afterEach(async () => {
  await outbox.stop();
  db.close();
  rmSync(logDir, { recursive: true, force: true });
});

const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

async function enter(h: TechnicianHandlers, pin = PIN) {
  return h['technician.enter']({ pin }, ctx);
}

async function session(h: TechnicianHandlers): Promise<string> {
  const entered = await enter(h);
  if (!entered.ok) throw new Error(entered.error.message);
  return entered.value.token;
}

function draft(overrides: Partial<InspectionDraft> = {}): InspectionDraft {
  return {
    inspector: { name: '李工', staffId: 'AQ-0042' },
    startedAt: T0.toISOString(),
    consumables: [{ kind: 'receiptPaper', level: 'full', replaced: true, estimatedRemaining: null }],
    outcome: 'normal',
    notes: '屏幕已清洁',
    ...overrides,
  };
}

const texts = (document: ReceiptDocument) =>
  document.blocks
    .map((block) => (block.kind === 'text' ? block.text : block.kind === 'pair' ? `${block.label} ${block.value}` : ''))
    .join('\n');

describe('technician.enter', { timeout: 20_000 }, () => {
  it('opens a session with a 32-byte base64url token after the right PIN, ending the resident session first', async () => {
    const h = service();
    const entered = await enter(h);
    expect(entered.ok).toBe(true);
    if (!entered.ok) return;
    expect(entered.value.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(entered.value.expiresAt).toBe(later(30).toISOString());
    expect(residentSessionsEnded).toBe(1);
  });

  it('answers notConfigured without a technician section', async () => {
    const h = service({ config: null });
    expect(await enter(h)).toMatchObject({ ok: false, error: { code: 'notConfigured' } });
  });

  it('counts wrong PINs down and locks entry after the fifth, even for the right PIN', async () => {
    const h = service();
    for (const left of [4, 3, 2, 1]) {
      const wrong = await enter(h, '111111');
      expect(wrong).toMatchObject({
        ok: false,
        error: { code: 'wrongPin', message: `wrong PIN: ${left} attempts left` },
      });
    }
    expect(await enter(h, '111111')).toMatchObject({
      ok: false,
      error: { code: 'lockedOut', message: `entry locked until ${later(15).toISOString()}` },
    });
    expect(await enter(h)).toMatchObject({ ok: false, error: { code: 'lockedOut' } });
    expect(residentSessionsEnded).toBe(0);

    clock = later(15);
    expect((await enter(h)).ok).toBe(true);
  });

  it('escalates: each lockout in a row lasts twice the one before, up to the cap', async () => {
    const h = service();
    let at = 0;
    // lockoutMinutes 15, lockoutMaxMinutes 60 (service()): 15, 30, 60, 60.
    for (const minutes of [15, 30, 60, 60]) {
      clock = later(at);
      for (const left of [4, 3, 2, 1]) {
        expect(await enter(h, '111111')).toMatchObject({ error: { message: `wrong PIN: ${left} attempts left` } });
      }
      expect(await enter(h, '111111')).toMatchObject({
        error: { code: 'lockedOut', message: `entry locked until ${later(at + minutes).toISOString()}` },
      });
      clock = later(at + minutes - 1);
      expect(await enter(h)).toMatchObject({ error: { code: 'lockedOut' } });
      at += minutes;
    }
    // A right PIN ends the escalation: the next lockout is the first again.
    clock = later(at);
    expect((await enter(h)).ok).toBe(true);
    for (let i = 0; i < 4; i++) await enter(h, '111111');
    expect(await enter(h, '111111')).toMatchObject({
      error: { message: `entry locked until ${later(at + 15).toISOString()}` },
    });
  });

  it('keeps the escalation across a restart', async () => {
    const first = service();
    for (let i = 0; i < 5; i++) await enter(first, '999999');
    await outbox.stop();
    clock = later(15);
    const restarted = service();
    for (let i = 0; i < 4; i++) await enter(restarted, '999999');
    expect(await enter(restarted, '999999')).toMatchObject({
      error: { code: 'lockedOut', message: `entry locked until ${later(45).toISOString()}` },
    });
  });

  it('keeps the lockout across a restart (a new service on the same store)', async () => {
    const first = service();
    for (let i = 0; i < 5; i++) await enter(first, '999999');
    await outbox.stop();
    const restarted = service();
    expect(await enter(restarted)).toMatchObject({ ok: false, error: { code: 'lockedOut' } });
  });

  it('a right PIN resets the count', async () => {
    const h = service();
    for (let i = 0; i < 4; i++) await enter(h, '999999');
    expect((await enter(h)).ok).toBe(true);
    expect(await enter(h, '999999')).toMatchObject({ error: { message: 'wrong PIN: 4 attempts left' } });
  });

  it('logs every attempt, never the PIN', async () => {
    const h = service();
    await enter(h, '13579135');
    await enter(h);
    const log = logText.join('');
    expect(log).toContain('wrong technician PIN');
    expect(log).toContain('technician mode entered');
    expect(log).not.toContain('13579135');
    expect(log).not.toContain(PIN);
  });
});

// Sessions (idle and absolute limits, one at a time, 退出) are enforced by the access guard before
// a handler runs: core/app/technician-access.test.ts drives them through the real dispatcher.

describe('device tests', { timeout: 20_000 }, () => {
  it('reads a test card within 20 s and shows it masked only', async () => {
    const h = service();
    const token = await session(h);
    devices.nextCard = { ok: true, value: elderlyResident };
    const outcome = await h['technician.testDevice']({ token, test: 'readCard' }, ctx);
    expect(devices.readCardTimeouts).toEqual([20_000]);
    expect(outcome).toMatchObject({ ok: true, value: { device: 'idCardReader', test: 'readCard', passed: true } });
    if (!outcome.ok) return;
    expect(outcome.value.detail).toBe('王*例 3707**********0035');
    expect(outcome.value.detail).not.toContain(elderlyResident.idNumber);
    expect(logText.join('')).not.toContain('王示例');
  });

  it('reports a card that never came as a failed test, and an unavailable reader as deviceUnavailable', async () => {
    const h = service();
    const token = await session(h);
    devices.nextCard = { ok: false, error: { kind: 'timeout', message: 'no card within 20 s' } };
    expect(await h['technician.testDevice']({ token, test: 'readCard' }, ctx)).toMatchObject({
      ok: true,
      value: { passed: false, detail: 'no card within 20 s' },
    });
    devices.nextCard = { ok: false, error: { kind: 'deviceUnavailable', message: 'reader offline' } };
    expect(await h['technician.testDevice']({ token, test: 'readCard' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'deviceUnavailable' },
    });
  });

  it('prints a test page with a new id each time', async () => {
    const h = service();
    const token = await session(h);
    const first = await h['technician.testDevice']({ token, test: 'printTestPage' }, ctx);
    const second = await h['technician.testDevice']({ token, test: 'printTestPage' }, ctx);
    expect(first).toMatchObject({ ok: true, value: { device: 'printer', passed: true } });
    expect(second.ok).toBe(true);
    expect(devices.printed).toHaveLength(2);
    const [a, b] = devices.printed;
    expect(a?.id).not.toBe(b?.id);
    expect(texts(a!)).toContain('打印测试页');
    expect(a?.blocks.some((block) => block.kind === 'qr')).toBe(true);
  });

  it('answers deviceUnavailable when the printer is down and records the failure', async () => {
    const h = service();
    const token = await session(h);
    devices.nextPrintFailure = { kind: 'printerUnavailable', code: 'paperOut', message: 'paper out' };
    expect(await h['technician.testDevice']({ token, test: 'printTestPage' }, ctx)).toMatchObject({
      error: { code: 'deviceUnavailable' },
    });
    const overview = await h['technician.overview']({ token }, ctx);
    expect(overview.ok && overview.value.lastTests).toMatchObject([
      { device: 'printer', test: 'printTestPage', passed: false, detail: 'paper out' },
    ]);
  });

  it('scan test: shows the technician what was read, records its length and kind but never the text', async () => {
    const h = service();
    const token = await session(h);
    const waiting = h['technician.testScanner']({ token, timeoutSeconds: 5 }, ctx);
    await new Promise((resolve) => setImmediate(resolve));
    devices.scan(`${PAGE}?case=AQ-20261121-0001`);
    expect(await waiting).toEqual({
      ok: true,
      value: {
        outcome: {
          device: 'qrScanner',
          test: 'scanCode',
          passed: true,
          detail: 'read 64 characters (qr), recognised as receipt',
          at: T0.toISOString(),
        },
        read: { text: `${PAGE}?case=AQ-20261121-0001`, symbology: 'qr', recognisedAs: 'receipt' },
      },
    });
    // The test took the read: no resident reaction, and a read while a technician is in is ignored.
    devices.scan('AQ-20261121-0002');
    expect(residentScans).toEqual([]);
    expect(db.prepare('SELECT detail FROM technician_test').pluck().all()).toEqual([
      'read 64 characters (qr), recognised as receipt',
    ]);
  });

  it('scan test: no read in time fails the test; a scanner offline or absent answers deviceUnavailable', async () => {
    const h = service();
    const token = await session(h);
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const waiting = h['technician.testScanner']({ token, timeoutSeconds: 5 }, ctx);
      await vi.advanceTimersByTimeAsync(5_000);
      expect(await waiting).toMatchObject({
        ok: true,
        value: { outcome: { passed: false, detail: 'no read within 5 s' }, read: null },
      });
    } finally {
      vi.useRealTimers();
    }
    devices.setStatus('qrScanner', { state: 'noDevice', code: 'portMissing' });
    expect(await h['technician.testScanner']({ token, timeoutSeconds: 5 }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'deviceUnavailable', message: 'the QR scanner is noDevice (portMissing)' },
    });
  });

  it('records tests the renderer ran, keeping the last outcome per device test', async () => {
    const h = service();
    const token = await session(h);
    await h['technician.recordTest'](
      { token, device: 'evaluationKeypad', test: 'pressEachKey', passed: false, detail: 'key 3 silent' },
      ctx,
    );
    clock = later(1);
    const again = await h['technician.recordTest'](
      { token, device: 'evaluationKeypad', test: 'pressEachKey', passed: true, detail: 'all 5 keys' },
      ctx,
    );
    expect(again).toEqual({
      ok: true,
      value: {
        device: 'evaluationKeypad',
        test: 'pressEachKey',
        passed: true,
        detail: 'all 5 keys',
        at: later(1).toISOString(),
      },
    });
    const overview = await h['technician.overview']({ token }, ctx);
    expect(overview.ok && overview.value.lastTests).toHaveLength(1);
  });

  it('restarts a device and answers the new snapshot', async () => {
    const h = service();
    const token = await session(h);
    const answer = await h['technician.restartDevice']({ token, device: 'printer' }, ctx);
    expect(devices.restarted).toEqual(['printer']);
    expect(answer.ok && answer.value.devices).toHaveLength(5);
  });

  it('records a new paper roll', async () => {
    const h = service();
    const token = await session(h);
    await h['technician.testDevice']({ token, test: 'printTestPage' }, ctx);
    const counters = await h['technician.recordPaperReplaced']({ token }, ctx);
    expect(counters).toEqual({ ok: true, value: { printsSincePaperReplaced: 0, paperReplacedAt: expect.any(String) } });
  });
});

describe('logs, overview and outbox', { timeout: 20_000 }, () => {
  it('reads the newest log file first and keeps only time, level, component and message', async () => {
    const h = service();
    const token = await session(h);
    const line = (time: string, msg: string, extra: Record<string, unknown> = {}) =>
      JSON.stringify({ level: 30, time, pid: 1, component: 'outbox', msg, ...extra });
    writeFileSync(join(logDir, 'kiosk.1.log'), `${line('2026-11-20T08:00:00.000Z', 'old')}\n`);
    utimesSync(join(logDir, 'kiosk.1.log'), new Date('2026-11-20T09:00:00Z'), new Date('2026-11-20T09:00:00Z'));
    writeFileSync(
      join(logDir, 'kiosk.2.log'),
      [
        line('2026-11-21T08:00:00.000Z', 'first today', { idNumber: '370784194803150035', name: '王示例' }),
        'not json at all',
        JSON.stringify({ level: 50, time: '2026-11-21T08:01:00.000Z', msg: 'no component' }),
        '',
      ].join('\n'),
    );
    mkdirSync(join(logDir, 'not-a-log'));
    const logs = await h['technician.logs']({ token, limit: 100 }, ctx);
    expect(logs).toEqual({
      ok: true,
      value: [
        { time: '2026-11-21T08:01:00.000Z', level: 'error', component: '', message: 'no component' },
        { time: '2026-11-21T08:00:00.000Z', level: 'info', component: 'outbox', message: 'first today' },
        { time: '2026-11-20T08:00:00.000Z', level: 'info', component: 'outbox', message: 'old' },
      ],
    });
    expect(JSON.stringify(logs)).not.toContain('3707841948');
    expect(await h['technician.logs']({ token, limit: 1 }, ctx)).toMatchObject({
      value: [{ message: 'no component' }],
    });
  });

  it('gives the overview: devices, counters, outbox depth, config summary', async () => {
    const h = service();
    const token = await session(h);
    const overview = await h['technician.overview']({ token }, ctx);
    expect(overview).toMatchObject({
      ok: true,
      value: {
        printer: { printsSincePaperReplaced: 0, paperReplacedAt: null },
        outbox: { pending: 0, deadLetters: 0 },
        config: [{ key: 'terminal.id', value: kioskInfoFixture.terminal.id }],
        lastInspection: null,
        lastTests: [],
      },
    });
  });
});

describe('inspection', { timeout: 20_000 }, () => {
  it('submits a report built from the draft, device identities and this inspection’s tests; the platform stores it', async () => {
    const h = service();
    const token = await session(h);
    clock = later(5);
    devices.nextCard = { ok: true, value: elderlyResident };
    await h['technician.testDevice']({ token, test: 'readCard' }, ctx);
    await h['technician.testDevice']({ token, test: 'printTestPage' }, ctx);
    await h['technician.recordTest'](
      { token, device: 'evaluationKeypad', test: 'pressEachKey', passed: false, detail: 'key 2 silent' },
      ctx,
    );
    await h['technician.recordTest'](
      { token, device: 'documentCamera', test: 'playSound', passed: true, detail: 'heard' },
      ctx,
    );
    clock = later(20);

    const submitted = await h['technician.submitInspection']({ token, draft: draft() }, ctx);
    expect(submitted.ok).toBe(true);
    if (!submitted.ok) return;
    const record = submitted.value;
    expect(record.delivery).toBe('sent');
    expect(record.platformId).toMatch(/^INSP-\d{8}-\d{4}$/);
    expect(record.id).toBe(record.platformId);
    expect(record.report).toMatchObject({
      inspector: { name: '李工', staffId: 'AQ-0042' },
      startedAt: T0.toISOString(),
      finishedAt: later(20).toISOString(),
      appVersion: kioskInfoFixture.appVersion,
      outcome: 'normal',
    });
    expect(record.report.devices).toEqual([
      {
        device: 'idCardReader',
        model: 'EMU-SAM-1',
        serialNumber: '05.01-20240101-0001',
        firmware: '1.0',
        status: 'online',
        test: 'pass',
        detail: 'readCard: passed',
      },
      {
        device: 'printer',
        model: 'EMU-POS-80',
        serialNumber: 'P0001',
        firmware: '1.0',
        status: 'online',
        test: 'pass',
        detail: 'printTestPage: passed',
      },
      {
        device: 'evaluationKeypad',
        model: 'EMU-KEYPAD',
        firmware: '1.0',
        status: 'online',
        test: 'fail',
        detail: 'pressEachKey: failed (key 2 silent)',
      },
      { device: 'documentCamera', model: 'EMU-CAM', firmware: '1.0', status: 'online', test: 'skipped' },
      { device: 'qrScanner', model: 'EMU-SCAN', firmware: '1.0', status: 'online', test: 'skipped' },
      { device: 'speaker', status: 'online', test: 'pass', detail: 'playSound: passed' },
    ]);
    // The masked card never leaves the kiosk in the report.
    expect(JSON.stringify(record.report)).not.toContain('王*例');

    const overview = await h['technician.overview']({ token }, ctx);
    expect(overview.ok && overview.value.lastInspection).toEqual({
      id: record.platformId,
      finishedAt: later(20).toISOString(),
    });

    const printed = await h['technician.printInspection']({ token, id: record.id }, ctx);
    expect(printed).toEqual({ ok: true, value: {} });
    const slip = texts(devices.printed.at(-1)!);
    expect(slip).toContain('设备巡检单');
    expect(slip).toContain('李工（AQ-0042）');
    expect(slip).toContain(`上报编号 ${record.platformId}`);
    expect(slip).toContain('好差评评价器 正常 / 未通过');
    expect(slip).toContain('凭条纸 充足，已更换');

    // Printing again is an explicit reprint (补打), not a refusal.
    expect(await h['technician.printInspection']({ token, id: record.id }, ctx)).toEqual({ ok: true, value: {} });
    expect(devices.prints.at(-1)?.reprint).toBe(true);
  });

  it('records the face camera and microphone tests and shows them as the last tests', async () => {
    const h = service();
    const token = await session(h);
    const camera = await h['technician.recordTest'](
      { token, device: 'faceCamera', test: 'captureFrame', passed: true, detail: '640×480 frame' },
      ctx,
    );
    const microphone = await h['technician.recordTest'](
      { token, device: 'microphone', test: 'hearSound', passed: false, detail: 'nothing above the threshold' },
      ctx,
    );
    expect(camera.ok && microphone.ok).toBe(true);
    const overview = await h['technician.overview']({ token }, ctx);
    expect(overview.ok && overview.value.lastTests.map((t) => `${t.device}/${t.test}/${t.passed}`)).toEqual(
      expect.arrayContaining(['faceCamera/captureFrame/true', 'microphone/hearSound/false']),
    );
  });

  it('leaves tests from before the inspection out of the report', async () => {
    const h = service();
    const token = await session(h);
    await h['technician.recordTest'](
      { token, device: 'documentCamera', test: 'captureFrame', passed: true, detail: 'ok' },
      ctx,
    );
    clock = later(25);
    const submitted = await h['technician.submitInspection'](
      { token, draft: draft({ startedAt: later(10).toISOString() }) },
      ctx,
    );
    expect(submitted.ok && submitted.value.report.devices.find((d) => d.device === 'documentCamera')?.test).toBe(
      'skipped',
    );
  });

  it('queues the report when the platform is unreachable and prints 待上报', async () => {
    const h = service({ baseUrl: 'http://127.0.0.1:9/api/v1' });
    const token = await session(h);
    clock = later(20);
    const submitted = await h['technician.submitInspection']({ token, draft: draft({ outcome: 'needsRepair' }) }, ctx);
    expect(submitted).toMatchObject({
      ok: true,
      value: { delivery: 'queued', platformId: null, id: expect.stringMatching(/^L-20261121-/) },
    });
    if (!submitted.ok) return;

    const pending = await h['technician.outbox']({ token }, ctx);
    expect(pending).toMatchObject({ ok: true, value: [{ kind: 'inspection', state: 'pending', attempts: 1 }] });
    if (pending.ok) expect(pending.value[0]?.lastError).toMatch(/unreachable/);
    const retried = await h['technician.retryOutbox']({ token }, ctx);
    expect(retried).toMatchObject({ ok: true, value: [{ state: 'pending', attempts: 2 }] });

    await h['technician.printInspection']({ token, id: submitted.value.id }, ctx);
    const slip = texts(devices.printed.at(-1)!);
    expect(slip).toContain('上报编号 待上报');
    expect(slip).toContain('结论 需报修');
  });

  it('answers notFound for an unknown inspection and printFailed when the printer fails', async () => {
    const h = service();
    const token = await session(h);
    expect(await h['technician.printInspection']({ token, id: 'L-20261121-00000000' }, ctx)).toMatchObject({
      error: { code: 'notFound' },
    });
    const submitted = await h['technician.submitInspection']({ token, draft: draft() }, ctx);
    if (!submitted.ok) throw new Error('submit failed');
    devices.nextPrintFailure = { kind: 'uncertain', code: 'paperOut', message: 'paper ran out mid-job' };
    expect(await h['technician.printInspection']({ token, id: submitted.value.id }, ctx)).toMatchObject({
      error: { code: 'printFailed', message: 'paper ran out mid-job' },
    });
  });
});

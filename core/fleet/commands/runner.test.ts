import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogStatus } from '../../api/contract';
import type { ServiceState } from '../../api/service-state';
import { silentLogger } from '../../logging/logger';
import { createFakeDevices } from '../../testing/fake-devices';
import { fakeSession } from '../../testing/fake-session';
import { memoryStore } from '../../testing/memory-store';
import { lastTestOutcomes } from '../../technician/test-store';
import { kioskInfoFixture } from '../../../tests/helpers/kiosk-info-fixture';
import { CommandResult, type RemoteCommand, type RemoteCommandRequest } from '../../../platform/contract/fleet';
import { createLogLevelRaiser } from './log-level';
import { createOutOfService, type OutOfService } from './out-of-service';
import { createCommandRunner, type CommandRunnerDeps } from './runner';
import { createPageScreenCapture, type PageScreenCapture } from './screen-capture';
import { runSelfTest } from './self-test';

const NOW = new Date('2026-11-21T08:00:00.000Z');
const now = () => NOW;

/** A real 2×1 PNG (signature, IHDR, IDAT, IEND), made here so the size check has something true to read. */
function tinyPng(width = 2, height = 1): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc(height * (1 + width * 3));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const command = (request: RemoteCommandRequest): RemoteCommand => ({
  commandId: 'CMD-1',
  issuedAt: NOW.toISOString(),
  expiresAt: new Date(NOW.getTime() + 600_000).toISOString(),
  request,
});

const status = (over: Partial<CatalogStatus>): CatalogStatus => ({
  version: '2026.11.1',
  publishedAt: null,
  storedAt: null,
  confirmedAt: null,
  matterCount: 62,
  platform: 'reachable',
  lastError: null,
  stale: false,
  ...over,
});

describe('remote commands at the kiosk', () => {
  let dataDir: string;
  let session: ReturnType<typeof fakeSession>;
  let outOfService: OutOfService;
  let published: ServiceState[];
  let recorded: boolean[];
  let page: PageScreenCapture;
  let pageAnswers: (requestId: string) => void;
  let restarts: number;
  let sync: CatalogStatus;
  let logger: pino.Logger;
  let timers: Array<{ run: () => void; ms: number; cancelled: boolean }>;
  const db = memoryStore({ at: NOW.toISOString() });
  let devices = createFakeDevices();

  const deps = (over: Partial<CommandRunnerDeps> = {}): CommandRunnerDeps => ({
    now,
    logger: silentLogger(),
    catalogSync: { syncOnce: () => Promise.resolve(sync) },
    outOfService,
    onOutOfServiceChanged: (on) => recorded.push(on),
    selfTest: () => runSelfTest({ db, info: kioskInfoFixture, devices, now }),
    logLevel: createLogLevelRaiser({
      logger,
      now,
      setTimer: (run, ms) => {
        const timer = { run, ms, cancelled: false };
        timers.push(timer);
        return { cancel: () => (timer.cancelled = true) };
      },
    }),
    residentSessionActive: () => session.applicant() !== null,
    screenCapture: page,
    restart: () => (restarts += 1),
    ...over,
  });

  beforeEach(() => {
    devices = createFakeDevices();
    dataDir = mkdtempSync(join(tmpdir(), 'fleet-commands-'));
    session = fakeSession();
    outOfService = createOutOfService({ dataDir, now });
    published = [];
    recorded = [];
    outOfService.onChange((state) => published.push(state));
    pageAnswers = (requestId) =>
      page.answer({ requestId, outcome: 'captured', pngBase64: tinyPng().toString('base64') });
    page = createPageScreenCapture({ request: ({ requestId }) => pageAnswers(requestId), timeoutMs: 200 });
    restarts = 0;
    sync = status({});
    logger = pino({ level: 'info' });
    timers = [];
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('reloads the catalog and answers its version, or catalogUnavailable when the sync failed', async () => {
    const runner = createCommandRunner(deps());
    expect((await runner.run(command({ kind: 'reloadCatalog' }))).result).toEqual({
      outcome: 'done',
      finishedAt: NOW.toISOString(),
      catalogVersion: '2026.11.1',
    });
    sync = status({ platform: 'unreachable', lastError: 'connect ECONNREFUSED' });
    expect((await runner.run(command({ kind: 'reloadCatalog' }))).result).toMatchObject({
      outcome: 'refused',
      reason: 'catalogUnavailable',
    });
  });

  it('answers a restart first and leaves the restart to the caller; refuses it under a resident or without a supervisor', async () => {
    const answered = await createCommandRunner(deps()).run(command({ kind: 'restartApp' }));
    expect(answered.result.outcome).toBe('done');
    expect(restarts).toBe(0);
    await answered.afterResult?.();
    expect(restarts).toBe(1);

    session.signIn();
    const during = await createCommandRunner(deps()).run(command({ kind: 'restartApp' }));
    expect(during).toEqual({ result: expect.objectContaining({ reason: 'residentSessionActive' }) as unknown });
    const unsupervised = await createCommandRunner(deps({ restart: null })).run(command({ kind: 'restartApp' }));
    expect(unsupervised.result).toMatchObject({ outcome: 'refused', reason: 'notSupported' });
  });

  it('goes out of service with the message, publishes once, survives a restart, and comes back', async () => {
    const runner = createCommandRunner(deps());
    const off = { kind: 'outOfService', on: true, message: '设备维护中，请到窗口办理' } as const;
    expect((await runner.run(command(off))).result.outcome).toBe('done');
    await runner.run(command(off));
    expect(published).toEqual([
      { state: 'outOfService', message: '设备维护中，请到窗口办理', since: NOW.toISOString() },
    ]);
    expect(recorded).toEqual([true]);

    // A new start reads the note from the data folder.
    const afterRestart = createOutOfService({ dataDir, now: () => new Date('2026-11-22T00:00:00Z') });
    expect(afterRestart.state()).toEqual(published[0]);

    await createCommandRunner(deps({ outOfService: afterRestart })).run(command({ kind: 'outOfService', on: false }));
    expect(afterRestart.state()).toEqual({ state: 'inService' });
    expect(createOutOfService({ dataDir, now }).state()).toEqual({ state: 'inService' });
    expect(recorded).toEqual([true, false]);
  });

  it('runs the self-test per device: the printer prints the technician test page, the camera is skipped', async () => {
    const result = CommandResult.parse((await createCommandRunner(deps()).run(command({ kind: 'selfTest' }))).result);
    if (result.outcome !== 'done') throw new Error('refused');
    const rows = result.selfTest ?? [];
    expect(rows.map((row) => row.device)).toEqual(devices.snapshot().devices.map((d) => d.device));
    expect(rows.find((row) => row.device === 'printer')).toEqual({ device: 'printer', test: 'pass', code: 'ok' });
    expect(rows.find((row) => row.device === 'documentCamera')?.test).toBe('skipped');
    expect(lastTestOutcomes(db).find((t) => t.test === 'printTestPage')?.passed).toBe(true);

    devices.setStatus('printer', { state: 'userError', code: 'paperOut' });
    devices.printFailure = { kind: 'printerUnavailable', code: 'paperOut', message: 'out of paper' };
    const again = (await createCommandRunner(deps()).run(command({ kind: 'selfTest' }))).result;
    expect(again.outcome === 'done' && again.selfTest?.find((row) => row.device === 'printer')).toEqual({
      device: 'printer',
      test: 'fail',
      code: 'paperOut',
    });
  });

  it('raises the log level until the end and then restores the configured one', async () => {
    const result = (
      await createCommandRunner(deps()).run(command({ kind: 'raiseLogLevel', level: 'debug', minutes: 60 }))
    ).result;
    expect(result).toMatchObject({ outcome: 'done', until: '2026-11-21T09:00:00.000Z' });
    const child = logger.child({ component: 'outbox' });
    expect(child.isLevelEnabled('debug')).toBe(true);
    expect(timers.map((t) => t.ms)).toEqual([3_600_000]);
    timers[0]!.run();
    expect(logger.level).toBe('info');
    expect(child.isLevelEnabled('debug')).toBe(false);
  });

  it('refuses a screenshot while a resident is signed in, even one who signs in during the capture', async () => {
    session.signIn();
    let asked = 0;
    pageAnswers = () => (asked += 1);
    const during = (await createCommandRunner(deps()).run(command({ kind: 'screenshot' }))).result;
    expect(during).toMatchObject({ outcome: 'refused', reason: 'residentSessionActive' });
    expect(asked).toBe(0);

    session.end();
    pageAnswers = (requestId) => {
      session.signIn();
      page.answer({ requestId, outcome: 'captured', pngBase64: tinyPng().toString('base64') });
    };
    const raced = await createCommandRunner(deps()).run(command({ kind: 'screenshot' }));
    expect(raced.result).toMatchObject({ outcome: 'refused', reason: 'residentSessionActive' });
    expect(raced.png).toBeUndefined();
  });

  it('takes a screenshot with no session: the PNG and its hash and size in the result', async () => {
    const taken = await createCommandRunner(deps()).run(command({ kind: 'screenshot' }));
    const result = CommandResult.parse(taken.result);
    expect(result).toMatchObject({ outcome: 'done', screenshot: { contentType: 'image/png', width: 2, height: 1 } });
    expect(Buffer.from(taken.png ?? []).subarray(0, 8)).toEqual(tinyPng().subarray(0, 8));
  });

  it('answers failed when the page is not there or sends something that is not a PNG, and notSupported with no capture', async () => {
    pageAnswers = () => undefined;
    expect((await createCommandRunner(deps()).run(command({ kind: 'screenshot' }))).result).toMatchObject({
      reason: 'failed',
    });
    pageAnswers = (requestId) => page.answer({ requestId, outcome: 'captured', pngBase64: 'aGVsbG8=' });
    expect((await createCommandRunner(deps()).run(command({ kind: 'screenshot' }))).result).toMatchObject({
      reason: 'failed',
    });
    pageAnswers = (requestId) => page.answer({ requestId, outcome: 'notAttract' });
    expect((await createCommandRunner(deps()).run(command({ kind: 'screenshot' }))).result).toMatchObject({
      reason: 'residentSessionActive',
    });
    expect(
      (await createCommandRunner(deps({ screenCapture: null })).run(command({ kind: 'screenshot' }))).result,
    ).toMatchObject({
      reason: 'notSupported',
    });
  });
});

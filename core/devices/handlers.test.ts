import { afterEach, describe, expect, it } from 'vitest';
import { createDeviceManager } from './manager';
import { createPrintLedgerStore } from './print-ledger-store';
import { fakeBindings } from '../testing/fake-bindings';
import { silentLogger } from '../logging/logger';
import { createCaptureStaging } from '../session/capture-staging';
import { buildDeviceHandlers } from './handlers';
import { memoryStore } from '../testing/memory-store';

const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100, 0x20), Buffer.from('\n%%EOF\n')]).toString(
  'base64',
);
const ctx = { host: 'test' as const, requestId: 't' };

describe('device, capture and session handlers', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  function setup(devMode: boolean) {
    const db = memoryStore();
    const fakes = fakeBindings();
    const devices = createDeviceManager({
      bindings: fakes.bindings,
      ledger: createPrintLedgerStore(db, () => new Date()),
      logger: silentLogger(),
    });
    cleanups.push(() => devices.close());
    const captures = createCaptureStaging();
    const handlers = buildDeviceHandlers({ devices, captures, endResidentSession: () => captures.clear(), devMode });
    return { handlers, captures, fakes };
  }

  it('refuses emulator controls outside dev builds, whatever the page asks', async () => {
    const { handlers, fakes } = setup(false);
    const result = await handlers['dev.emulator']({ device: 'idCardReader', action: 'insertCard' }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'notAvailable' } });
    expect(fakes.performed).toEqual([]);
  });

  it('flips an emulator in dev builds and names an unknown action', async () => {
    const { handlers, fakes } = setup(true);
    expect((await handlers['dev.emulator']({ device: 'idCardReader', action: 'removeCard' }, ctx)).ok).toBe(true);
    expect(await handlers['dev.emulator']({ device: 'idCardReader', action: 'fly' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'unknownAction' },
    });
    expect(await handlers['dev.emulator']({ device: 'printer', action: 'paperOut' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'notAvailable' },
    });
    expect(fakes.performed).toEqual(['removeCard']);
  });

  it('stages a capture and forgets every capture when the session ends', async () => {
    const { handlers, captures } = setup(false);
    const staged = await handlers['capture.stage']({ materialName: '户口簿', pageCount: 1, pdfBase64: pdf }, ctx);
    expect(staged).toMatchObject({ ok: true, value: { bytes: expect.any(Number) as number } });
    expect(captures.count).toBe(1);
    await handlers['session.end']({}, ctx);
    expect(captures.count).toBe(0);
  });

  it('takes the camera status the screen reports into the snapshot and the journeys', async () => {
    const { handlers } = setup(false);
    await handlers['camera.reportStatus'](
      { state: 'userError', code: 'cameraPermissionDenied', detail: 'NotAllowedError', identity: null },
      ctx,
    );
    const snapshot = await handlers['devices.snapshot']({}, ctx);
    if (!snapshot.ok) throw new Error('snapshot failed');
    expect(snapshot.value.devices.find((d) => d.device === 'documentCamera')).toMatchObject({
      state: 'userError',
      action: 'configuration',
    });
    expect(snapshot.value.journeys.selfServiceSubmission).toBe(false);
  });
});

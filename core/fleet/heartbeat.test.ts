import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceCode as ContractDeviceCode } from '../../platform/contract/terminals';
import { DeviceCode } from '../api/devices';
import { createPrintLedgerStore } from '../devices/print-ledger-store';
import { enqueue } from '../outbox';
import { markDeadLetter } from '../outbox/outbox-store';
import { saveInspection } from '../technician/inspection-store';
import { sampleInspectionReport } from '../testing/outbox';
import { testServiceDeps, type TestServiceDeps } from '../testing/service-deps';
import { buildHeartbeat, diskSpace, heartbeatDepsFrom } from './heartbeat';

let clock = new Date('2026-11-21T08:00:00.000Z');
const now = () => clock;
let kit: TestServiceDeps;
afterEach(async () => kit.close());

const depsFor = (k: TestServiceDeps) => heartbeatDepsFrom(k.deps, { uptimeSeconds: () => 3_725.6, rollCapacity: 400 });

describe('the heartbeat builder', () => {
  it('reports a typical kiosk from its services, valid against the contract, and measures its size', () => {
    clock = new Date('2026-11-14T08:00:00.000Z');
    kit = testServiceDeps({ now });
    const ledger = createPrintLedgerStore(kit.db, now);
    for (let day = 0; day < 7; day += 1) {
      clock = new Date(Date.parse('2026-11-14T09:00:00.000Z') + day * 86_400_000);
      for (let i = 0; i < 20; i += 1) {
        ledger.claim(`R-${day}-${i}`, false);
        ledger.markPrinted(`R-${day}-${i}`);
      }
    }
    clock = new Date('2026-11-21T08:00:00.000Z');
    kit.devices.setStatus('printer', { warnings: ['paperNearEnd'] });
    kit.devices.setStatus('idCardReader', {
      state: 'noDevice',
      code: 'portMissing',
      action: 'maintenance',
      detail: 'reader said: card 370784195001011234 张三丰',
    });
    enqueue(
      kit.db,
      kit.sealer,
      { kind: 'rating', operation: 'submitRating', params: undefined, body: {} as never },
      new Date('2026-11-21T07:55:00.000Z'),
    );
    saveInspection(kit.db, kit.sealer, sampleInspectionReport(), 'KIOSK-TEST-01', clock);

    const built = buildHeartbeat({ ...depsFor(kit), disk: () => diskSpace(tmpdir()) });
    if (!built.ok) throw new Error(built.error.issues.join('; '));
    const heartbeat = built.value;
    expect(heartbeat).toMatchObject({
      sentAt: '2026-11-21T08:00:00.000Z',
      appVersion: '0.0.0-test',
      host: 'browser',
      uptimeSeconds: 3725,
      residentSessionActive: false,
      paper: {
        receiptsSinceRollChange: 140,
        rollCapacity: 400,
        receiptsLeft: 260,
        receiptsPerDay: 20,
        rateWindowDays: 7,
        daysLeft: 13,
      },
      outbox: { pending: 2, oldestPendingAt: '2026-11-21T07:55:00.000Z', oldestPendingAgeSeconds: 300, deadLetters: 0 },
      lastInspection: { finishedAt: sampleInspectionReport().finishedAt, automatic: false },
    });
    expect(heartbeat.devices.find((d) => d.device === 'printer')).toMatchObject({
      code: 'ok',
      warnings: ['paperNearEnd'],
      paper: 'low',
    });
    expect(heartbeat.devices.find((d) => d.device === 'idCardReader')).toEqual({
      device: 'idCardReader',
      mode: 'emulated',
      status: 'noDevice',
      action: 'maintenance',
      code: 'portMissing',
      warnings: [],
      since: '2026-11-21T07:00:00.000Z',
    });
    expect(heartbeat.disk?.totalBytes).toBeGreaterThan(0);
    const json = JSON.stringify(heartbeat);
    // The device's message (which quoted a card) never leaves; nor does anything of the inspector.
    expect(json).not.toMatch(/370784|张三丰|reader said/);
    expect(json).not.toContain(sampleInspectionReport().inspector.name);
    const bytes = Buffer.byteLength(json);
    console.info(`heartbeat of a typical kiosk: ${bytes} bytes of JSON`);
    expect(bytes).toBeLessThan(3_000);
  });

  it('says a resident session is active, and nothing about who', () => {
    kit = testServiceDeps({ now });
    kit.session.signIn();
    const built = buildHeartbeat(depsFor(kit));
    expect(built.ok && built.value.residentSessionActive).toBe(true);
    expect(JSON.stringify(built)).not.toMatch(/张三|11010519491231002X/);
  });

  it('reports a fresh kiosk: no catalog, nothing printed, no inspection, empty outbox', () => {
    kit = testServiceDeps({ now });
    const built = buildHeartbeat(depsFor(kit));
    if (!built.ok) throw new Error(built.error.issues.join('; '));
    expect(built.value).toMatchObject({
      catalogVersion: null,
      catalogAgeSeconds: null,
      paper: { receiptsLeft: 400, daysLeft: null },
      outbox: { pending: 0, oldestPendingAt: null, oldestPendingAgeSeconds: null, deadLetters: 0 },
      lastInspection: null,
    });
  });

  it('counts dead letters and the catalog age from the last confirmation', () => {
    kit = testServiceDeps({ now });
    const queued = enqueue(
      kit.db,
      kit.sealer,
      { kind: 'rating', operation: 'submitRating', params: undefined, body: {} as never },
      clock,
    );
    markDeadLetter(kit.db, queued.id, 'platform answered 422');
    const deps = depsFor(kit);
    const built = buildHeartbeat({
      ...deps,
      catalogStatus: () => ({
        ...deps.catalogStatus(),
        version: '2026.11.1',
        confirmedAt: '2026-11-20T08:00:00.000Z',
        stale: true,
      }),
    });
    expect(built.ok && built.value).toMatchObject({
      catalogVersion: '2026.11.1',
      catalogAgeSeconds: 86_400,
      catalogStale: true,
      outbox: { pending: 0, deadLetters: 1 },
    });
  });

  it('refuses to build a heartbeat that breaks the contract instead of sending it', () => {
    kit = testServiceDeps({ now });
    const built = buildHeartbeat({ ...depsFor(kit), info: { appVersion: 'built by 张三', host: 'browser' } });
    expect(built.ok).toBe(false);
    expect(!built.ok && built.error.issues.join()).toMatch(/^appVersion/);
  });

  it('uses the same device codes as the contract, both ways', () => {
    expect([...ContractDeviceCode.options].sort()).toEqual([...DeviceCode.options].sort());
  });
});

import { describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../api/devices';
import { buildInspectionReport } from './inspection-report';

const status = (device: DeviceStatus['device']): DeviceStatus => ({
  device,
  mode: 'real',
  link: 'test',
  state: 'online',
  code: 'ok',
  action: 'none',
  warnings: [],
  detail: 'ready',
  identity: null,
  since: '2026-11-21T08:00:00.000Z',
  lastError: null,
});

const report = (devices: DeviceStatus[]) =>
  buildInspectionReport({
    draft: {
      inspector: { name: '李工', staffId: 'AQ-0042' },
      startedAt: '2026-11-21T08:00:00.000Z',
      consumables: [],
      outcome: 'normal',
    },
    snapshot: {
      devices,
      journeys: {
        idCardSignIn: true,
        selfServiceSubmission: true,
        output: 'paper',
        keypadRating: true,
        scanCodes: false,
      },
    },
    tests: [],
    appVersion: '0.1.0',
    catalogVersion: null,
    finishedAt: new Date('2026-11-21T08:30:00.000Z'),
  }).devices.map((d) => `${d.device}:${d.status}`);

describe('inspection report devices', () => {
  const four = [status('idCardReader'), status('printer'), status('evaluationKeypad'), status('documentCamera')];

  it('leaves the QR scanner out where the station has none, and reports it where it has one', () => {
    expect(report(four)).not.toContain('qrScanner:noDevice');
    expect(report(four).filter((d) => d.startsWith('qrScanner'))).toEqual([]);
    expect(report([...four, status('qrScanner')])).toContain('qrScanner:online');
    // The fixed peripherals are reported as missing when they are.
    expect(report(four.slice(1))).toContain('idCardReader:noDevice');
  });
});

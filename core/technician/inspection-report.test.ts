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
        videoHelp: false,
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

  it('reports the face camera and microphone where configured, with the tests the screen ran for them', () => {
    expect(report(four).filter((d) => d.startsWith('faceCamera') || d.startsWith('microphone'))).toEqual([]);
    const inspected = buildInspectionReport({
      draft: {
        inspector: { name: '李工', staffId: 'AQ-0042' },
        startedAt: '2026-11-21T08:00:00.000Z',
        consumables: [],
        outcome: 'needsRepair',
      },
      snapshot: {
        devices: [
          ...four,
          status('faceCamera'),
          { ...status('microphone'), state: 'userError', code: 'permissionDenied' },
        ],
        journeys: {
          idCardSignIn: true,
          selfServiceSubmission: true,
          output: 'paper',
          keypadRating: true,
          scanCodes: false,
          videoHelp: false,
        },
      },
      tests: [
        { device: 'faceCamera', test: 'captureFrame', passed: true, detail: '640×480', at: '2026-11-21T08:10:00.000Z' },
        { device: 'microphone', test: 'hearSound', passed: false, detail: 'silence', at: '2026-11-21T08:11:00.000Z' },
      ],
      appVersion: '0.1.0',
      catalogVersion: null,
      finishedAt: new Date('2026-11-21T08:30:00.000Z'),
    });
    expect(inspected.devices.filter((d) => d.device === 'faceCamera' || d.device === 'microphone')).toEqual([
      { device: 'faceCamera', status: 'online', test: 'pass', detail: 'captureFrame: passed' },
      {
        device: 'microphone',
        status: 'userError',
        test: 'fail',
        detail: 'status permissionDenied; hearSound: failed (silence)',
      },
    ]);
  });
});

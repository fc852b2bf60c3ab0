import { DeviceKind, type DevicesSnapshot } from '../api/devices';
import type { DeviceTestOutcome, InspectionDraft } from '../api/technician';
import { InspectionReport, type InspectionDeviceResult } from '../../platform/contract/terminals';

export interface ReportInputs {
  readonly draft: InspectionDraft;
  readonly snapshot: DevicesSnapshot;
  /** Last outcome per device test; only those run since the draft's start count. */
  readonly tests: readonly DeviceTestOutcome[];
  readonly appVersion: string;
  readonly catalogVersion: string | null;
  readonly finishedAt: Date;
}

const OPTIONAL_DEVICES: ReadonlySet<DeviceKind> = new Set<DeviceKind>(['qrScanner', 'faceCamera', 'microphone']);

const cut = (text: string | null | undefined, max: number) => (text ? text.slice(0, max) : undefined);

/**
 * The 巡检单 as the platform receives it (platform/contract/terminals.ts): what the technician
 * wrote, plus what the kiosk knows for itself: each device's identity and status, and the result
 * of its tests in this inspection. Test details that could carry personal data never go in: a
 * passed card read is reported as "passed", not with the (masked) name it read.
 */
export function buildInspectionReport(inputs: ReportInputs): InspectionReport {
  const { draft, snapshot } = inputs;
  const finishedAt = inputs.finishedAt.toISOString();
  // A clock that was set back during the inspection must not make the report invalid.
  const startedAt = Date.parse(draft.startedAt) <= inputs.finishedAt.getTime() ? draft.startedAt : finishedAt;
  const thisInspection = inputs.tests.filter((test) => Date.parse(test.at) >= Date.parse(startedAt));

  // The scanner, face camera and microphone are optional: a station without them does not report them as missing.
  const fitted = DeviceKind.options.filter(
    (kind) => !OPTIONAL_DEVICES.has(kind) || snapshot.devices.some((device) => device.device === kind),
  );
  const devices: InspectionDeviceResult[] = fitted.map((kind) => {
    const status = snapshot.devices.find((device) => device.device === kind);
    const tests = thisInspection.filter((test) => test.device === kind && test.test !== 'playSound');
    const summary = tests.map((test) =>
      test.passed ? `${test.test}: passed` : `${test.test}: failed (${test.detail})`,
    );
    if (status && status.code !== 'ok') summary.unshift(`status ${status.code}`);
    return {
      device: kind,
      model: cut(status?.identity?.model, 64),
      serialNumber: cut(status?.identity?.serial, 64),
      firmware: cut(status?.identity?.firmware, 64),
      status: status?.state ?? 'noDevice',
      test: tests.length === 0 ? 'skipped' : tests.every((test) => test.passed) ? 'pass' : 'fail',
      detail: cut(summary.join('; '), 500),
    };
  });

  // The sound test plays through the kiosk's own speaker, which the platform knows as a device.
  const sound = thisInspection.find((test) => test.test === 'playSound');
  if (sound) {
    devices.push({
      device: 'speaker',
      status: sound.passed ? 'online' : 'hardwareError',
      test: sound.passed ? 'pass' : 'fail',
      detail: sound.passed ? 'playSound: passed' : cut(`playSound: failed (${sound.detail})`, 500),
    });
  }

  return InspectionReport.parse({
    inspector: draft.inspector,
    startedAt,
    finishedAt,
    appVersion: inputs.appVersion,
    catalogVersion: inputs.catalogVersion,
    devices: devices.map(withoutUndefined),
    consumables: draft.consumables,
    outcome: draft.outcome,
    notes: draft.notes,
  });
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

import type { DeviceCode, DeviceKind, DeviceStatus, DevicesSnapshot, IdCardEvent, KeypadPress } from '../api/devices';
import { err, ok } from '../pure/result';
import type { DeviceCondition } from '../../drivers/common/device';
import type { IdCard } from '../../drivers/idcard/card';
import type { Scan } from '../../drivers/scanner/scan';
import type { Logger } from '../logging/logger';
import type { DeviceBindings, EmulatorControl } from './bindings';
import { journeyAvailability } from './journeys';
import type { PrintLedgerStore } from './print-ledger-store';
import { createDeviceSupervisor, type DeviceSupervisor } from './supervisor';
import type { MediaBinding } from './bindings';
import { PAGE_DEVICES, type CameraReport, type DeviceManager, type MediaDeviceKind } from './types';

export interface DeviceManagerOptions {
  readonly bindings: DeviceBindings;
  readonly ledger: PrintLedgerStore;
  readonly logger: Logger;
  readonly now?: () => Date;
  /** Health probes: SAM status, DLE EOT. */
  readonly probeIntervalMs?: number;
}

/**
 * Builds a supervisor per device, publishes one snapshot of every status plus the journeys they
 * allow, and is the single door to printing and card reading. The document camera, the face camera
 * and the microphone have no driver here: the renderer owns them (getUserMedia) and reports, so
 * their status is whatever was last reported.
 */
export function createDeviceManager(options: DeviceManagerOptions): DeviceManager {
  const { bindings, ledger, logger } = options;
  const now = options.now ?? (() => new Date());
  const log = logger.child({ component: 'devices' });
  const changeListeners = new Set<(snapshot: DevicesSnapshot) => void>();
  const cardListeners = new Set<(event: IdCardEvent, card: IdCard | null) => void>();
  const keypadListeners = new Set<(press: KeypadPress) => void>();
  const scanListeners = new Set<(scan: Scan) => void>();

  let camera = pageDeviceStatus(
    'documentCamera',
    bindings.camera.mode,
    bindings.camera.mode === 'emulated' ? "Chromium's fake capture device" : 'UVC (getUserMedia)',
    now(),
  );
  // 视频帮办's devices, only where configured: a station without them shows and reports none.
  const media: { [K in MediaDeviceKind]: DeviceStatus | null } = {
    faceCamera: bindings.faceCamera
      ? pageDeviceStatus('faceCamera', bindings.faceCamera.mode, mediaLink(bindings.faceCamera), now())
      : null,
    microphone: bindings.microphone
      ? pageDeviceStatus('microphone', bindings.microphone.mode, mediaLink(bindings.microphone), now())
      : null,
  };

  const emit = () => {
    const snapshot = buildSnapshot();
    for (const listener of [...changeListeners]) safely(() => listener(snapshot));
  };
  const safely = (task: () => void) => {
    try {
      task();
    } catch (error) {
      log.warn({ err: error }, 'a device listener failed');
    }
  };
  const probeIntervalMs = options.probeIntervalMs ?? 5_000;

  const supervise = (
    device: DeviceBindings['idCard']['binding']['device'],
    mode: 'real' | 'emulated',
    onConnected?: () => void,
  ) => createDeviceSupervisor({ device, mode, probeIntervalMs, logger, now, onStatus: emit, onConnected });

  const idCard = supervise(bindings.idCard.binding.device, bindings.idCard.mode, () =>
    bindings.idCard.binding.startPolling(),
  );
  const printer = supervise(bindings.printer.binding.device, bindings.printer.mode);
  const keypad = supervise(bindings.keypad.binding.device, bindings.keypad.mode);
  // Optional: a station without a scanner has no status for one, and no screen offers scanning.
  const scanner = bindings.scanner ? supervise(bindings.scanner.binding.device, bindings.scanner.mode) : null;
  const supervisors: Record<Exclude<DeviceKind, 'documentCamera' | MediaDeviceKind>, DeviceSupervisor | null> = {
    idCardReader: idCard,
    printer,
    evaluationKeypad: keypad,
    qrScanner: scanner,
  };

  const buildSnapshot = (): DevicesSnapshot => {
    const devices = [
      idCard.status(),
      printer.status(),
      keypad.status(),
      camera,
      ...(scanner ? [scanner.status()] : []),
      ...(media.faceCamera ? [media.faceCamera] : []),
      ...(media.microphone ? [media.microphone] : []),
    ];
    return { devices, journeys: journeyAvailability(devices) };
  };

  const unsubscribe = [
    bindings.idCard.binding.onCardEvent((event, card) => {
      for (const listener of [...cardListeners]) safely(() => listener(event, card));
    }),
    bindings.keypad.binding.onPress((press) => {
      for (const listener of [...keypadListeners]) safely(() => listener(press));
    }),
    bindings.scanner?.binding.onScan((scan) => {
      for (const listener of [...scanListeners]) safely(() => listener(scan));
    }) ?? (() => undefined),
  ];

  idCard.start();
  printer.start();
  keypad.start();
  scanner?.start();

  const emulators: Record<DeviceKind, EmulatorControl | null> = {
    idCardReader: bindings.idCard.emulator,
    printer: bindings.printer.emulator,
    evaluationKeypad: bindings.keypad.emulator,
    documentCamera: null,
    qrScanner: bindings.scanner?.emulator ?? null,
    faceCamera: null,
    microphone: null,
  };

  return {
    snapshot: buildSnapshot,
    onChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    onIdCard(listener) {
      cardListeners.add(listener);
      return () => cardListeners.delete(listener);
    },
    onKeypad(listener) {
      keypadListeners.add(listener);
      return () => keypadListeners.delete(listener);
    },
    onScan(listener) {
      scanListeners.add(listener);
      return () => scanListeners.delete(listener);
    },
    reportCamera(report: CameraReport) {
      const { status, changed } = applyReport(camera, report, now());
      camera = status;
      if (changed) log.info({ to: `${report.state}/${report.code}` }, 'camera state reported by the screen');
      emit();
    },
    reportMedia(device, report) {
      const current = media[device];
      if (!current) {
        log.debug({ device }, 'a report for a device the config does not name; ignored');
        return;
      }
      const { status, changed } = applyReport(current, report, now());
      media[device] = status;
      if (changed)
        log.info({ device, to: `${report.state}/${report.code}` }, 'media device state reported by the screen');
      emit();
    },
    async readCard(timeoutMs) {
      const state = idCard.status().state;
      if (state !== 'online' && state !== 'busy') {
        return err({ kind: 'deviceUnavailable', message: `the ID card reader is ${state} (${idCard.status().code})` });
      }
      return bindings.idCard.binding.waitForCard(timeoutMs);
    },
    async print(document, printOptions) {
      const status = printer.status();
      if (status.state !== 'online' && status.state !== 'busy') {
        return err({
          kind: 'printerUnavailable',
          code: status.code,
          message: `the printer is ${status.state} (${status.code})`,
        });
      }
      const result = await printer.busy('printing', () =>
        bindings.printer.binding.print(document, { reprint: printOptions?.reprint ?? false }),
      );
      if (!result.ok && result.error.kind !== 'alreadyPrinted') {
        // The job found the printer in trouble: show it now rather than at the next probe.
        printer.report(conditionFor(result.error.code, result.error.message));
      }
      return result;
    },
    printerCounters: () => ledger.counters(),
    recordPaperReplaced: () => ledger.recordPaperReplaced(),
    async restart(device) {
      if (PAGE_DEVICES.has(device)) return; // the screen reopens its cameras and microphone itself
      if (device === 'idCardReader') bindings.idCard.binding.stopPolling();
      await supervisors[device as keyof typeof supervisors]?.restart();
    },
    emulator(device, action, argument) {
      const control = emulators[device];
      if (!control) return err('notAvailable');
      const result = control.perform(action, argument);
      return result.ok ? ok(undefined) : err(result.error);
    },
    async close() {
      for (const stop of unsubscribe) stop();
      bindings.idCard.binding.stopPolling();
      await Promise.all([idCard.stop(), printer.stop(), keypad.stop(), scanner?.stop()]);
      await bindings.close();
      changeListeners.clear();
      cardListeners.clear();
      keypadListeners.clear();
      scanListeners.clear();
    },
  };
}

/** The condition a failed job reveals, with the XFS action (docs/design-anchors.md §2). */
function conditionFor(code: DeviceCode, detail: string): DeviceCondition {
  switch (code) {
    case 'paperOut':
    case 'coverOpen':
      return { state: 'userError', code, action: 'clear', warnings: [], detail };
    default:
      // cutter, unrecoverable and recoverable errors, a lost link: an engineer's job.
      return { state: 'hardwareError', code, action: 'maintenance', warnings: [], detail };
  }
}

/** A device the page owns, before its first report: offline until the screen says what it found. */
function pageDeviceStatus(
  device: DeviceStatus['device'],
  mode: 'real' | 'emulated',
  link: string,
  at: Date,
): DeviceStatus {
  return {
    device,
    mode,
    link,
    state: 'offline',
    code: 'starting',
    action: 'suspend',
    warnings: [],
    detail: `waiting for the screen to open the ${device}`,
    identity: null,
    since: at.toISOString(),
    lastError: null,
  };
}

function mediaLink(binding: MediaBinding): string {
  if (binding.mode === 'emulated') return "Chromium's fake capture device";
  return binding.deviceLabel
    ? `getUserMedia, label containing "${binding.deviceLabel}"`
    : 'getUserMedia, the first one';
}

/** The status after the page's report; `since` moves only when state or code changed. */
function applyReport(
  current: DeviceStatus,
  report: CameraReport,
  at: Date,
): { status: DeviceStatus; changed: boolean } {
  const iso = at.toISOString();
  const changed = report.state !== current.state || report.code !== current.code;
  const isError = report.state !== 'online' && report.state !== 'busy';
  return {
    changed,
    status: {
      ...current,
      state: report.state,
      code: report.code,
      action: pageDeviceAction(report.code, report.state),
      detail: report.detail,
      identity: report.identity,
      since: changed ? iso : current.since,
      lastError: isError ? { code: report.code, detail: report.detail, at: iso } : current.lastError,
    },
  };
}

function pageDeviceAction(code: DeviceCode, state: DeviceStatus['state']) {
  if (state === 'online' || state === 'busy') return 'none' as const;
  // The browser refused the device (cameraPermissionDenied for cameras, permissionDenied for the microphone).
  if (code === 'cameraPermissionDenied' || code === 'permissionDenied') return 'configuration' as const;
  if (code === 'cameraInUse' || code === 'portBusy' || code === 'starting') return 'suspend' as const;
  return 'maintenance' as const;
}

import type { DeviceKind } from '../../../core/api/devices';

/**
 * The emulator actions the dev panel offers, in the order shown. The names are the ones core's
 * emulator controls accept (core/devices/build-devices.ts); the labels live in `devices:dev.*`.
 */
export interface EmulatorAction {
  readonly device: DeviceKind;
  readonly action: string;
  readonly argument?: string;
  readonly label:
    | 'insertResident'
    | 'insertElderly'
    | 'insertHongKong'
    | 'insertForeign'
    | 'insertBadCheckDigit'
    | 'removeCard'
    | 'samUnauthorised'
    | 'samOk'
    | 'readerSilent'
    | 'readerAwake'
    | 'sendGarbage'
    | 'splitFrames'
    | 'paperOk'
    | 'paperNearEnd'
    | 'paperOut'
    | 'paperOutMidJob'
    | 'coverOpen'
    | 'coverClosed'
    | 'printerSilent'
    | 'printerAwake'
    | 'press5'
    | 'press3'
    | 'press1'
    | 'unplugKeypad'
    | 'replugKeypad'
    | 'scanSampleReceipt'
    | 'scanForeignCode'
    | 'scannerNoise'
    | 'unplugScanner'
    | 'replugScanner';
}

export const EMULATOR_ACTIONS: readonly EmulatorAction[] = [
  { device: 'idCardReader', action: 'insertCard', argument: 'resident', label: 'insertResident' },
  { device: 'idCardReader', action: 'insertCard', argument: 'residentElderly', label: 'insertElderly' },
  { device: 'idCardReader', action: 'insertCard', argument: 'hongKong', label: 'insertHongKong' },
  { device: 'idCardReader', action: 'insertCard', argument: 'foreign2023', label: 'insertForeign' },
  { device: 'idCardReader', action: 'insertCard', argument: 'badCheckDigit', label: 'insertBadCheckDigit' },
  { device: 'idCardReader', action: 'removeCard', label: 'removeCard' },
  { device: 'idCardReader', action: 'samUnauthorised', label: 'samUnauthorised' },
  { device: 'idCardReader', action: 'samOk', label: 'samOk' },
  { device: 'idCardReader', action: 'silentOn', label: 'readerSilent' },
  { device: 'idCardReader', action: 'silentOff', label: 'readerAwake' },
  { device: 'idCardReader', action: 'garbage', label: 'sendGarbage' },
  { device: 'idCardReader', action: 'splitFramesOn', label: 'splitFrames' },
  { device: 'printer', action: 'paperOk', label: 'paperOk' },
  { device: 'printer', action: 'paperNearEnd', label: 'paperNearEnd' },
  { device: 'printer', action: 'paperOut', label: 'paperOut' },
  { device: 'printer', action: 'paperOutAfter', argument: '6', label: 'paperOutMidJob' },
  { device: 'printer', action: 'coverOpen', label: 'coverOpen' },
  { device: 'printer', action: 'coverClosed', label: 'coverClosed' },
  { device: 'printer', action: 'silentOn', label: 'printerSilent' },
  { device: 'printer', action: 'silentOff', label: 'printerAwake' },
  { device: 'evaluationKeypad', action: 'press', argument: '5', label: 'press5' },
  { device: 'evaluationKeypad', action: 'press', argument: '3', label: 'press3' },
  { device: 'evaluationKeypad', action: 'press', argument: '1', label: 'press1' },
  { device: 'evaluationKeypad', action: 'unplug', label: 'unplugKeypad' },
  { device: 'evaluationKeypad', action: 'replug', label: 'replugKeypad' },
  // A receipt as kiosk-config/default.json's progress page prints it (a case the platform may not have).
  {
    device: 'qrScanner',
    action: 'scan',
    argument: 'https://zwfw.example.gov.cn/anqiu/progress?case=AQ-20261121-0001',
    label: 'scanSampleReceipt',
  },
  { device: 'qrScanner', action: 'scan', argument: 'https://pay.example.com/qr?code=0000', label: 'scanForeignCode' },
  { device: 'qrScanner', action: 'garbage', label: 'scannerNoise' },
  { device: 'qrScanner', action: 'unplug', label: 'unplugScanner' },
  { device: 'qrScanner', action: 'replug', label: 'replugScanner' },
];

/** The 好差评 evaluation keypad: vendor HID reports or a keyboard wedge (docs/devices/keypad.md). */
export { createEvaluationKeypad, udevRuleHint } from './keypad';
export type { EvaluationKeypad, EvaluationKeypadOptions, KeypadLogger } from './keypad';
export {
  createKeypadEmulator,
  parsePressArgument,
  DEFAULT_HID_LEVELS,
  DEFAULT_WEDGE_LEVELS,
  EMULATED_KEYPAD_PRODUCT_ID,
  EMULATED_KEYPAD_VENDOR_ID,
} from './emulator';
export type { EmulatedPress, KeypadEmulator, KeypadEmulatorError, KeypadEmulatorOptions } from './emulator';
export { nodeHidEnumerator, openNodeHidDevice, hidOpenErrorFrom } from '../transport/node-hid-transport';
export type {
  HidDeviceInfo,
  HidEnumerator,
  HidOpenError,
  HidOpenErrorCode,
  HidTransport,
  OpenHidDevice,
} from '../transport/hid-transport';
export { decodeVendorReport, parseLevelByByte, vendorKeyName } from './vendor-report';
export type { LevelByByte, VendorReportFormat } from './vendor-report';
export { createBootKeyboardDecoder, keyboardKeyName, parseLevelByKeyName, usagesDown } from './boot-keyboard';
export type { BootKeyboardDecoder, LevelByKeyName } from './boot-keyboard';
export { keyNameFromKeyboardEventCode, keyNameFromUsage, usageFromKeyName } from './key-names';
export type { KeyName } from './key-names';
export { createDebouncer, DEFAULT_DEBOUNCE_MS } from './debounce';
export type { Debouncer } from './debounce';

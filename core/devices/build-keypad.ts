import { err, ok } from '../pure/result';
import type { DevicesConfig } from '../../kiosk-config/schema';
import {
  createEvaluationKeypad,
  createKeypadEmulator,
  DEFAULT_HID_LEVELS,
  nodeHidEnumerator,
  openNodeHidDevice,
} from '../../drivers/keypad';
import type { Logger } from '../logging/logger';
import type { Bound, KeypadBinding } from './bindings';

/**
 * The 好差评 keypad. Emulated, the same driver runs against the in-memory HID emulator (there is
 * no /dev/uhid to make a virtual hidraw device here), so reports, debounce, unplug and reconnect
 * are the real code paths.
 */
export function buildKeypad(config: DevicesConfig['evaluationKeypad'], logger: Logger): Bound<KeypadBinding> {
  const log = logger.child({ component: 'keypad' });
  if (config.mode === 'real') {
    if (config.link === 'hid') {
      const keypad = createEvaluationKeypad({
        link: 'hid',
        enumerator: nodeHidEnumerator,
        openDevice: openNodeHidDevice,
        vendorId: config.vendorId,
        productId: config.productId,
        reportByte: config.reportByte,
        levels: config.levels,
        logger: log,
      });
      return { mode: 'real', binding: { device: keypad, onPress: (l) => keypad.onPress(l) }, emulator: null };
    }
    const keypad = createEvaluationKeypad({
      link: 'keyboardWedge',
      enumerator: nodeHidEnumerator,
      openDevice: openNodeHidDevice,
      vendorId: config.vendorId,
      productId: config.productId,
      levels: config.levels,
      logger: log,
    });
    return { mode: 'real', binding: { device: keypad, onPress: (l) => keypad.onPress(l) }, emulator: null };
  }

  const emulator = createKeypadEmulator({ mode: 'hid', levels: DEFAULT_HID_LEVELS });
  const keypad = createEvaluationKeypad({
    link: 'hid',
    enumerator: emulator,
    openDevice: emulator.openDevice,
    vendorId: emulator.vendorId,
    productId: emulator.productId,
    levels: DEFAULT_HID_LEVELS,
    logger: log,
  });
  return {
    mode: 'emulated',
    binding: { device: keypad, onPress: (l) => keypad.onPress(l) },
    emulator: {
      actions: ['press', 'unplug', 'replug'],
      perform(action, argument) {
        if (!['press', 'unplug', 'replug'].includes(action)) return err('unknownAction');
        const result = emulator.act(action, argument);
        return result.ok ? ok(undefined) : err('unknownAction');
      },
    },
  };
}

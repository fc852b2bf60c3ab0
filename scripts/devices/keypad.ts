import type { KeypadPress } from '../../core/api/devices';
import {
  createEvaluationKeypad,
  createKeypadEmulator,
  DEFAULT_HID_LEVELS,
  DEFAULT_WEDGE_LEVELS,
  nodeHidEnumerator,
  openNodeHidDevice,
  type KeypadEmulator,
} from '../../drivers/keypad';
import type { DevicesCommand } from './args';
import { EXIT, type ExitCode } from './exit-codes';
import { faultFailure, reportFailure, type Io } from './output';

type KeypadCommand = Extract<DevicesCommand, { kind: 'keypad' }>;

/** With --emulated, a scripted visitor presses 5, 4, 3, 2, 1, 5 … this often. */
const EMULATED_PRESS_INTERVAL_MS = 300;
const EMULATED_LEVEL_SEQUENCE = [5, 4, 3, 2, 1] as const;

/** 好差评 levels (docs/devices/keypad.md §1). */
const LEVEL_NAMES: Readonly<Record<number, string>> = {
  5: '非常满意 very satisfied',
  4: '满意 satisfied',
  3: '基本满意 basically satisfied',
  2: '不满意 dissatisfied',
  1: '非常不满意 very dissatisfied',
};

/**
 * `keypad listen`: prints each counted press (debounced, held keys once — the kiosk's own rules)
 * until `--count` presses, Ctrl+C (`interrupted`) or the keypad goes away.
 */
export async function runKeypad(command: KeypadCommand, io: Io, interrupted: Promise<void>): Promise<ExitCode> {
  const emulator: KeypadEmulator | null = command.emulated
    ? createKeypadEmulator({
        mode: command.link,
        ...(command.vendorId !== null ? { vendorId: command.vendorId } : {}),
        ...(command.productId !== null ? { productId: command.productId } : {}),
        reportByte: command.reportByte,
      })
    : null;
  const keypad = createEvaluationKeypad({
    link: command.link,
    enumerator: emulator ?? nodeHidEnumerator,
    openDevice: emulator?.openDevice ?? openNodeHidDevice,
    vendorId: emulator?.vendorId ?? command.vendorId ?? 0,
    productId: emulator?.productId ?? command.productId ?? 0,
    reportByte: command.reportByte,
    levels: command.link === 'hid' ? DEFAULT_HID_LEVELS : DEFAULT_WEDGE_LEVELS,
  });
  let pressTimer: NodeJS.Timeout | undefined;
  try {
    const connected = await keypad.connect();
    if (!connected.ok) return reportFailure(io, command.json, faultFailure(connected.error, 'hid'));
    if (!command.json) {
      io.stderr(
        `Listening to ${connected.value.model} on ${keypad.link}${emulator ? ' (emulated)' : ''}: ` +
          `press keys; Ctrl+C to stop (请按评价键)\n`,
      );
    }

    let seen = 0;
    const done = new Promise<ExitCode>((resolve) => {
      keypad.onPress((press) => {
        seen += 1;
        io.stdout(`${formatPress(press, command.json)}\n`);
        if (command.count !== null && seen >= command.count) resolve(EXIT.ok);
      });
      keypad.onLost((fault) => resolve(reportFailure(io, command.json, faultFailure(fault, 'hid'))));
      void interrupted.then(() => resolve(EXIT.ok));
    });

    if (emulator) {
      let next = 0;
      pressTimer = setInterval(() => {
        emulator.press(EMULATED_LEVEL_SEQUENCE[next % EMULATED_LEVEL_SEQUENCE.length] ?? 5);
        next += 1;
      }, EMULATED_PRESS_INTERVAL_MS);
    }
    return await done;
  } finally {
    clearInterval(pressTimer);
    await keypad.disconnect();
  }
}

export function formatPress(press: KeypadPress, json: boolean): string {
  if (json) return JSON.stringify({ level: press.level, key: press.key, at: new Date().toISOString() });
  const level =
    press.level === null
      ? 'no level configured for this key'
      : `level ${press.level} ${LEVEL_NAMES[press.level] ?? ''}`;
  return `press: ${level} (key ${press.key})`;
}

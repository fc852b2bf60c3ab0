import fc from 'fast-check';
import type { KeypadPress } from '../../../core/api/devices';
import { createBootKeyboardDecoder, parseLevelByKeyName, usagesDown } from '../../../drivers/keypad/boot-keyboard';
import { createDebouncer } from '../../../drivers/keypad/debounce';
import { createKeypadEmulator, DEFAULT_HID_LEVELS, DEFAULT_WEDGE_LEVELS } from '../../../drivers/keypad/emulator';
import { keyNameFromUsage } from '../../../drivers/keypad/key-names';
import { createEvaluationKeypad } from '../../../drivers/keypad/keypad';
import { decodeVendorReport, parseLevelByByte, vendorKeyName } from '../../../drivers/keypad/vendor-report';
import { asyncProperty, check, syncProperty, type FuzzTarget } from '../target';

/**
 * The 好差评 keypad, drivers/keypad: vendor input reports, boot keyboard reports (key state, not
 * key events), the debounce, and the whole keypad driver reading reports from the in-memory HID
 * emulator through the same seam node-hid sits behind.
 */

/** Report bytes: mostly small (keys, release, the error usages 1–3), any byte now and then. */
const reportByte = fc.oneof(
  fc.constantFrom(0x00, 0x01, 0x02, 0x03, 0x04, 0x05),
  fc.integer({ min: 0x04, max: 0x65 }),
  fc.nat({ max: 255 }),
);
const report = fc.oneof(
  fc.array(reportByte, { minLength: 8, maxLength: 8 }).map((b) => Uint8Array.from(b)),
  fc.array(reportByte, { minLength: 9, maxLength: 9 }).map((b) => Uint8Array.from(b)),
  fc.array(reportByte, { maxLength: 70 }).map((b) => Uint8Array.from(b)),
);
const byteLevels = fc
  .dictionary(
    fc.integer({ min: 1, max: 255 }).map((b) => `0x${b.toString(16).padStart(2, '0')}`),
    fc.integer({ min: 1, max: 5 }),
    { maxKeys: 8 },
  )
  .map((levels) => ({ ...DEFAULT_HID_LEVELS, ...levels }));
const keyNames = fc.constantFrom('1', '2', '3', '4', '5', 'KP1', 'KP5', 'F1', 'F12', 'A', 'Z', 'Enter', 'Esc', '');
const keyLevels = fc
  .dictionary(keyNames, fc.integer({ min: 1, max: 5 }), { maxKeys: 6 })
  .map((levels) => ({ ...DEFAULT_WEDGE_LEVELS, ...levels }));

const isPressShape = (press: KeypadPress) =>
  (press.level === null || (Number.isInteger(press.level) && press.level >= 1 && press.level <= 5)) &&
  press.key.length > 0;

const vendorReports = syncProperty(
  'vendor-report',
  fc.record({ report, at: fc.nat({ max: 72 }), levels: byteLevels }),
  ({ report: bytes, at, levels }) => {
    const parsed = parseLevelByByte(levels);
    const press = decodeVendorReport(bytes, { reportByte: at, levels: parsed });
    const value = bytes[at];
    if (value === undefined || value === 0) {
      check(press === null, 'a press from a report that carries no key');
      return;
    }
    check(press !== null && isPressShape(press), 'a key byte must give a press');
    check(press.key === vendorKeyName(value), `key ${press.key} for byte ${value}`);
    check(press.level === (parsed.get(value) ?? null), 'the level is the configured one');
  },
);

const bootReports = syncProperty(
  'boot-keyboard-sequence',
  fc.record({ reports: fc.array(report, { maxLength: 12 }), levels: keyLevels }),
  ({ reports, levels }) => {
    const decoder = createBootKeyboardDecoder(parseLevelByKeyName(levels));
    let held: ReadonlySet<number> = new Set();
    let previousReport: Uint8Array | null = null;
    for (const bytes of reports) {
      const presses = decoder.decode(bytes);
      presses.forEach((press) => check(isPressShape(press), `malformed press ${JSON.stringify(press)}`));
      const down = usagesDown(bytes);
      if (down === null) {
        // Too short, or the keyboard's error report: nothing pressed, nothing released.
        check(presses.length === 0, 'an error or short report produced a press');
        continue;
      }
      const expected = [...down].filter((usage) => !held.has(usage));
      check(presses.length === expected.length, `${presses.length} presses for ${expected.length} new keys`);
      for (const [i, usage] of expected.entries()) {
        const name = keyNameFromUsage(usage) ?? `usage:0x${usage.toString(16).padStart(2, '0')}`;
        check(presses[i]?.key === name, `press ${i} is ${presses[i]?.key}, expected ${name}`);
      }
      if (previousReport && previousReport.every((b, i) => b === bytes[i]) && previousReport.length === bytes.length) {
        check(presses.length === 0, 'the same report twice (idle-rate resend) pressed again');
      }
      held = down;
      previousReport = bytes;
    }
  },
);

const debounce = syncProperty(
  'debounce',
  fc.record({
    windowMs: fc.integer({ min: 0, max: 500 }),
    presses: fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 400 })), { maxLength: 30 }),
  }),
  ({ windowMs, presses }) => {
    let clock = 1_000_000;
    const debouncer = createDebouncer(windowMs, () => clock);
    const lastSeen = new Map<string, number>();
    for (const [key, after] of presses) {
      clock += after;
      const previous = lastSeen.get(key);
      lastSeen.set(key, clock);
      const expected = previous === undefined || clock - previous >= windowMs;
      check(debouncer.accept(key) === expected, `press of ${key} at +${after} ms judged wrong`);
    }
  },
);

type Step = { kind: 'report'; bytes: Uint8Array } | { kind: 'unplug' } | { kind: 'replug' } | { kind: 'reconnect' };
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: report.map((bytes) => ({ kind: 'report' as const, bytes })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'unplug' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'replug' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reconnect' as const }) },
);
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The real driver over the emulator: any reports, unplugs and reconnects; presses well-formed, state honest. */
const keypadDriver = asyncProperty(
  'keypad-driver',
  fc.record({
    mode: fc.constantFrom('hid' as const, 'keyboardWedge' as const),
    at: fc.nat({ max: 9 }),
    steps: fc.array(step, { maxLength: 16 }),
  }),
  async ({ mode, at, steps }) => {
    const levels = mode === 'hid' ? DEFAULT_HID_LEVELS : DEFAULT_WEDGE_LEVELS;
    const emulator = createKeypadEmulator({ mode, reportByte: at, levels });
    let clock = 0;
    const keypad = createEvaluationKeypad({
      link: mode,
      enumerator: emulator,
      openDevice: emulator.openDevice,
      vendorId: emulator.vendorId,
      productId: emulator.productId,
      reportByte: at,
      levels,
      permissionRetryDelaysMs: [],
      // Far apart: the debounce is a property of its own.
      now: () => (clock += 1_000),
    });
    const presses: KeypadPress[] = [];
    keypad.onPress((press) => presses.push(press));
    let sent = 0;
    try {
      const connected = await keypad.connect();
      check(connected.ok, 'the emulated keypad did not connect');
      for (const s of steps) {
        if (s.kind === 'report') {
          if (emulator.sendReport(s.bytes).ok) sent += 1;
        } else if (s.kind === 'unplug') emulator.unplug();
        else if (s.kind === 'replug') emulator.replug();
        else await keypad.connect();
        await turn();
      }
      await turn();
      await turn();
      presses.forEach((press) => check(isPressShape(press), `malformed press ${JSON.stringify(press)}`));
      // A boot report presses at most six keys; a vendor report at most one.
      check(presses.length <= sent * (mode === 'hid' ? 1 : 6), `${presses.length} presses from ${sent} reports`);
      const probe = await keypad.probe();
      if (!emulator.plugged) check(!probe.ok, 'an unplugged keypad probed as online');
    } finally {
      await keypad.disconnect();
    }
  },
  { timeoutMs: 5_000 },
);

export const hidTarget: FuzzTarget = {
  name: 'hid',
  setup: () =>
    Promise.resolve({
      properties: [vendorReports, bootReports, debounce, keypadDriver],
      teardown: () => Promise.resolve(),
    }),
};

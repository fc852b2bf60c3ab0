import { hashPin, MAX_PIN_DIGITS, MIN_PIN_DIGITS, SAMPLE_TECHNICIAN_PIN } from '../core/technician/pin-hash';

/**
 * `npm run hash-pin -- 583920` prints the value for `technician.pinHash` in the kiosk config. It
 * refuses a PIN shorter than MIN_PIN_DIGITS and the sample PIN (a production build refuses to
 * start with either) and records the length in the hash (core/technician/pin-hash.ts).
 */
const pin = process.argv[2] ?? '';
const usage = `usage: npm run hash-pin -- <PIN of ${MIN_PIN_DIGITS} to ${MAX_PIN_DIGITS} digits>\n`;
if (!/^[0-9]+$/.test(pin)) {
  process.stderr.write(usage);
  process.exit(64);
}
if (pin.length < MIN_PIN_DIGITS || pin.length > MAX_PIN_DIGITS) {
  process.stderr.write(
    `a technician PIN must have ${MIN_PIN_DIGITS} to ${MAX_PIN_DIGITS} digits (this one has ${pin.length}): ` +
      `with the escalating lockout, ${MIN_PIN_DIGITS} digits take years to guess at the kiosk\n${usage}`,
  );
  process.exit(64);
}
if (pin === SAMPLE_TECHNICIAN_PIN) {
  process.stderr.write(
    'that is the sample PIN, printed in the README; a production build refuses it. Choose another.\n',
  );
  process.exit(64);
}
process.stdout.write(`${hashPin(pin)}\n`);

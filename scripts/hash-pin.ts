import { hashPin } from '../core/technician/pin-hash';

/** `npm run hash-pin -- 246810` prints the value for `technician.pinHash` in the kiosk config. */
const pin = process.argv[2] ?? '';
if (!/^[0-9]{4,12}$/.test(pin)) {
  process.stderr.write('usage: npm run hash-pin -- <PIN of 4 to 12 digits>\n');
  process.exit(64);
}
process.stdout.write(`${hashPin(pin)}\n`);

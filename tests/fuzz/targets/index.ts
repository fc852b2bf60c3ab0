import type { TargetSpec } from '../runner';

/**
 * Every fuzz target, in the order `npm run fuzz` runs them, with its share of the time budget.
 * The kiosk API, its WebSocket and the platform are slower per input (a real store, a real
 * platform behind them), so they get more of the time, the parsers more of the inputs.
 */
const spec = (name: string, file: string, exportName: string, weight: number, description: string): TargetSpec => ({
  name,
  description,
  weight,
  module: new URL(`./${file}`, import.meta.url).href,
  exportName,
});

export const TARGETS: readonly TargetSpec[] = [
  spec('sam', 'sam.ts', 'samTarget', 4, 'ID card reader: SAM frames, stream, payloads, card text, exchange'),
  spec('hid', 'hid.ts', 'hidTarget', 2, 'keypad: vendor reports, boot keyboard reports, debounce, the driver'),
  spec(
    'escpos',
    'escpos.ts',
    'escposTarget',
    4,
    'printer: DLE EOT status, reply reader, ESC/POS interpreter, receipts',
  ),
  spec(
    'config',
    'config.ts',
    'configTarget',
    3,
    'the station config loader: random, mutated, broken and schema-derived files',
  ),
  spec(
    'kiosk-api',
    'kiosk-api.ts',
    'kioskApiTarget',
    10,
    'every kiosk API method through the dispatcher in every access state, and the API socket',
  ),
  spec(
    'platform',
    'platform.ts',
    'platformTarget',
    8,
    'the reference platform: every endpoint with derived, mutated and broken requests',
  ),
];

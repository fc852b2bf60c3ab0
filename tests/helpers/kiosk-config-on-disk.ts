import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseKioskConfig, type LoadedConfig } from '../../kiosk-config/load';

/** The sample station's config as JSON, for a test to change before loading it. */
export type ConfigJson = Record<string, unknown>;

/**
 * The sample config as a kiosk in a test folder runs it: every device emulated over in-memory
 * links (no socat needed, nothing shared between tests), speech off, the data folder `data` in
 * `dir`; `change` adjusts it further. Written to `dir/kiosk.json` and parsed and resolved exactly
 * as start-up does.
 */
export function kioskConfigIn(dir: string, change: (config: ConfigJson) => void = () => undefined): LoadedConfig {
  const config = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../kiosk-config/default.json'), 'utf8'),
  ) as ConfigJson;
  config['devices'] = {
    idCardReader: { mode: 'emulated', link: 'memory' },
    printer: { mode: 'emulated', link: 'memory' },
    evaluationKeypad: { mode: 'emulated', link: 'memory' },
    documentCamera: { mode: 'emulated', link: 'memory' },
  };
  config['data'] = { dir: 'data' };
  config['speech'] = { engine: 'none', prepareAtStart: false };
  change(config);
  const text = JSON.stringify(config, null, 2);
  writeFileSync(join(dir, 'kiosk.json'), text);
  const loaded = parseKioskConfig(text, join(dir, 'kiosk.json'));
  if (!loaded.ok) throw new Error(loaded.error.problems.join('\n'));
  return loaded.value;
}

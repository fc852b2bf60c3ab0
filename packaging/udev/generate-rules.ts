import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KNOWN_DEVICES } from './known-devices';
import { LOCAL_RULES_FILE, SHIPPED_RULES_FILE, checkTable, renderLocalRules, renderShippedRules } from './rules';

/**
 * Writes packaging/udev/70-bianmin-kiosk.rules and 71-bianmin-kiosk-local.rules from the device
 * table. `--check` writes nothing and exits 1 when a committed file differs from the table.
 *
 *   npx tsx packaging/udev/generate-rules.ts [--check]
 */

const HERE = import.meta.dirname;

const problems = checkTable(KNOWN_DEVICES);
if (problems.length > 0) {
  console.error(`known-devices.ts is wrong:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

const outputs: [string, string][] = [
  [SHIPPED_RULES_FILE, renderShippedRules(KNOWN_DEVICES)],
  [LOCAL_RULES_FILE, renderLocalRules(KNOWN_DEVICES)],
];

const check = process.argv.includes('--check');
let stale = 0;
for (const [file, text] of outputs) {
  const path = join(HERE, file);
  if (check) {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // a missing file is out of date too
    }
    if (current !== text) {
      console.error(`${file} is out of date: run npx tsx packaging/udev/generate-rules.ts`);
      stale += 1;
    }
  } else {
    writeFileSync(path, text);
    console.log(`wrote packaging/udev/${file}`);
  }
}
process.exit(stale > 0 ? 1 : 0);

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EnrolmentCode } from '../platform/contract/fleet';
import { enrol } from '../core/fleet/enrolment';
import { formatConfigError, loadKioskConfig, resolveConfigPath } from '../kiosk-config/load';

/**
 * `npm run enrol -- --config <kiosk.json> --code XXXX-XXXX-XXXX [--replace]` (at a station:
 * `bianmin-kiosk enrol --code …`): the technician enrols this kiosk with the one-time code an
 * admin created in the county console, waits for the admin's approval and leaves the kiosk's own
 * token in `platform.tokenFile` (core/fleet/enrolment.ts). Then restart the kiosk service.
 */
const ROOT = join(import.meta.dirname, '..');
const usage = 'usage: npm run enrol -- [--config <kiosk.json>] --code XXXX-XXXX-XXXX [--replace]\n';

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      config: { type: 'string' },
      code: { type: 'string' },
      replace: { type: 'boolean', default: false },
    },
    strict: true,
  }).values;
}
try {
  args = parse();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${usage}`);
  process.exit(64);
}
const code = EnrolmentCode.safeParse((args.code ?? '').trim().toUpperCase());
if (!code.success) {
  process.stderr.write(`the enrolment code looks like XXXX-XXXX-XXXX (from the county console)\n${usage}`);
  process.exit(64);
}
const configPath = args.config ?? resolveConfigPath(process.env, join(ROOT, 'kiosk-config/default.json'));
const loaded = loadKioskConfig(configPath);
if (!loaded.ok) {
  process.stderr.write(`${formatConfigError(loaded.error)}\n`);
  process.exit(78);
}
const { config, platformTokenPath } = loaded.value;
if (config.platform.mode !== 'remote' || platformTokenPath === null) {
  process.stderr.write(
    `${loaded.value.sourcePath} runs the embedded reference platform: there is no county platform to enrol with. ` +
      'Set platform.mode to "remote" with baseUrl and tokenFile first.\n',
  );
  process.exit(78);
}
/** At a station the technician enrols as root; the kiosk runs as BIANMIN_USER (packaging/bin/release-lib.sh). */
function serviceGroup(): number | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const name = process.env['BIANMIN_USER'] || 'bianmin';
  let groups = '';
  try {
    groups = readFileSync('/etc/group', 'utf8');
  } catch {
    return undefined;
  }
  const line = groups.split('\n').find((entry) => entry.startsWith(`${name}:`));
  const gid = line ? Number(line.split(':')[2]) : NaN;
  return Number.isInteger(gid) ? gid : undefined;
}
const tokenGroup = serviceGroup();

const appVersion = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const result = await enrol({
  baseUrl: config.platform.baseUrl,
  tokenPath: platformTokenPath,
  terminalId: config.terminal.id,
  appVersion,
  code: code.data,
  replace: args.replace,
  pollMs: 3_000,
  timeoutMs: config.platform.timeoutMs,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  say: (line) => process.stdout.write(`${line}\n`),
  ...(tokenGroup === undefined ? {} : { tokenGroup }),
});
if (!result.ok) {
  process.stderr.write(`未注册 / not enrolled: ${result.error}\n`);
  process.exit(1);
}
process.stdout.write(
  `已注册 / enrolled: ${config.terminal.id} at station ${result.value.stationId}; token written to ${result.value.tokenPath} (${tokenGroup === undefined ? '0600' : '0640, group of the kiosk user'}). Restart the kiosk: systemctl restart bianmin-kiosk\n`,
);

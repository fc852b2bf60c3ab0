import { resolve } from 'node:path';
import { currentBuildKind } from '../../core/app/build-kind';
import { parseDoctorArgs, USAGE } from './doctor/args';
import { probeDevice } from './doctor/device-probe';
import { execProgram } from './doctor/exec';
import { exitCodeOf, formatChecklist, formatJson } from './doctor/print';
import { runDoctor } from './doctor/run';
import * as system from './doctor/system-facts';

/**
 * `bianmin-kiosk doctor`: the technicians' check of an installed station (scripts/appliance/doctor/).
 * Bundled to app/doctor.mjs; nothing here may depend on tsx. Paths of the installation come from
 * the environment so a test (or a station laid out differently) can point them elsewhere.
 */
const parsed = parseDoctorArgs(process.argv.slice(2), process.env);
if (!parsed.ok) {
  process.stderr.write(`${parsed.error}\n${USAGE}\n`);
  process.exit(2);
}
if (parsed.value.kind === 'help') {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const args = parsed.value.args;
const stateDir = process.env['BIANMIN_KIOSK_STATE_DIR'] || '/var/lib/bianmin-kiosk';
// From sources the entry is scripts/appliance/doctor.ts (root two folders up); a bundle has the
// build kind compiled in and does not look at the root.
const production = currentBuildKind(resolve(import.meta.dirname, '../..'), import.meta.filename) === 'production';

const results = await runDoctor(args, {
  exec: execProgram,
  systemdRunning: system.systemdRunning,
  exists: system.exists,
  now: () => new Date(),
  probe: (device, timeoutMs) => probeDevice(device, timeoutMs),
  holders: system.holdersOf,
  videoDevices: system.videoDevices,
  freeBytes: system.freeBytes,
  lstat: system.lstatOrNull,
  readdir: system.readdirStrict,
  release: { readlink: system.readlinkOrNull, readdir: system.readdirOrNull, readFile: system.readFileOrNull },
  readToken: system.readToken,
  fetch: globalThis.fetch,
  serviceUser: system.serviceUser(),
  asRoot: process.getuid?.() === 0,
  production,
  paths: {
    installDir: process.env['BIANMIN_KIOSK_INSTALL_DIR'] || '/opt/bianmin-kiosk',
    releaseStateDir: `${stateDir}/release`,
  },
});
process.stdout.write(args.json ? formatJson(results, args.configPath) : formatChecklist(results, args.configPath));
// Exit explicitly: a driver's native handle (serialport, hidapi) must not keep the shell waiting.
process.exit(exitCodeOf(results));

import { processIo } from './devices/output';
import { runDevices } from './devices/run';

/**
 * `npm run devices -- <device> <action> [options]`: the technicians' device tool (see --help).
 * Ctrl+C ends `keypad listen` cleanly; a second Ctrl+C quits at once.
 */
const interrupted = new Promise<void>((resolve) => {
  process.once('SIGINT', () => {
    process.once('SIGINT', () => process.exit(130));
    resolve();
  });
});

const exitCode = await runDevices(process.argv.slice(2), processIo, interrupted);
// Exit explicitly: a native handle (hidapi, serialport) left by a driver must not keep a
// technician's shell waiting; every driver has been disconnected by now.
process.exit(exitCode);

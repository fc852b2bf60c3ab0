import { spawn } from 'node:child_process';
import type { ServiceLog } from './service-log';

/**
 * Tells systemd how the kiosk service is doing (sd_notify(3)): READY=1 when it serves, WATCHDOG=1
 * keep-alives, STATUS= lines, STOPPING=1. Node cannot send to an AF_UNIX datagram socket (dgram
 * has udp4/udp6 only), so each message is one run of Debian's `systemd-notify`. The unit has
 * NotifyAccess=all, so systemd accepts a message from that helper process; `--pid=<our pid>` makes
 * it send with our PID as sender when it may (root) and always adds MAINPID=<our pid>. Without
 * --no-block, systemd-notify (systemd ≥ 246) waits until the service manager has read the message
 * (a BARRIER=1 handshake), so a helper that exits at once cannot leave its message unattributed
 * (systemd-notify(1)).
 */
export interface ServiceNotifier {
  /** True when NOTIFY_SOCKET is set: messages go to the service manager; otherwise every call does nothing. */
  readonly enabled: boolean;
  /** Each resolves (never rejects) once the message went out: true if the helper delivered it. */
  ready(status: string): Promise<boolean>;
  status(text: string): Promise<boolean>;
  watchdog(): Promise<boolean>;
  stopping(status: string): Promise<boolean>;
}

export type NotifyOutcome = { readonly ok: true } | { readonly ok: false; readonly detail: string };
/** Runs the helper with these arguments; resolves (never rejects) when it is done. */
export type RunNotify = (args: readonly string[]) => Promise<NotifyOutcome>;

export interface NotifierOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly pid: number;
  readonly log: ServiceLog;
  /** How a message is sent; by default the `systemd-notify` binary found on PATH. */
  readonly run?: RunNotify;
}

export function createServiceNotifier(options: NotifierOptions): ServiceNotifier {
  const { log } = options;
  const socket = options.env['NOTIFY_SOCKET'];
  if (!socket) {
    log.info({}, 'NOTIFY_SOCKET is not set (not started by systemd as Type=notify): no READY, STATUS or WATCHDOG sent');
    const nothing = () => Promise.resolve(false);
    return { enabled: false, ready: nothing, status: nothing, watchdog: nothing, stopping: nothing };
  }
  const run = options.run ?? runSystemdNotify(options.env);
  // One message at a time, in order: WATCHDOG never overtakes READY, STOPPING=1 comes last.
  let queue: Promise<unknown> = Promise.resolve();
  let failing = 0;
  const send = (fields: readonly string[]): Promise<boolean> => {
    const args = [`--pid=${options.pid}`, ...fields];
    const sent = queue.then(async () => {
      const outcome = await run(args);
      if (outcome.ok) {
        if (failing > 0) log.info({ failed: failing }, 'systemd-notify works again');
        failing = 0;
        return true;
      }
      // A helper that keeps failing (missing, socket gone) is said once, not at every keep-alive.
      if (failing === 0) {
        log.error({ fields, detail: outcome.detail }, 'systemd-notify failed; systemd did not get the message');
      }
      failing += 1;
      return false;
    });
    queue = sent;
    return sent;
  };
  return {
    enabled: true,
    ready: (status) => send(['READY=1', statusField(status)]),
    status: (text) => send([statusField(text)]),
    watchdog: () => send(['WATCHDOG=1']),
    stopping: (status) => send(['STOPPING=1', statusField(status)]),
  };
}

/** One line: the message is newline-separated fields, so a newline in the text would start another field. */
function statusField(text: string): string {
  return `STATUS=${text.replace(/[\r\n]+/g, ' ')}`;
}

/** systemd-notify waits up to 5 s for the manager to read a message; past 10 s it is stuck. */
const HELPER_LIMIT_MS = 10_000;

function runSystemdNotify(env: Readonly<Record<string, string | undefined>>): RunNotify {
  return (args) =>
    new Promise((resolve) => {
      let stderr = '';
      let settled = false;
      const finish = (outcome: NotifyOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(limit);
        resolve(outcome);
      };
      const child = spawn('systemd-notify', args, { env: { ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
      const limit = setTimeout(() => {
        child.kill('SIGKILL');
        finish({ ok: false, detail: `no answer within ${HELPER_LIMIT_MS} ms` });
      }, HELPER_LIMIT_MS);
      limit.unref();
      child.stderr.on('data', (chunk: Buffer) => {
        if (stderr.length < 500) stderr += chunk.toString('utf8');
      });
      child.once('error', (error) => finish({ ok: false, detail: error.message }));
      child.once('close', (code, signal) => {
        if (code === 0) finish({ ok: true });
        else finish({ ok: false, detail: `exit ${code ?? signal}: ${stderr.trim()}` });
      });
    });
}

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { err, ok, type Result } from '../../core/pure/result';

export interface PtyPair {
  /** The path the driver opens (a symlink to /dev/pts/N). */
  readonly hostPath: string;
  /** The path the emulator opens. */
  readonly devicePath: string;
  /** Kills socat: both ends see the port vanish, like an unplugged USB-serial adapter. */
  close(): Promise<void>;
}

export type PtyPairError = { kind: 'socatMissing' | 'socatFailed'; message: string };

/**
 * A virtual null-modem cable: `socat pty,raw,echo=0 pty,raw,echo=0`. The driver and the emulator
 * each open one end with the real serialport binding, so termios, baud setting, chunking and
 * timeouts are the real ones (docs/dependencies.md §1.6: tty0tty kernel modules cannot be loaded here).
 */
export async function openPtyPair(
  options: { dir?: string; timeoutMs?: number } = {},
): Promise<Result<PtyPair, PtyPairError>> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'kiosk-pty-'));
  const ownsDir = options.dir === undefined;
  const hostPath = join(dir, 'host');
  const devicePath = join(dir, 'device');
  let child: ChildProcess;
  try {
    child = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${hostPath}`, `pty,raw,echo=0,link=${devicePath}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (error) {
    return err({ kind: 'socatMissing', message: (error as Error).message });
  }
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const spawnError = new Promise<PtyPairError>((resolve) =>
    child.once('error', (error: NodeJS.ErrnoException) =>
      resolve({ kind: error.code === 'ENOENT' ? 'socatMissing' : 'socatFailed', message: error.message }),
    ),
  );

  const deadline = Date.now() + (options.timeoutMs ?? 5_000);
  const ready = (async () => {
    // socat logs "starting data transfer loop" once both ptys exist and the links are made.
    while (Date.now() < deadline) {
      if (child.exitCode !== null) return false;
      if (existsSync(hostPath) && existsSync(devicePath) && /starting data transfer loop/.test(stderr)) return true;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return false;
  })();
  const outcome = await Promise.race([ready, spawnError]);
  if (outcome !== true) {
    child.kill('SIGKILL');
    if (ownsDir) rmSync(dir, { recursive: true, force: true });
    if (typeof outcome === 'object') return err(outcome);
    return err({ kind: 'socatFailed', message: `socat did not create the pty pair: ${stderr.trim().slice(-300)}` });
  }

  let closing: Promise<void> | null = null;
  return ok({
    hostPath,
    devicePath,
    close() {
      closing ??= (async () => {
        if (child.exitCode === null) {
          child.kill('SIGTERM');
          await exited;
        }
        if (ownsDir) rmSync(dir, { recursive: true, force: true });
      })();
      return closing;
    },
  });
}

/** The /dev/pts/N a link points to, for logs. */
export function ptyTarget(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return path;
  }
}

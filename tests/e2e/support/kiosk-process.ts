import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { READY_LINE_PATTERN } from '../../../scripts/start/ready-line';

export const ROOT = resolve(import.meta.dirname, '../../..');

export interface RunningProcess {
  readonly child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Calls `listener` whenever it prints something; returns the unsubscribe. */
  onOutput(listener: () => void): () => void;
  /** Resolves with the exit code (or signal name). */
  readonly exited: Promise<number | string>;
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

/** Every process group a test started; whatever a failing test left running is killed on exit. */
const running = new Set<number>();
process.once('exit', () => {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

/**
 * A TypeScript script of ours, run the way package.json runs it: one node process with tsx's
 * loader (`node --import tsx`). Not the tsx CLI, which runs the script in a child and, on SIGTERM,
 * SIGKILLs that child unless it confirms the signal within 30 ms — on a busy machine that killed
 * the kiosk in the middle of closing its store.
 */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv): RunningProcess {
  return runCommand(process.execPath, ['--import', 'tsx', join(ROOT, script), ...args], env);
}

export function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv): RunningProcess {
  // No display: the start script must choose the headless browser host, as it does on CI.
  const { DISPLAY: _d, WAYLAND_DISPLAY: _w, ELECTRON_OVERRIDE_DIST_PATH: _e, ...base } = process.env;
  // Its own process group: npm runs the script in a child process, and a signal to the
  // group reaches all of them (SIGKILL to npm alone would leave the script running).
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let text = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const listener of [...listeners]) listener();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  if (child.pid !== undefined) running.add(child.pid);
  const exited = new Promise<number | string>((resolveExit) =>
    child.once('exit', (code, signal) => {
      if (child.pid !== undefined) running.delete(child.pid);
      resolveExit(code ?? signal ?? 'unknown');
    }),
  );
  return {
    child,
    output: () => text,
    onOutput(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        // The whole group, as systemd's KillMode=control-group does: npm does not pass SIGTERM on
        // to its script, and SIGKILL cannot be passed on at all.
        process.kill(-child.pid, signal);
      }
      return exited;
    },
  };
}

/** Waits until the process prints a line matching `pattern` (checked as it prints), or fails with what it printed. */
export function waitForLine(proc: RunningProcess, pattern: RegExp, timeoutMs = 60_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = () => {
      settled = true;
      clearTimeout(timer);
      unsubscribe();
      proc.child.off('close', closed);
    };
    const check = () => {
      const match = settled ? null : proc.output().match(pattern);
      if (!match) return false;
      settle();
      resolve(match);
      return true;
    };
    const fail = (why: string) => {
      if (settled) return;
      settle();
      reject(new Error(`no line matching ${pattern} (${why}); output:\n${proc.output()}`));
    };
    // 'close' comes after the last output, so a line printed just before exiting still counts.
    const closed = () => {
      if (!check()) fail(`exit ${proc.child.exitCode ?? proc.child.signalCode}`);
    };
    const timer = setTimeout(() => fail(`none within ${timeoutMs} ms`), timeoutMs);
    const unsubscribe = proc.onOutput(check);
    proc.child.once('close', closed);
    // Already gone, everything it printed read: nothing more will come.
    const { exitCode, stdout, stderr } = proc.child;
    if (!check() && exitCode !== null && stdout?.closed !== false && stderr?.closed !== false) fail(`exit ${exitCode}`);
  });
}

/** The default config with a fresh data folder and the given changes, written to a temp file. */
export function writeTestConfig(changes: (config: Record<string, unknown>) => void = () => undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  const config = JSON.parse(readFileSync(join(ROOT, 'kiosk-config/default.json'), 'utf8')) as Record<string, unknown>;
  config['data'] = { dir: join(dir, 'data') };
  // Caching every prompt at start costs some CPU seconds per kiosk; the voice test turns it on.
  config['speech'] = { engine: 'espeak-ng', prepareAtStart: false };
  changes(config);
  const path = join(dir, 'kiosk.json');
  writeFileSync(path, JSON.stringify(config, null, 2));
  return { dir, path, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface StartedKiosk {
  readonly url: string;
  readonly proc: RunningProcess;
}

/** `npm start`, exactly as a person runs it (node --import tsx scripts/start.ts), with the given config. */
export async function startKiosk(configPath: string, env: NodeJS.ProcessEnv = {}): Promise<StartedKiosk> {
  const proc = runScript('scripts/start.ts', [], { KIOSK_CONFIG: configPath, ...env });
  const [, url] = await waitForLine(proc, READY_LINE_PATTERN);
  return { url: url!, proc };
}

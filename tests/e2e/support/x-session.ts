import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A private X server (Xvfb) for a test, and real input through it: xdotool sends key and pointer
 * events with the XTEST extension, so Chromium receives them from the X server exactly as from a
 * keyboard or a touch screen, browser-level shortcuts included. Debian: xvfb, xdotool.
 */
export interface XSession {
  readonly display: string;
  /** Xvfb's framebuffer file (x-framebuffer.ts reads it). */
  readonly screenFile: string;
  xdotool(...args: string[]): Promise<string>;
  stop(): void;
}

export async function startXvfb(width: number, height: number): Promise<XSession> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-xvfb-'));
  // -displayfd: Xvfb picks a free display number and writes it on fd 3 once it accepts clients.
  const xvfb: ChildProcess = spawn(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', `${width}x${height}x24`, '-fbdir', dir, '-nolisten', 'tcp', '-noreset'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
  );
  let said = '';
  xvfb.stderr?.on('data', (chunk: Buffer) => (said += chunk.toString('utf8')));
  const number = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start: ${said}`)), 10_000);
    (xvfb.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (text.includes('\n')) {
        clearTimeout(timer);
        resolve(text.trim());
      }
    });
    xvfb.once('error', (error) =>
      reject(new Error(`Xvfb could not be started (apt-get install xvfb): ${error.message}`)),
    );
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${said}`)));
  });
  const display = `:${number}`;
  const stop = () => {
    xvfb.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  return {
    display,
    screenFile: join(dir, 'Xvfb_screen0'),
    async xdotool(...args) {
      const { stdout } = await run('xdotool', args, { env: { ...process.env, DISPLAY: display }, timeout: 15_000 });
      return stdout.trim();
    },
    stop,
  };
}

/** Visible top-level Chromium windows (a new window or a dialog shows up here). */
export async function chromiumWindows(x: XSession): Promise<string[]> {
  try {
    const out = await x.xdotool('search', '--onlyvisible', '--class', 'chromium');
    return out === '' ? [] : out.split('\n');
  } catch {
    return []; // xdotool search exits 1 when nothing matches
  }
}

/** Every process below `root` in the process tree (pid and command line), from /proc. */
export function descendants(root: number): Array<{ pid: number; cmdline: string }> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may contain spaces; the parent pid follows it.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // Gone meanwhile.
    }
  }
  const found: Array<{ pid: number; cmdline: string }> = [];
  for (const pid of parents.keys()) {
    for (let up = parents.get(pid); up !== undefined && up > 1; up = parents.get(up)) {
      if (up !== root) continue;
      try {
        found.push({ pid, cmdline: readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ') });
      } catch {
        // Gone meanwhile.
      }
      break;
    }
  }
  return found;
}

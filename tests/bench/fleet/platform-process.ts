import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT } from '../../../scripts/build-renderer';

/**
 * The reference platform as the county runs it: its own process (`npm run platform`'s entry),
 * on PostgreSQL or SQLite, stopped with SIGTERM and started again on the same port for the
 * outage. Every request it logs (one JSON line on stderr with its status and milliseconds) is
 * kept for the rates and latencies; its CPU and memory (and, on PostgreSQL, the database
 * server's CPU) are read from /proc once a second.
 */
export interface RequestLogLine {
  /** Real ms since the run started. */
  readonly at: number;
  readonly status: number;
  readonly ms: number;
  readonly path: string;
}

export interface ProcessSample {
  readonly at: number;
  /** CPU seconds since the last sample, of the platform process and of the database server's processes. */
  readonly platformCpu: number;
  readonly databaseCpu: number;
  readonly rssBytes: number;
}

export interface PlatformProcessOptions {
  readonly databaseArgs: readonly string[];
  readonly terminalsFile: string;
  readonly dataKeyFile: string;
  readonly clock: string;
  readonly runStart: number;
  /** Per terminal (`--requests-per-minute`); the platform's default otherwise. */
  readonly requestsPerMinute?: number;
  /** Process-name of the database server to sum CPU over ('postgres'), or none. */
  readonly databaseProcessName?: string;
}

export interface PlatformProcess {
  readonly baseUrl: () => string;
  readonly requests: RequestLogLine[];
  readonly samples: ProcessSample[];
  readonly port: () => number;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

const TICKS_PER_SECOND = 100;

function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb === undefined ? 0 : Number(kb) * 1024;
  } catch {
    return 0;
  }
}

function processesNamed(name: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name;
      } catch {
        return false;
      }
    });
}

export async function startPlatformProcess(options: PlatformProcessOptions): Promise<PlatformProcess> {
  const requests: RequestLogLine[] = [];
  const samples: ProcessSample[] = [];
  let child: ChildProcess | undefined;
  let port = 0;
  let lastPlatformCpu = 0;
  const databaseCpuOf = (): number =>
    options.databaseProcessName === undefined
      ? 0
      : processesNamed(options.databaseProcessName).reduce((sum, pid) => sum + cpuSecondsOf(pid), 0);
  let lastDatabaseCpu = databaseCpuOf();

  const launch = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const args = [
        '--import',
        'tsx',
        join(ROOT, 'platform/server/main.ts'),
        '--port',
        String(port),
        ...options.databaseArgs,
        '--terminals-file',
        options.terminalsFile,
        '--data-key-file',
        options.dataKeyFile,
        '--clock',
        options.clock,
        ...(options.requestsPerMinute === undefined
          ? []
          : ['--requests-per-minute', String(options.requestsPerMinute)]),
      ];
      const started = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      child = started;
      lastPlatformCpu = 0;
      let answered = false;
      const stderrTail: string[] = [];
      createInterface({ input: started.stderr }).on('line', (line) => {
        if (!line.startsWith('{')) {
          stderrTail.push(line);
          return;
        }
        try {
          const entry = JSON.parse(line) as { message?: string; status?: number; ms?: number; path?: string };
          if (entry.message === 'request' && typeof entry.ms === 'number') {
            requests.push({
              at: performance.now() - options.runStart,
              status: entry.status ?? 0,
              ms: entry.ms,
              path: entry.path ?? '',
            });
          } else if (entry.message !== 'request') stderrTail.push(line);
        } catch {
          stderrTail.push(line);
        }
        if (stderrTail.length > 40) stderrTail.shift();
      });
      createInterface({ input: started.stdout }).on('line', (line) => {
        const match = /platform listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(line);
        if (match && !answered) {
          answered = true;
          port = Number(match[1]);
          resolve();
        }
      });
      started.once('exit', (code) => {
        if (!answered)
          reject(new Error(`the platform exited with ${String(code)} before listening:\n${stderrTail.join('\n')}`));
      });
    });

  const sampler = setInterval(() => {
    const at = performance.now() - options.runStart;
    const pid = child?.exitCode === null ? child.pid : undefined;
    const platformCpu = pid === undefined ? lastPlatformCpu : cpuSecondsOf(pid);
    const databaseCpu = databaseCpuOf();
    samples.push({
      at,
      platformCpu: Math.max(0, platformCpu - lastPlatformCpu),
      databaseCpu: Math.max(0, databaseCpu - lastDatabaseCpu),
      rssBytes: pid === undefined ? 0 : rssOf(pid),
    });
    lastPlatformCpu = platformCpu;
    lastDatabaseCpu = databaseCpu;
  }, 1000);
  sampler.unref();

  const stop = async (): Promise<void> => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
    child = undefined;
  };

  await launch();
  return {
    baseUrl: () => `http://127.0.0.1:${port}/api/v1`,
    requests,
    samples,
    port: () => port,
    stop,
    start: launch,
    async close() {
      clearInterval(sampler);
      await stop();
    },
  };
}

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino, { type Logger, type LevelWithSilent } from 'pino';
import pinoRoll from 'pino-roll';

export type { Logger };

/**
 * Log fields that may carry personal data or secrets. They are replaced before a line is written,
 * wherever they appear one level deep (reliability.md P7/P9: logs hold no personal data).
 */
const REDACT_PATHS = [
  'idNumber',
  '*.idNumber',
  'name',
  '*.name',
  'phone',
  '*.phone',
  'address',
  '*.address',
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'headers.authorization',
];

export interface LoggerOptions {
  level: LevelWithSilent;
  /** Folder for the rolling JSON log files; none for tests. */
  dir?: string;
  /** Also print one readable line per entry on stdout (the console of `npm start`). */
  console?: boolean;
}

/**
 * JSON lines to a daily-rolling file (14 files kept, 10 MB each at most) plus readable lines on
 * stdout. pino-roll runs as a stream in this thread, not as a worker transport, because worker
 * threads cannot load files from app.asar in a packaged Electron app (dependencies.md, Logging).
 */
export async function createLogger(options: LoggerOptions): Promise<Logger> {
  const streams: pino.StreamEntry[] = [];
  if (options.dir) {
    mkdirSync(options.dir, { recursive: true });
    const file = await pinoRoll({
      file: join(options.dir, 'kiosk'),
      extension: '.log',
      frequency: 'daily',
      size: '10m',
      limit: { count: 14 },
      mkdir: true,
    });
    streams.push({ level: options.level === 'silent' ? 'fatal' : options.level, stream: file });
  }
  if (options.console) {
    streams.push({ level: options.level === 'silent' ? 'fatal' : options.level, stream: readableConsole() });
  }
  if (streams.length === 0) return pino({ level: 'silent' });
  return pino(
    {
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    pino.multistream(streams),
  );
}

const LEVEL_NAMES: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
const OMIT = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'component']);

/** `12:00:01 info  store: opened journal=wal synchronous=FULL` */
function readableConsole(): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        process.stdout.write(`${formatLine(line)}\n`);
      }
      done();
    },
  });
}

export function formatLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const time = typeof entry['time'] === 'string' ? entry['time'].slice(11, 19) : '';
  const level = LEVEL_NAMES[Number(entry['level'])] ?? String(entry['level']);
  const component = typeof entry['component'] === 'string' ? `${entry['component']}: ` : '';
  const fields = Object.entries(entry)
    .filter(([key]) => !OMIT.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  const message = typeof entry['msg'] === 'string' ? entry['msg'] : '';
  return `${time} ${level.padEnd(5)} ${component}${message}${fields ? ` ${fields}` : ''}`;
}

/** A logger that writes nothing: for unit tests that do not assert on logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino, { type Logger, type LevelWithSilent } from 'pino';
import pinoRoll from 'pino-roll';
import { redactText, redactValue } from './redact';

export type { Logger };

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
 * threads cannot load files from app.asar in a packaged Electron app (docs/dependencies.md §2.2).
 */
export async function createLogger(options: LoggerOptions): Promise<Logger> {
  const streams: pino.StreamEntry[] = [];
  if (options.dir) {
    // Owner-only: the folder 0700, each file 0600 (an existing folder is tightened by core at start).
    mkdirSync(options.dir, { recursive: true, mode: 0o700 });
    const file = await pinoRoll({
      file: join(options.dir, 'kiosk'),
      extension: '.log',
      frequency: 'daily',
      size: '10m',
      limit: { count: 14 },
      mkdir: true,
      mode: 0o600,
    });
    // Every stream takes every level; the logger's own level filters, so raising it at run time
    // (a remote raiseLogLevel, core/fleet/commands/log-level.ts) reaches the files too.
    streams.push({ level: 'trace', stream: file });
  }
  if (options.console) {
    streams.push({ level: 'trace', stream: readableConsole() });
  }
  if (streams.length === 0) return pino({ level: 'silent' });
  const logger = pino(
    {
      level: options.level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      hooks: { logMethod: redactedLogMethod },
      // Errors arrive already turned into `{ type, message, stack, … }` by the redaction walk.
      serializers: { err: (value: unknown) => value },
    },
    pino.multistream(streams),
  );
  redactChildBindings(logger);
  return logger;
}

/**
 * pino applies `formatters.bindings` to the root's bindings only, so `child()` is wrapped instead.
 * Children are created with the parent as prototype, so wrapping the root's covers every descendant.
 */
function redactChildBindings(logger: Logger): void {
  const original: unknown = Reflect.get(logger, 'child');
  const child = function (this: Logger, bindings: pino.Bindings, options?: pino.ChildLoggerOptions) {
    return Reflect.apply(original as (...args: unknown[]) => Logger, this, [redactValue(bindings), options]);
  };
  Object.defineProperty(logger, 'child', { value: child, writable: true, configurable: true });
}

/**
 * Every call's arguments pass through the redaction walk (core/logging/redact.ts) before pino
 * sees them: the merged object at any depth, errors with their causes, and the message itself.
 * `log.error(error)` keeps pino's shape: `{ err }` with the error's message as the line's message.
 */
function redactedLogMethod(this: Logger, args: Parameters<pino.LogFn>, method: pino.LogFn): void {
  const [first, ...rest] = args as unknown[];
  const redactArgument = (value: unknown) => (typeof value === 'string' ? redactText(value) : redactValue(value));
  if (first instanceof Error) {
    const message = rest.length > 0 ? rest.map(redactArgument) : [redactText(first.message)];
    method.apply(this, [{ err: redactValue(first) }, ...message] as Parameters<pino.LogFn>);
    return;
  }
  method.apply(this, [first, ...rest].map(redactArgument) as Parameters<pino.LogFn>);
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

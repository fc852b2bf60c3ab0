import pino from 'pino';
import type { Logger } from '../../core/logging/logger';

export interface LogEntry {
  readonly level: number;
  readonly msg: string;
  readonly [field: string]: unknown;
}

/** A real pino logger that keeps every line in memory, so tests can assert on what was logged. */
export function recordingLogger(): { logger: Logger; entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const logger = pino(
    { level: 'trace' },
    {
      write(line: string) {
        entries.push(JSON.parse(line) as LogEntry);
      },
    },
  );
  return { logger, entries };
}

export const WARN = 40;
export const ERROR = 50;

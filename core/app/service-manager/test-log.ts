import type { ServiceLog } from './service-log';

/** A ServiceLog that keeps every line, for tests that check what was said (and how often). */
export function recordingServiceLog(): ServiceLog & {
  readonly lines: Array<{ level: 'info' | 'warn' | 'error'; message: string; fields: Record<string, unknown> }>;
} {
  const lines: Array<{ level: 'info' | 'warn' | 'error'; message: string; fields: Record<string, unknown> }> = [];
  return {
    lines,
    info: (fields, message) => lines.push({ level: 'info', message, fields }),
    warn: (fields, message) => lines.push({ level: 'warn', message, fields }),
    error: (fields, message) => lines.push({ level: 'error', message, fields }),
  };
}

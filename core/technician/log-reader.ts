import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { LogLine } from '../api/technician';

/** pino's numeric levels (core/logging/logger.ts writes them as numbers). */
const LEVELS: Record<number, LogLine['level']> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

/**
 * The newest lines of the kiosk's JSON log files, newest first. Only time, level, component and
 * message are kept: every other field is dropped, so nothing personal reaches the screen even from
 * a line that escaped redaction (docs/reliability.md §3). Lines that are not ours are skipped.
 */
export async function readRecentLogLines(logDir: string | null, limit: number): Promise<LogLine[]> {
  if (logDir === null || limit <= 0) return [];
  const files = await newestFirst(logDir);
  const lines: LogLine[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      continue; // rotated away while we looked
    }
    const raw = text.split('\n');
    for (let i = raw.length - 1; i >= 0 && lines.length < limit; i--) {
      const line = toLogLine(raw[i] ?? '');
      if (line) lines.push(line);
    }
    if (lines.length >= limit) break;
  }
  return lines;
}

async function newestFirst(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.log'));
  } catch {
    return [];
  }
  const withTimes = await Promise.all(
    names.map(async (name) => {
      const path = join(dir, name);
      try {
        return { path, name, mtime: (await stat(path)).mtimeMs };
      } catch {
        return null;
      }
    }),
  );
  return withTimes
    .filter((entry) => entry !== null)
    .sort((a, b) => b.mtime - a.mtime || rollNumber(b.name) - rollNumber(a.name))
    .map((entry) => entry.path);
}

/** pino-roll names files kiosk.<n>.log, n growing: the tie-breaker when mtimes are equal. */
function rollNumber(name: string): number {
  const match = /\.(\d+)\.log$/.exec(name);
  return match ? Number(match[1]) : -1;
}

export function toLogLine(text: string): LogLine | null {
  if (text.trim() === '') return null;
  let entry: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return null;
    entry = parsed as Record<string, unknown>;
  } catch {
    return null;
  }
  const level = LEVELS[Number(entry['level'])];
  const time = entry['time'];
  if (!level || typeof time !== 'string') return null;
  const line = LogLine.safeParse({
    time,
    level,
    component: typeof entry['component'] === 'string' ? entry['component'].slice(0, 60) : '',
    message: typeof entry['msg'] === 'string' ? entry['msg'].slice(0, 1000) : '',
  });
  return line.success ? line.data : null;
}

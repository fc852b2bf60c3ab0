import { readFileSync } from 'node:fs';

/** The parts of a systemd service unit the install test replays by hand (systemd is not PID 1 here). */
export interface ServiceUnit {
  readonly user: string;
  readonly supplementaryGroups: readonly string[];
  readonly environment: Readonly<Record<string, string>>;
  /** ExecStartPre lines; `privileged` for the `+` prefix (run as root, outside the sandbox). */
  readonly execStartPre: readonly { readonly command: readonly string[]; readonly privileged: boolean }[];
  readonly execStart: readonly string[];
  readonly runtimeDirectory: string | null;
  readonly stateDirectory: string | null;
  readonly watchdogSec: number | null;
}

/** systemd's word splitting for the simple cases our units use: spaces, double quotes. */
function words(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2] ?? '');
}

/** Reads the [Service] section (continuation lines joined, comments dropped). */
export function readServiceUnit(path: string): ServiceUnit {
  const lines = readFileSync(path, 'utf8').replace(/\\\n/g, ' ').split('\n');
  const service: [string, string][] = [];
  let section = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      section = header[1] ?? '';
      continue;
    }
    const eq = line.indexOf('=');
    if (section === 'Service' && eq > 0) service.push([line.slice(0, eq).trim(), line.slice(eq + 1).trim()]);
  }
  const all = (key: string) => service.filter(([name]) => name === key).map(([, value]) => value);
  const one = (key: string) => all(key).at(-1) ?? null;
  const environment: Record<string, string> = {};
  for (const value of all('Environment')) {
    for (const assignment of words(value)) {
      const eq = assignment.indexOf('=');
      if (eq > 0) environment[assignment.slice(0, eq)] = assignment.slice(eq + 1);
    }
  }
  const execStart = one('ExecStart');
  if (!execStart) throw new Error(`${path} has no ExecStart`);
  const watchdog = one('WatchdogSec');
  return {
    user: one('User') ?? 'root',
    supplementaryGroups: all('SupplementaryGroups').flatMap(words),
    environment,
    execStartPre: all('ExecStartPre').map((value) => {
      const privileged = value.startsWith('+');
      return { command: words(value.replace(/^[+@!:-]+/, '')), privileged };
    }),
    execStart: words(execStart.replace(/^[-@!:]+/, '')),
    runtimeDirectory: one('RuntimeDirectory'),
    stateDirectory: one('StateDirectory'),
    watchdogSec: watchdog === null ? null : Number.parseFloat(watchdog),
  };
}

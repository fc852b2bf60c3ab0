import { readFileSync } from 'node:fs';
import { err, ok, type Result } from '../../../core/pure/result';
import type { FleetOptions } from '../fleet/settings';

/**
 * `--fleet-config <file>`: the county's alarm thresholds, the heartbeat interval kiosks are told
 * and how long a remote command waits (docs/fleet.md has every field and its default). Only the
 * JSON's shape is read here; the values are checked by resolveFleetSettings at start, which
 * refuses the start with one sentence per problem.
 */
export function readFleetConfigFile(path: string): Result<FleetOptions, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return err(`--fleet-config ${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return err(`--fleet-config ${path}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return err(`--fleet-config ${path}: expected an object such as {"heartbeatIntervalSeconds": 60, "alarms": {…}}`);
  }
  const allowed = new Set(['alarms', 'heartbeatIntervalSeconds', 'commandLifetimeMinutes']);
  const unknown = Object.keys(parsed).filter((key) => !allowed.has(key));
  if (unknown.length > 0) {
    return err(`--fleet-config ${path}: unknown field ${unknown.join(', ')}; allowed: ${[...allowed].join(', ')}`);
  }
  const fields = parsed as Record<string, unknown>;
  for (const key of ['heartbeatIntervalSeconds', 'commandLifetimeMinutes'] as const) {
    if (fields[key] !== undefined && typeof fields[key] !== 'number') {
      return err(`--fleet-config ${path}: ${key} must be a number`);
    }
  }
  return ok(fields as FleetOptions);
}

import { err, ok, type Result } from '../../../core/pure/result';
import { DEFAULT_HEARTBEAT_INTERVAL_SECONDS, HeartbeatInterval } from '../../contract/fleet';
import { DEFAULT_ALARM_CONFIG, parseAlarmConfig, type AlarmConfig } from './alarms';

/** The fleet's settings: the alarm thresholds, the heartbeat interval kiosks are told, command lifetime. */
export interface FleetSettings {
  readonly alarms: AlarmConfig;
  /** Sent in every heartbeat answer; the alarm engine counts missed heartbeats in it. */
  readonly heartbeatIntervalSeconds: number;
  /** A command not collected by then is answered `expired` by the kiosk (15 minutes: a few heartbeats). */
  readonly commandLifetimeMinutes: number;
}

/** What a deployment may set; unset fields take the defaults. `alarms` is checked by parseAlarmConfig. */
export interface FleetOptions {
  readonly alarms?: unknown;
  readonly heartbeatIntervalSeconds?: number;
  readonly commandLifetimeMinutes?: number;
}

export const DEFAULT_FLEET_SETTINGS: FleetSettings = {
  alarms: DEFAULT_ALARM_CONFIG,
  heartbeatIntervalSeconds: DEFAULT_HEARTBEAT_INTERVAL_SECONDS,
  commandLifetimeMinutes: 15,
};

/** Refuses settings the platform should not start with; one sentence per problem. */
export function resolveFleetSettings(options: FleetOptions = {}): Result<FleetSettings, readonly string[]> {
  const problems: string[] = [];
  const alarms = parseAlarmConfig(options.alarms ?? {});
  if (!alarms.ok) problems.push(...alarms.error.problems.map((problem) => `fleet.alarms.${problem}`));
  const interval = options.heartbeatIntervalSeconds ?? DEFAULT_FLEET_SETTINGS.heartbeatIntervalSeconds;
  if (!HeartbeatInterval.safeParse(interval).success) {
    problems.push(`fleet.heartbeatIntervalSeconds: ${interval} is not allowed; allowed: 10 to 3600`);
  }
  const lifetime = options.commandLifetimeMinutes ?? DEFAULT_FLEET_SETTINGS.commandLifetimeMinutes;
  if (!Number.isInteger(lifetime) || lifetime < 1 || lifetime > 24 * 60) {
    problems.push(`fleet.commandLifetimeMinutes: ${lifetime} is not allowed; allowed: 1 to 1440`);
  }
  if (problems.length > 0 || !alarms.ok) return err(problems);
  return ok({ alarms: alarms.value, heartbeatIntervalSeconds: interval, commandLifetimeMinutes: lifetime });
}

import { z } from 'zod';
import { err, ok, type Result } from '../../../../core/pure/result';

/**
 * The thresholds of the fleet alarm rules, with the defaults a county starts from and, beside
 * each, why it is that. Every duration is in the unit its name says.
 */
export const AlarmConfig = z
  .object({
    /** What a kiosk that does not say its own interval is assumed to send: the kiosk default. */
    defaultHeartbeatIntervalSeconds: z.number().int().min(5).max(3600).default(60),
    /** One lost heartbeat is a dropped packet, two a slow network; three in a row is a kiosk we cannot see. */
    offlineAfterMissedHeartbeats: z.number().int().min(2).max(100).default(3),
    /** Silent a whole week: switched off, stolen or disconnected, no longer just "offline". */
    missingAfterDays: z.number().min(1).max(365).default(7),
    /** Below this many days of paper left, someone has to bring a roll on the next visit. */
    paperLowBelowDays: z.number().min(0).max(60).default(3),
    /** More items waiting than a busy day at a station produces between two deliveries. */
    outboxBacklogAboveItems: z.number().int().min(1).max(100_000).default(50),
    /** An item still undelivered after this long while the kiosk can reach us is stuck, not slow. */
    outboxBacklogOldestAboveMinutes: z
      .number()
      .min(1)
      .max(7 * 24 * 60)
      .default(30),
    /** A catalog not confirmed current for a day may show residents a withdrawn matter or guide. */
    catalogStaleAfterHours: z
      .number()
      .min(1)
      .max(24 * 60)
      .default(24),
    flapping: z
      .object({
        /** More condition changes than this within the window is flapping. */
        moreThanChanges: z.number().int().min(2).max(1000).default(5),
        /** The window, and how long a flapping rule must stay still before its alarm ends. */
        withinMinutes: z
          .number()
          .min(1)
          .max(24 * 60)
          .default(30),
      })
      .strict()
      .default({ moreThanChanges: 5, withinMinutes: 30 }),
  })
  .strict()
  .refine(
    (config) =>
      config.missingAfterDays * 86_400 > config.offlineAfterMissedHeartbeats * config.defaultHeartbeatIntervalSeconds,
    {
      path: ['missingAfterDays'],
      message: 'must be longer than offlineAfterMissedHeartbeats × defaultHeartbeatIntervalSeconds',
    },
  );
export type AlarmConfig = z.infer<typeof AlarmConfig>;

export const DEFAULT_ALARM_CONFIG: AlarmConfig = AlarmConfig.parse({});

export interface AlarmConfigProblem {
  readonly code: 'invalidAlarmConfig';
  /** One sentence per problem: `field: value is not allowed; …`. */
  readonly problems: readonly string[];
}

/** Validates thresholds from the platform's configuration; absent fields take their defaults. */
export function parseAlarmConfig(input: unknown): Result<AlarmConfig, AlarmConfigProblem> {
  const parsed = AlarmConfig.safeParse(input ?? {});
  if (parsed.success) return ok(parsed.data);
  return err({ code: 'invalidAlarmConfig', problems: parsed.error.issues.map((issue) => describe(issue, input)) });
}

function describe(issue: z.core.$ZodIssue, input: unknown): string {
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '(the alarm settings)';
  const found = valueAt(input, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return `${field === '(the alarm settings)' ? '' : `${field}.`}${issue.keys.join(', ')}: not a known alarm setting (check the spelling)`;
    case 'invalid_type':
      return `${field}: ${show(found)} is not allowed; expected a ${issue.expected}`;
    case 'too_small':
      return `${field}: ${show(found)} is too small; allowed: at least ${String(issue.minimum)}`;
    case 'too_big':
      return `${field}: ${show(found)} is too big; allowed: at most ${String(issue.maximum)}`;
    default:
      return `${field}: ${show(found)} ${issue.message}`;
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

import { describe, expect, it } from 'vitest';
import { DEFAULT_ALARM_CONFIG, parseAlarmConfig } from './config';

describe('alarm thresholds', () => {
  it('default to the documented values', () => {
    expect(DEFAULT_ALARM_CONFIG).toEqual({
      defaultHeartbeatIntervalSeconds: 60,
      offlineAfterMissedHeartbeats: 3,
      missingAfterDays: 7,
      paperLowBelowDays: 3,
      outboxBacklogAboveItems: 50,
      outboxBacklogOldestAboveMinutes: 30,
      catalogStaleAfterHours: 24,
      flapping: { moreThanChanges: 5, withinMinutes: 30 },
    });
    expect(parseAlarmConfig(undefined)).toEqual({ ok: true, value: DEFAULT_ALARM_CONFIG });
  });

  it('take what is given and default the rest, nested ones too', () => {
    const parsed = parseAlarmConfig({ paperLowBelowDays: 5, flapping: { withinMinutes: 60 } });
    expect(parsed).toEqual({
      ok: true,
      value: { ...DEFAULT_ALARM_CONFIG, paperLowBelowDays: 5, flapping: { moreThanChanges: 5, withinMinutes: 60 } },
    });
  });

  it('explain each bad value with its field, what was found and what is allowed', () => {
    const parsed = parseAlarmConfig({
      paperLowBelowDays: -1,
      offlineAfterMissedHeartbeats: 'three',
      flapping: { moreThanChanges: 1 },
      catalogStaleAfterHours: 100_000,
    });
    expect(parsed).toEqual({
      ok: false,
      error: {
        code: 'invalidAlarmConfig',
        problems: [
          'offlineAfterMissedHeartbeats: "three" is not allowed; expected a number',
          'paperLowBelowDays: -1 is too small; allowed: at least 0',
          'catalogStaleAfterHours: 100000 is too big; allowed: at most 1440',
          'flapping.moreThanChanges: 1 is too small; allowed: at least 2',
        ],
      },
    });
  });

  it('name a misspelt setting instead of ignoring it', () => {
    expect(parseAlarmConfig({ paperLowBelowDay: 2 })).toEqual({
      ok: false,
      error: {
        code: 'invalidAlarmConfig',
        problems: ['paperLowBelowDay: not a known alarm setting (check the spelling)'],
      },
    });
  });

  it('refuse a "missing" that would come before "offline"', () => {
    const parsed = parseAlarmConfig({
      missingAfterDays: 1,
      defaultHeartbeatIntervalSeconds: 3600,
      offlineAfterMissedHeartbeats: 24,
    });
    expect(parsed).toEqual({
      ok: false,
      error: {
        code: 'invalidAlarmConfig',
        problems: [
          'missingAfterDays: 1 must be longer than offlineAfterMissedHeartbeats × defaultHeartbeatIntervalSeconds',
        ],
      },
    });
  });
});

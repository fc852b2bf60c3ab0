import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKioskConfig } from './load';
import { parseWeekdayLabel, weeklyStaffedHours } from './station-days';

const DEFAULT = join(import.meta.dirname, 'default.json');
type Config = Record<string, Record<string, unknown>>;
const defaults = () => JSON.parse(readFileSync(DEFAULT, 'utf8')) as Config;

function parse(change: (config: Config) => void) {
  const config = defaults();
  change(config);
  return parseKioskConfig(JSON.stringify(config), '/etc/kiosk.json');
}
const problemsFor = (change: (config: Config) => void): string[] => {
  const result = parse(change);
  if (result.ok) throw new Error('expected the config to be refused');
  return [...result.error.problems];
};

describe('the station’s hours and the journeys that need staff', () => {
  it('reads the weekdays stations write on their door', () => {
    expect(parseWeekdayLabel('周一至周五')).toEqual([1, 2, 3, 4, 5]);
    expect(parseWeekdayLabel('周六')).toEqual([6]);
    expect(parseWeekdayLabel('周六、周日')).toEqual([6, 7]);
    expect(parseWeekdayLabel('星期一 到 星期五，周天')).toEqual([1, 2, 3, 4, 5, 7]);
    expect(parseWeekdayLabel('每天')).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(parseWeekdayLabel('工作日')).toEqual([1, 2, 3, 4, 5]);
    expect(parseWeekdayLabel('周末')).toEqual([6, 7]);
    expect(parseWeekdayLabel('周五至周一')).toBeNull();
    expect(parseWeekdayLabel('逢集日')).toBeNull();
  });

  it('turns the sample station’s hours into minutes per weekday', () => {
    const result = parse(() => undefined);
    if (!result.ok) throw new Error(result.error.problems.join('\n'));
    expect(weeklyStaffedHours(result.value.config.station.staffedHours)).toEqual([
      { days: [1, 2, 3, 4, 5], opens: 510, closes: 720 },
      { days: [1, 2, 3, 4, 5], opens: 810, closes: 1050 },
      { days: [6], opens: 540, closes: 720 },
    ]);
  });

  it('defaults to China Standard Time and to ticket, check-in and agent needing staff', () => {
    const result = parse((c) => {
      delete c['station']!['timeZone'];
      delete c['station']!['staffedJourneys'];
    });
    if (!result.ok) throw new Error(result.error.problems.join('\n'));
    expect(result.value.config.station.timeZone).toBe('Asia/Shanghai');
    expect(result.value.config.station.staffedJourneys).toEqual(['ticket', 'appointmentCheckIn', 'agentAtStation']);
  });

  it('refuses days it cannot read, hours that close before they open, an unknown zone and journey', () => {
    expect(
      problemsFor((c) => {
        c['station']!['staffedHours'] = [
          { days: '逢集日', open: '08:00', close: '12:00' },
          { days: '周六', open: '14:00', close: '09:00' },
        ];
        c['station']!['timeZone'] = 'Beijing';
        c['station']!['staffedJourneys'] = ['ticket', 'homeVisit'];
      }),
    ).toEqual([
      'station.staffedHours[0].days: "逢集日" is not allowed; name the weekdays as 周一至周五, 周六, 周六、周日, 每天 or 工作日',
      'station.staffedHours[1].close: "09:00" is not allowed; close must be after open',
      'station.staffedJourneys[1]: "homeVisit" is not allowed; allowed: "ticket", "appointmentCheckIn", "agentAtStation"',
      'station.timeZone: "Beijing" is not allowed; an IANA time zone such as Asia/Shanghai',
    ]);
  });
});

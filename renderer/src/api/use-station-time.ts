import { useMemo } from 'react';
import { useNow } from '../chrome/use-now';
import { relativeDay } from '../format/relative-day';
import {
  dayAfter,
  formatClock,
  formatDateTimeNumeric,
  formatDay,
  formatDayTime,
  stationWallTime,
  todayIn,
} from '../format/station-time';
import { useT } from '../i18n/use-t';
import { useKioskInfo } from './kiosk-info-context';

/**
 * The station's clock for the screens: its zone from the station config (kiosk.info) and the
 * kiosk's own clock (the machine's on a station; a development kiosk started with KIOSK_CLOCK runs
 * `clockOffsetMs` away from it, and the screens follow core). Formatting bound to the visit's
 * language, so a screen writes `time.clock(ticket.issuedAt)` and cannot use the host's zone.
 */
export interface StationTime {
  readonly zone: string;
  /** The kiosk's clock now. */
  readonly now: () => Date;
  readonly today: () => string;
  readonly dayAfter: (days: number) => string;
  readonly wallTime: (at: Date) => ReturnType<typeof stationWallTime>;
  readonly clock: (at: Date | string) => string;
  readonly day: (isoDate: string) => string;
  readonly dayTime: (at: Date | string) => string;
  readonly dateTimeNumeric: (at: Date | string) => string;
  /** 今天 13:30, 明天（周一）08:30, 10月8日（周四）08:30: when something happens, from now. */
  readonly when: (at: string) => string;
}

export function useStationTime(): StationTime {
  const { station, clockOffsetMs } = useKioskInfo();
  const { t, i18n } = useT();
  const locale = i18n.language;
  const zone = station.timeZone;
  return useMemo(() => {
    const now = () => new Date(Date.now() + clockOffsetMs);
    return {
      zone,
      now,
      today: () => todayIn(now(), zone),
      dayAfter: (days) => dayAfter(now(), days, zone),
      wallTime: (at) => stationWallTime(at, zone),
      clock: (at) => formatClock(at, locale, zone),
      day: (isoDate) => formatDay(isoDate, locale),
      dayTime: (at) => formatDayTime(at, locale, zone),
      dateTimeNumeric: (at) => formatDateTimeNumeric(at, locale, zone),
      when: (at) => {
        const day = relativeDay(at, now(), locale, zone);
        return t(`common:when.${day.kind}`, day);
      },
    };
  }, [zone, clockOffsetMs, locale, t]);
}

/** The kiosk's clock, renewed every `everyMs`: for the header clock and anything that counts from now. */
export function useStationNow(everyMs: number): Date {
  const { clockOffsetMs } = useKioskInfo();
  const machine = useNow(everyMs);
  return new Date(machine.getTime() + clockOffsetMs);
}

/** `16:05` on the station's clocks (`zone`, KioskInfo.station.timeZone), whatever the host's zone. */
export function formatClock(iso: string, locale: string, zone: string): string {
  return new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone,
  }).format(new Date(iso));
}

/** `11-21 16:05`-style date and time on the station's clocks, as the locale writes it. */
export function formatDateTime(iso: string, locale: string, zone: string): string {
  return new Intl.DateTimeFormat(locale, {
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone,
  }).format(new Date(iso));
}

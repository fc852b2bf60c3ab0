/**
 * How the console writes 视频帮办 figures (statistics page and kiosk page): short call times in
 * seconds, longer ones in minutes; loss with one decimal; RTT and bitrates whole. Null (nothing
 * measured) is null here; the page shows a dash.
 */

export type CallTime = { readonly unit: 'seconds' | 'minutes' | 'hours'; readonly value: string };

/** 1.5 s stays 1.5 s (set-up times), 35 s is 35 s, 210 s is 3.5 min, 2 h is 2.0 h. */
export function callTime(seconds: number | null): CallTime | null {
  if (seconds === null) return null;
  if (seconds < 10) return { unit: 'seconds', value: seconds.toFixed(1) };
  if (seconds < 120) return { unit: 'seconds', value: String(Math.round(seconds)) };
  if (seconds < 3600) return { unit: 'minutes', value: (seconds / 60).toFixed(1) };
  return { unit: 'hours', value: (seconds / 3600).toFixed(1) };
}

/** The words of each unit ({{value}}), in the statistics namespace. */
export const CALL_TIME_WORDS = {
  seconds: 'statistics:video.seconds',
  minutes: 'statistics:minutes',
  hours: 'statistics:hours',
} as const satisfies Record<CallTime['unit'], string>;

/** Packet loss, already a percentage: one decimal. */
export function lossPercent(pct: number | null): string | null {
  return pct === null ? null : `${pct.toFixed(1)} %`;
}

/** A share 0…1 as a whole-ish percentage with one decimal, rounded to nearest (not an uptime). */
export function sharePercent(share: number | null): string | null {
  return share === null ? null : `${(Math.round(share * 1000) / 10).toFixed(1)} %`;
}

/** Milliseconds or kbps: whole numbers. */
export function whole(value: number | null): string | null {
  return value === null ? null : String(Math.round(value));
}

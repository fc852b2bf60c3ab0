/** How long the booking slip or the check-in ticket stays up before the kiosk goes home. */
export const SLIP_SHOWN_MS = 45_000;
/** Longer when it is only on screen: the resident has to write it down or photograph it. */
export const SLIP_ON_SCREEN_MS = 75_000;

/** How long a slip or ticket stays up, by where it went. */
export function slipShownMs(output: 'paper' | 'screen' | undefined): number {
  return output === 'screen' ? SLIP_ON_SCREEN_MS : SLIP_SHOWN_MS;
}

export type AppointmentProblem = 'unavailable' | 'failed' | 'slotFull' | 'notActive' | 'notToday' | 'notStaffed';

type Failure = { readonly code: string };

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: Failure };

/** A failed call as the resident hears it: the platform is needed, or it just did not work. */
export function problemOf(error: Failure): AppointmentProblem {
  if (error.code === 'platformUnavailable' || error.code === 'transport') return 'unavailable';
  if (error.code === 'slotFull') return 'slotFull';
  if (error.code === 'appointmentNotActive') return 'notActive';
  if (error.code === 'notToday') return 'notToday';
  if (error.code === 'notStaffed') return 'notStaffed';
  return 'failed';
}

/** The problem an invoked call's done or error event carries; 'failed' when it threw. */
export function problemOfEvent(event: unknown): AppointmentProblem {
  const output = (event as { output?: Outcome<unknown> }).output;
  return output && !output.ok ? problemOf(output.error) : 'failed';
}

import type { KioskState } from '../../../contract/console/fleet-views';

/** The badge colours, read from the console stylesheet (--state-<name>) so canvas and CSS agree. */
export function stateColour(state: KioskState): string {
  return getComputedStyle(document.documentElement).getPropertyValue(`--state-${state}`).trim() || '#4a5568';
}

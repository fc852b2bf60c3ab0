/** Default window: a button box's contacts chatter for a few ms; nobody rates twice in 150 ms. */
export const DEFAULT_DEBOUNCE_MS = 150;

export interface Debouncer {
  /** True when this press of `key` counts; false when it is bounce or repeat of the previous one. */
  accept(key: string): boolean;
  reset(): void;
}

/**
 * Presses of the same key closer than `windowMs` to the previous press of that key are one press.
 * The window is measured from the last press seen (counted or not), so a chattering or
 * auto-repeating key stays one press for as long as it keeps reporting.
 */
export function createDebouncer(windowMs: number, now: () => number = Date.now): Debouncer {
  const lastSeen = new Map<string, number>();
  return {
    accept(key) {
      const at = now();
      const previous = lastSeen.get(key);
      lastSeen.set(key, at);
      return previous === undefined || at - previous >= windowMs;
    },
    reset() {
      lastSeen.clear();
    },
  };
}

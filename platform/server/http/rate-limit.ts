/**
 * Per-terminal request budget in fixed one-minute windows. Coarse on purpose: it protects the
 * platform from a kiosk stuck in a retry loop, it is not a fairness scheduler.
 */
export class FixedWindowRateLimiter {
  private readonly windows = new Map<string, { window: number; count: number }>();

  constructor(private readonly perMinute: number) {}

  /** Counts a request; answers how long to wait when the budget is spent. */
  take(
    key: string,
    now: Date,
  ): { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number } {
    const window = Math.floor(now.getTime() / 60_000);
    const entry = this.windows.get(key);
    if (!entry || entry.window !== window) {
      this.windows.set(key, { window, count: 1 });
      return { allowed: true };
    }
    entry.count += 1;
    if (entry.count <= this.perMinute) return { allowed: true };
    const retryAfterSeconds = Math.max(1, Math.ceil(((window + 1) * 60_000 - now.getTime()) / 1000));
    return { allowed: false, retryAfterSeconds };
  }
}

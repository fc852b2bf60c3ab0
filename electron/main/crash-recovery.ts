/**
 * What to do when the renderer process is gone. Electron never recreates a dead renderer: the
 * window stays up, blank, for as long as nobody acts (docs/reliability.md §1.5 "Renderer death": 12-16 h
 * of black screen in the field). We reload, but a page that keeps dying must not reload forever,
 * so reloads are budgeted (P3: at most 3 in any 10 minutes, as MiqroForge#1035) and the next death
 * inside the window puts the kiosk out of service until it is restarted.
 */

export type CrashDecision = 'reload' | 'outOfService' | 'ignore';

export interface CrashBudgetOptions {
  readonly maxReloads: number;
  readonly windowMs: number;
  readonly now: () => number;
}

export interface CrashBudget {
  /** `reason` is RenderProcessGoneDetails.reason. */
  onRendererGone(reason: string): CrashDecision;
  /** From `before-quit` on, renderers exit because we close them. */
  markQuitting(): void;
  /** Reloads counted in the current window; for logs and the out-of-service page. */
  reloadsInWindow(): number;
}

export const DEFAULT_CRASH_BUDGET = { maxReloads: 3, windowMs: 10 * 60_000 } as const;

export function createCrashBudget(options: CrashBudgetOptions): CrashBudget {
  const reloads: number[] = [];
  let quitting = false;
  let outOfService = false;

  const prune = (now: number) => {
    while (reloads.length > 0 && (reloads[0] ?? now) <= now - options.windowMs) reloads.shift();
  };

  return {
    onRendererGone(_reason) {
      // While quitting every renderer goes, cleanly or not; there is nothing left to recover.
      // Outside quitting even a `clean-exit` is unexpected: the page is blank all the same.
      if (quitting) return 'ignore';
      // Out of service is final until a restart: no more reloads of the app.
      if (outOfService) return 'outOfService';
      const now = options.now();
      prune(now);
      if (reloads.length >= options.maxReloads) {
        outOfService = true;
        return 'outOfService';
      }
      reloads.push(now);
      return 'reload';
    },
    markQuitting() {
      quitting = true;
    },
    reloadsInWindow() {
      prune(options.now());
      return reloads.length;
    },
  };
}

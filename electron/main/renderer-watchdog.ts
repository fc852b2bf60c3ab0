import type { App, BrowserWindow } from 'electron';
import type { Logger } from '../../core/logging/logger';
import type { CrashBudget } from './crash-recovery';

/**
 * How long the renderer may stay unresponsive (after Chromium's own hang detection fired) before
 * we treat it as dead. Long enough for a slow page to finish a heavy task, short enough that a
 * resident does not walk away from a frozen screen.
 */
export const UNRESPONSIVE_GRACE_MS = 10_000;

export interface RendererWatchOptions {
  readonly window: BrowserWindow;
  readonly budget: CrashBudget;
  readonly logger: Logger;
  /** Budget allowed a reload: load the page the window should be showing again. */
  readonly reload: () => void;
  /** Budget exhausted. */
  readonly outOfService: () => void;
  readonly unresponsiveGraceMs?: number;
}

/**
 * Turns renderer deaths and hangs into decisions of the crash budget (docs/reliability.md §7.1 and §1.5
 * "Freezes": detect an unresponsive renderer as well as a dead one). A hang that outlasts the grace
 * period is ended with `forcefullyCrashRenderer()`, which emits `render-process-gone`, so a hang
 * and a crash are counted by the same budget in one place.
 */
export function watchRenderer(options: RendererWatchOptions): void {
  const { window, budget, logger } = options;
  const graceMs = options.unresponsiveGraceMs ?? UNRESPONSIVE_GRACE_MS;
  let hangTimer: ReturnType<typeof setTimeout> | null = null;
  const clearHangTimer = () => {
    if (hangTimer) clearTimeout(hangTimer);
    hangTimer = null;
  };

  window.webContents.on('render-process-gone', (_event, details) => {
    clearHangTimer();
    const decision = budget.onRendererGone(details.reason);
    const fields = { reason: details.reason, exitCode: details.exitCode, decision };
    if (decision === 'ignore') {
      logger.info(fields, 'renderer exited while quitting');
      return;
    }
    logger.error(fields, 'renderer process gone');
    if (decision === 'reload') options.reload();
    else options.outOfService();
  });

  window.on('unresponsive', () => {
    logger.warn({ graceMs }, 'renderer unresponsive');
    if (hangTimer) return;
    hangTimer = setTimeout(() => {
      hangTimer = null;
      if (window.isDestroyed()) return;
      logger.error({ graceMs }, 'renderer still unresponsive; crashing it to recover');
      window.webContents.forcefullyCrashRenderer();
    }, graceMs);
  });

  window.on('responsive', () => {
    if (!hangTimer) return;
    clearHangTimer();
    logger.info('renderer responsive again');
  });

  window.on('closed', clearHangTimer);
}

/**
 * GPU process crashes show as black or white screens and, repeated, make Chromium give up on the
 * GPU (docs/reliability.md §1.5 "GPU"); log every child process that goes, GPU ones as errors.
 */
export function watchChildProcesses(app: Pick<App, 'on'>, logger: Logger): void {
  app.on('child-process-gone', (_event, details) => {
    const fields = { type: details.type, reason: details.reason, exitCode: details.exitCode, name: details.name };
    if (details.type === 'GPU') logger.error(fields, 'GPU process gone');
    else if (details.reason !== 'clean-exit') logger.warn(fields, 'child process gone');
  });
}

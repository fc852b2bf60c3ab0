import type { Logger } from '../../logging/logger';

export type RaisedLevel = 'debug' | 'trace';

/**
 * Raises the kiosk logger's level for a while, then puts back the level it had. Held in memory
 * only: a restart starts at the configured level (kiosk-config `logging.level`), whatever was
 * raised before. A second raise replaces the first (its level and its end).
 * Child loggers follow the root's level (pino ≥ 7, unless a child set its own), so every
 * component's lines follow too; core/logging/logger.ts lets every stream take any level, so the
 * logger's own level is the one filter.
 */
export interface LogLevelRaiser {
  raise(level: RaisedLevel, minutes: number): { until: Date };
  /** Back to the configured level now (stop, tests). */
  restore(): void;
}

export function createLogLevelRaiser(deps: {
  readonly logger: Pick<Logger, 'level' | 'info'>;
  readonly now: () => Date;
  readonly setTimer?: (run: () => void, ms: number) => { cancel(): void };
}): LogLevelRaiser {
  const setTimer =
    deps.setTimer ??
    ((run, ms) => {
      const timer = setTimeout(run, ms);
      timer.unref();
      return { cancel: () => clearTimeout(timer) };
    });
  let raised: { readonly configured: string; readonly timer: { cancel(): void } } | null = null;
  const restore = () => {
    if (!raised) return;
    raised.timer.cancel();
    deps.logger.level = raised.configured;
    raised = null;
    deps.logger.info({ level: deps.logger.level }, 'log level back to the configured one');
  };
  return {
    raise(level, minutes) {
      const configured = raised?.configured ?? deps.logger.level;
      raised?.timer.cancel();
      const until = new Date(deps.now().getTime() + minutes * 60_000);
      raised = { configured, timer: setTimer(restore, minutes * 60_000) };
      deps.logger.level = level;
      deps.logger.info({ level, until: until.toISOString() }, 'log level raised by a remote command');
      return { until };
    },
    restore,
  };
}

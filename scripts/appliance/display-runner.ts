import type { Logger } from '../../core/logging/logger';
import { watchKioskUrl, type KioskUrlWatchDeps, type KioskUrlWatchOptions } from './kiosk-url-watch';

/**
 * Inside cage: shows the kiosk's URL in a browser for as long as the service serves it. A new URL
 * (the service started again, with a new launch key) replaces the browser; a URL that is gone stops
 * it (its page is dead); no URL for the wait limit ends the launcher with EXIT_UNAVAILABLE, so
 * systemd starts the display again and the journal shows the kiosk has no screen.
 */
export interface ShownBrowser {
  stop(): Promise<void>;
}

export interface DisplayRunnerOptions {
  readonly watch: KioskUrlWatchOptions;
  readonly watchDeps?: KioskUrlWatchDeps;
  readonly startBrowser: (url: string) => ShownBrowser;
  readonly logger: Logger;
  readonly exit: (code: number) => void;
}

/** sysexits.h EX_UNAVAILABLE: the service the display shows is not there. */
export const EXIT_UNAVAILABLE = 69;

export function runDisplay(options: DisplayRunnerOptions): { stop(): Promise<void> } {
  const { logger, startBrowser, exit } = options;
  const log = logger.child({ component: 'display' });
  let browser: ShownBrowser | null = null;
  // Browser changes one after the other: a stop finishes before the next start.
  let queue: Promise<void> = Promise.resolve();
  const then = (step: () => Promise<void> | void) => {
    queue = queue.then(step).catch((error: unknown) => log.error({ err: error }, 'display step failed'));
    return queue;
  };
  const stopBrowser = async () => {
    const running = browser;
    browser = null;
    await running?.stop();
  };
  const file = options.watch.file;

  const watch = watchKioskUrl(
    options.watch,
    {
      show(url) {
        void then(async () => {
          const replacing = browser !== null;
          await stopBrowser();
          // The URL carries the launch key: the log gets the origin only.
          log.info(
            { origin: new URL(url).origin },
            replacing
              ? '信息亭服务已重新启动，正在载入新地址 / the kiosk service started again: showing its new URL'
              : '信息亭服务已就绪，正在显示 / the kiosk service is ready: showing it',
          );
          browser = startBrowser(url);
        });
      },
      gone() {
        void then(async () => {
          log.warn(
            { file },
            '信息亭服务已停止，等待其重新启动 / the kiosk service stopped: waiting for it to start again',
          );
          await stopBrowser();
        });
      },
      waiting(waitedMs, content) {
        log.warn(
          { file, waitedS: Math.round(waitedMs / 1000), content },
          content === 'absent'
            ? `正在等待信息亭服务就绪 / waiting for the kiosk service to be ready (no ${file} yet)`
            : `正在等待信息亭服务就绪 / waiting for the kiosk service to be ready (${file} holds no kiosk URL)`,
        );
      },
      gaveUp(waitedMs) {
        void then(async () => {
          log.error(
            { file, waitedS: Math.round(waitedMs / 1000) },
            `信息亭服务未就绪，显示将重新启动 / the kiosk service was not ready in ${Math.round(waitedMs / 1000)} s: ` +
              'ending the display so systemd starts it again (see journalctl -u bianmin-kiosk)',
          );
          await stopBrowser();
          exit(EXIT_UNAVAILABLE);
        });
      },
    },
    options.watchDeps,
  );

  return {
    async stop() {
      watch.stop();
      await then(stopBrowser);
    },
  };
}

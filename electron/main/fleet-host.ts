import type { App, WebContents } from 'electron';
import type { ScreenCapture } from '../../core/fleet/commands';
import type { Logger } from '../../core/logging/logger';
import { err, ok } from '../../core/pure/result';

/**
 * The Electron host's parts of the county console's remote commands (core/fleet/commands): a
 * screenshot is the kiosk window's own page, taken by Electron with no picker and no page code
 * (webContents.capturePage); a restart stops the kiosk in order and starts a new Electron.
 */

/**
 * The window's page as PNG. Core asks only with no resident session; it is the page as shown, so
 * whatever screen it is on is what the console gets (the shell shows attract between visits).
 */
export function webContentsScreenCapture(
  contents: () => Pick<WebContents, 'capturePage' | 'isDestroyed'> | null,
): ScreenCapture {
  return {
    async capture() {
      const live = contents();
      if (!live || live.isDestroyed()) return err('noAnswer');
      try {
        const image = await live.capturePage();
        // An empty image is what Electron gives for a window not shown yet or a lost renderer.
        if (image.isEmpty()) return err('captureFailed');
        return ok(new Uint8Array(image.toPNG()));
      } catch {
        return err('captureFailed');
      }
    },
  };
}

/**
 * `fleet.restart` for Electron: runs once the command's answer is durably enqueued (core's runner
 * says so); the store is closed first, as on any quit, then Electron starts itself again
 * (app.relaunch) and this one exits 0. The second call of a restart already on its way does nothing.
 */
export function relaunchAfterStop(deps: {
  readonly app: Pick<App, 'relaunch' | 'exit'>;
  readonly stop: () => Promise<void>;
  readonly logger: Pick<Logger, 'info'>;
}): () => void {
  let restarting = false;
  return () => {
    if (restarting) return;
    restarting = true;
    deps.logger.info({}, 'restarting by a remote command: stopping in order, then relaunching');
    void deps.stop().finally(() => {
      deps.app.relaunch();
      deps.app.exit(0);
    });
  };
}

import { randomBytes } from 'node:crypto';
import type { ScreenshotAnswer, ScreenshotRequest } from '../../api/service-state';
import { err, ok, type Result } from '../../pure/result';
import { pngSize } from './png';

export type CaptureFailure = 'noAnswer' | 'notAttract' | 'captureFailed' | 'notPng';

/**
 * How the host takes a picture of the kiosk screen: Electron's webContents.capturePage(), or in
 * the browser host the page capturing its own tab (renderer/src/host/screenshot-responder.ts).
 * Whoever calls it has made sure no resident session is active; the page shows the attract screen
 * before it captures and says `notAttract` if it cannot.
 */
export interface ScreenCapture {
  capture(): Promise<Result<Uint8Array, CaptureFailure>>;
}

export interface PageScreenCapture extends ScreenCapture {
  /** The `host.screenshotTaken` handler's work: the first answer to a pending request wins. */
  answer(answer: ScreenshotAnswer): void;
}

/**
 * The browser host's capture: core asks the page over the API socket (`screenshot.requested`) and
 * waits for its PNG. No page connected, or one that does not answer in time, is `noAnswer`.
 */
export function createPageScreenCapture(deps: {
  readonly request: (request: ScreenshotRequest) => void;
  readonly timeoutMs: number;
}): PageScreenCapture {
  const pending = new Map<string, (answer: ScreenshotAnswer | null) => void>();
  return {
    async capture() {
      const requestId = randomBytes(8).toString('hex');
      const answered = new Promise<ScreenshotAnswer | null>((resolve) => {
        const timer = setTimeout(() => settle(null), deps.timeoutMs);
        const settle = (answer: ScreenshotAnswer | null) => {
          clearTimeout(timer);
          pending.delete(requestId);
          resolve(answer);
        };
        pending.set(requestId, settle);
      });
      deps.request({ requestId });
      const answer = await answered;
      if (!answer) return err('noAnswer');
      if (answer.outcome !== 'captured') return err(answer.outcome);
      const png = new Uint8Array(Buffer.from(answer.pngBase64, 'base64'));
      return pngSize(png) ? ok(png) : err('notPng');
    },
    answer(answer) {
      pending.get(answer.requestId)?.(answer);
    },
  };
}

import { chromium, type Browser, type Page } from '@playwright/test';
import config from '../../../playwright.config';

/**
 * Chromium with the document camera emulated: the fake capture device loops `videoPath` (a Y4M
 * clip, scripts/camera/write-fake-document-video.ts) and the permission prompt is answered
 * "allow", as the kiosk's own browser host does for its origin. The other flags are the ones
 * every e2e test runs with (playwright.config.ts), so this browser differs only in its camera.
 */
export async function launchWithFakeCamera(videoPath: string): Promise<Browser> {
  const defaults = config.use?.launchOptions ?? {};
  return chromium.launch({
    ...defaults,
    args: [
      ...(defaults.args ?? []),
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${videoPath}`,
      '--use-fake-ui-for-media-stream',
    ],
  });
}

/** One API call over the page's own WebSocket, as the renderer makes it. */
export async function callKioskApi(page: Page, method: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    async ({ method, input }) => {
      const ws = new WebSocket(`ws://${location.host}/api`);
      await new Promise((resolve) => ws.addEventListener('open', resolve, { once: true }));
      const answer = new Promise<unknown>((resolve) =>
        ws.addEventListener('message', (event) => {
          const message = JSON.parse(String(event.data)) as { type: string; id?: number; response?: unknown };
          if (message.type === 'result' && message.id === 1) resolve(message.response);
        }),
      );
      ws.send(JSON.stringify({ type: 'call', id: 1, method, input }));
      const response = await answer;
      ws.close();
      return response;
    },
    { method, input },
  );
}

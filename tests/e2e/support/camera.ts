import { chromium, type Browser } from '@playwright/test';
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

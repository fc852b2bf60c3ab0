import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { withFragmentPart } from '../../core/api/launch-key';
import { ensureFakeDocumentVideo, FAKE_VIDEO } from '../../scripts/camera/write-fake-document-video';
import { launchWithFakeCamera } from './support/camera';
import { callKioskApi } from './support/api';
import { startKiosk, writeTestConfig } from './support/kiosk-process';
import { LANDSCAPE, saveScreenshot } from './support/screens';

/**
 * The document camera (高拍仪) end to end: the kiosk as `npm start` runs it (KIOSK_DEV=1 for the
 * `#camera-harness` page), Chromium's fake capture device playing a clip of a page on a desk.
 * The page is found, the first shot is taken by auto-capture (steady and sharp ~1 s), the second
 * with 拍照 (auto-capture re-arms only when the page moves, and the clip holds still), 完成 hands
 * a two-page PDF to core, and the device manager knows the camera streams.
 */
test('the document camera finds the page, takes two shots and stages one PDF', async () => {
  const testInfo = test.info();
  const config = writeTestConfig();
  const video = ensureFakeDocumentVideo(join(config.dir, 'camera'));
  const kiosk = await startKiosk(config.path, { KIOSK_DEV: '1' });
  const browser = await launchWithFakeCamera(video);
  try {
    const page = await (await browser.newContext({ viewport: LANDSCAPE })).newPage();
    await page.goto(withFragmentPart(kiosk.url, 'camera-harness'));
    await expect(page.getByTestId('camera-harness')).toBeVisible();
    await expect(page.getByTestId('camera-unavailable')).toHaveCount(0);

    // The preview has found the page (outline drawn over the video).
    const guidance = page.getByTestId('camera-guidance');
    await expect(guidance).toHaveAttribute('data-guidance', /^(found|capturing)$/);
    const thumbnails = page.getByTestId('page-thumbnail');

    // Page 1: nobody touches anything; auto-capture takes it.
    await expect(thumbnails).toHaveCount(1);
    await expect(page.getByTestId('camera-retake')).toHaveCount(0);

    // Page 2: the 拍照 button (enabled again once page 1 is encoded).
    await page.getByTestId('camera-shoot').click();
    await expect(thumbnails).toHaveCount(2);
    await expect(page.getByTestId('camera-retake')).toHaveCount(0);
    await expect(page.getByTestId('page-count')).toContainText('2');
    await expect(guidance).toHaveAttribute('data-guidance', 'found');
    await saveScreenshot(page, testInfo, 'camera-preview');

    // Reachable by touch: on screen, not only by a script scrolling it into view.
    await expect(page.getByTestId('capture-done')).toBeInViewport({ ratio: 1 });
    await page.getByTestId('capture-done').click();
    await expect(page.getByTestId('camera-harness-done')).toHaveAttribute('data-page-count', '2');
    await saveScreenshot(page, testInfo, 'camera-done');

    // The screen told core what it opened ('camera.reportStatus'), at the clip's size: journeys
    // may use the camera.
    const snapshot = (await callKioskApi(page, 'devices.snapshot', {})) as {
      ok: boolean;
      value: { devices: Array<{ device: string }>; journeys: { selfServiceSubmission: boolean } };
    };
    expect(snapshot.ok).toBe(true);
    expect(snapshot.value.devices.find((d) => d.device === 'documentCamera')).toMatchObject({
      state: 'online',
      code: 'ok',
      detail: expect.stringContaining(`streaming ${FAKE_VIDEO.width}x${FAKE_VIDEO.height} from `),
    });
    expect(snapshot.value.journeys.selfServiceSubmission).toBe(true);
  } finally {
    await browser.close();
    expect(await kiosk.proc.stop()).toBe(0);
    config.cleanup();
  }
});

import type { Client } from '../../../core/api/client';
import type { KioskContract } from '../../../core/api/contract';
import type { ScreenshotAnswer } from '../../../core/api/service-state';

/**
 * The browser host's half of the county console's screenshot (core/fleet/commands/screen-capture.ts):
 * on `screenshot.requested` the page answers `host.screenshotTaken` with a PNG of its own tab, or
 * `notAttract` when it shows anything but the attract screen (or the out-of-service notice in its
 * place): a visit's screens may carry a resident's data and are never captured. Core has already
 * checked that no resident is signed in and checks again after the answer.
 */
export function answerScreenshotRequests(
  client: Pick<Client<KioskContract>, 'on' | 'call'>,
  deps: {
    /** Read when the request arrives and again once the frame is taken. */
    readonly onAttract: () => boolean;
    /** One PNG of the page, as base64 (captureOwnTab below). */
    readonly capture: () => Promise<string>;
  },
): () => void {
  return client.on('screenshot.requested', ({ requestId }) => {
    const answer = async (): Promise<ScreenshotAnswer> => {
      if (!deps.onAttract()) return { requestId, outcome: 'notAttract' };
      let pngBase64: string;
      try {
        pngBase64 = await deps.capture();
      } catch {
        return { requestId, outcome: 'captureFailed' };
      }
      // A visit that started while the frame was being taken: the picture may be of it.
      if (!deps.onAttract()) return { requestId, outcome: 'notAttract' };
      return { requestId, outcome: 'captured', pngBase64 };
    };
    void answer().then((taken) => client.call('host.screenshotTaken', taken));
  });
}

/** Chromium's getDisplayMedia option to offer (and, with --auto-accept-this-tab-capture, take) this tab. */
interface ThisTabOptions extends DisplayMediaStreamOptions {
  readonly preferCurrentTab: true;
}

/**
 * One frame of this very tab as a PNG (base64, without the data: prefix). Chromium's kiosk runs
 * with --auto-accept-this-tab-capture and a policy that allows same-origin tab capture for the
 * kiosk's origin only (scripts/start/chromium-policy.ts), so no picker ever shows. Every track is
 * stopped as soon as the frame is drawn (or the capture failed): Chromium shows a "sharing this
 * tab" bar for as long as one is live.
 */
export async function captureOwnTab(page: Window): Promise<string> {
  const options: ThisTabOptions = { video: true, audio: false, preferCurrentTab: true };
  const stream = await page.navigator.mediaDevices.getDisplayMedia(options);
  try {
    const video = page.document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    await video.play();
    await nextFrame(page, video);
    const canvas = page.document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const context = canvas.getContext('2d');
    if (!context || canvas.width === 0 || canvas.height === 0) throw new Error('no frame to draw');
    context.drawImage(video, 0, 0);
    video.srcObject = null;
    const dataUrl = canvas.toDataURL('image/png');
    const comma = dataUrl.indexOf(',');
    if (!dataUrl.startsWith('data:image/png;base64,') || comma < 0) throw new Error('the canvas gave no PNG');
    return dataUrl.slice(comma + 1);
  } finally {
    for (const track of stream.getTracks()) track.stop();
  }
}

/**
 * Playing is not yet painted: wait for a frame to be presented, or at most FRAME_WAIT_MS (a still
 * page may send no new frame; the one shown since play() is then the picture).
 */
const FRAME_WAIT_MS = 2_000;
function nextFrame(page: Window, video: HTMLVideoElement): Promise<void> {
  return new Promise((resolve) => {
    const timer = page.setTimeout(resolve, FRAME_WAIT_MS);
    const done = () => {
      page.clearTimeout(timer);
      resolve();
    };
    if (typeof video.requestVideoFrameCallback === 'function') video.requestVideoFrameCallback(done);
    else if (video.videoWidth > 0) done();
    else video.addEventListener('loadeddata', done, { once: true });
  });
}

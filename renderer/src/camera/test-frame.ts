import { laplacianVariance } from './image/sharpness';
import { toGray } from './image/raster';
import type { RgbaImage } from './image/raster';
import { grabFrame, whenVideoReady } from './grab-frame';
import { openCamera, stopStream, type OpenCameraOptions } from './open-camera';

export type TestFrameOutcome =
  { ok: true; width: number; height: number; sharpness: number } | { ok: false; code: string };

export interface TestFrameOptions extends OpenCameraOptions {
  /** Injected in tests (happy-dom cannot decode video); defaults to a <video> + canvas grab. */
  readonly readFrame?: ((stream: MediaStream) => Promise<RgbaImage | null>) | undefined;
}

/**
 * The technician's "capture a frame" test (巡检): open the camera, take one frame, measure its
 * sharpness, close the camera again. `code` on failure is a DeviceCode ('portMissing',
 * 'cameraPermissionDenied', 'cameraInUse', …) or 'noFrame'.
 */
export async function captureTestFrame(options: TestFrameOptions = {}): Promise<TestFrameOutcome> {
  const opened = await openCamera(options);
  if (!opened.ok) return { ok: false, code: opened.status.code };
  try {
    const frame = await (options.readFrame ?? readFrameFromVideo)(opened.stream);
    if (!frame) return { ok: false, code: 'noFrame' };
    const sharpness = Math.round(laplacianVariance(toGray(frame)) * 10) / 10;
    return { ok: true, width: frame.width, height: frame.height, sharpness };
  } catch {
    return { ok: false, code: 'noFrame' };
  } finally {
    stopStream(opened.stream);
  }
}

async function readFrameFromVideo(stream: MediaStream): Promise<RgbaImage | null> {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  try {
    await video.play();
    await whenVideoReady(video);
    return grabFrame(video, document.createElement('canvas'));
  } finally {
    video.srcObject = null;
  }
}

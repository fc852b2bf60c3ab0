import type { RgbaImage } from './image/raster';

/**
 * Draws the video's current frame into a canvas and reads the pixels back. The canvas is kept by
 * the caller and reused, so a 1920×1080 frame does not allocate a new 8 MB buffer each time.
 */
export function grabFrame(video: HTMLVideoElement, canvas: HTMLCanvasElement): RgbaImage | null {
  const width = video.videoWidth;
  const height = video.videoHeight;
  if (width === 0 || height === 0) return null;
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(video, 0, 0, width, height);
  return context.getImageData(0, 0, width, height);
}

/** Resolves once the video has a frame to draw (or rejects after the stream ended). */
export function whenVideoReady(video: HTMLVideoElement): Promise<void> {
  if (video.readyState >= 2 && video.videoWidth > 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onReady = () => {
      cleanup();
      resolve();
    };
    const onError = () => {
      cleanup();
      reject(new Error('the video element failed to play the camera stream'));
    };
    const cleanup = () => {
      video.removeEventListener('loadeddata', onReady);
      video.removeEventListener('error', onError);
    };
    video.addEventListener('loadeddata', onReady);
    video.addEventListener('error', onError);
  });
}

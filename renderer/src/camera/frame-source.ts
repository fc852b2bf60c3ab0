import { grabFrame } from './grab-frame';
import type { RgbaImage } from './image/raster';

/** Where the preview reads frames from: the live <video> in the kiosk, a painted scene in tests. */
export interface FrameSource {
  read(): RgbaImage | null;
}

/** Reads the <video>'s current frame through one reused canvas. */
export function videoFrameSource(video: HTMLVideoElement): FrameSource {
  const canvas = document.createElement('canvas');
  return { read: () => grabFrame(video, canvas) };
}

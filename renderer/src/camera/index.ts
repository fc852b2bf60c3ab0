/** The document camera (高拍仪), owned by the renderer: see docs/devices/camera.md. */
export { captureTestFrame, type TestFrameOutcome, type TestFrameOptions } from './test-frame';
export { openCamera, stopStream, type CameraStatus, type OpenCameraResult } from './open-camera';
export { MaterialCapture, type MaterialCaptureProps } from './MaterialCapture';
export { CameraPreview, type CameraPreviewProps } from './CameraPreview';
export {
  assessFrame,
  BLUR_THRESHOLD,
  type FrameAssessment,
  type Verdict,
  type RetakeReason,
} from './image/assess-frame';
export { buildPdf, type JpegPage } from './pdf';

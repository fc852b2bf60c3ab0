import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/use-t';
import { assessFrame, type FrameAssessment } from './image/assess-frame';
import type { Quad } from './image/homography';
import type { RgbaImage } from './image/raster';
import { videoFrameSource, type FrameSource } from './frame-source';
import { INITIAL_STEADINESS, markShot, nextSteadiness, shouldAutoCapture, type Steadiness } from './steadiness';

/** Four checks a second: fast enough to feel live, light enough for a kiosk's CPU (~30 ms each). */
const ANALYSIS_INTERVAL_MS = 250;

export interface CameraPreviewProps {
  readonly stream: MediaStream;
  /** A frame was taken (auto: steady and sharp for ~1 s; or the 拍照 button) with its assessment. */
  readonly onCapture: (frame: RgbaImage, assessment: FrameAssessment) => void;
  /** Tests paint frames; the kiosk reads the <video>. */
  readonly makeFrameSource?: (video: HTMLVideoElement) => FrameSource;
  readonly disabled?: boolean;
}

type Guidance = 'noPage' | 'tooSmall' | 'cutOff' | 'blurry' | 'tooDark' | 'found' | 'capturing';

/** The live picture with the detected page outlined, what to do in large words, and 拍照. */
export function CameraPreview({ stream, onCapture, makeFrameSource = videoFrameSource, disabled }: CameraPreviewProps) {
  const { t } = useT();
  const videoRef = useRef<HTMLVideoElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const latest = useRef<{ frame: RgbaImage; assessment: FrameAssessment } | null>(null);
  const steadiness = useRef<Steadiness>(INITIAL_STEADINESS);
  // The analysis loop lives as long as the stream; it reads the latest props through refs.
  const onCaptureRef = useRef(onCapture);
  const disabledRef = useRef(disabled);
  useEffect(() => {
    onCaptureRef.current = onCapture;
    disabledRef.current = disabled;
  });
  const [guidance, setGuidance] = useState<Guidance>('noPage');

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    video.srcObject = stream;
    void video.play().catch(() => undefined); // autoplay of a muted stream; a refusal shows as no frames
    const source = makeFrameSource(video);
    const timer = setInterval(() => {
      const frame = source.read();
      if (!frame) return;
      const assessment = assessFrame(frame);
      const now = performance.now();
      latest.current = { frame, assessment };
      steadiness.current = nextSteadiness(steadiness.current, assessment, now);
      drawOutline(overlayRef.current, frame, assessment);
      setGuidance(guidanceFor(assessment, steadiness.current));
      if (!disabledRef.current && shouldAutoCapture(steadiness.current, now)) {
        steadiness.current = markShot(steadiness.current);
        onCaptureRef.current(frame, assessment);
      }
    }, ANALYSIS_INTERVAL_MS);
    return () => {
      clearInterval(timer);
      latest.current = null;
      video.srcObject = null;
    };
  }, [stream, makeFrameSource]);

  const shoot = () => {
    const shot = latest.current;
    if (!shot) return;
    steadiness.current = markShot(steadiness.current);
    onCaptureRef.current(shot.frame, shot.assessment);
  };

  return (
    <div className="camera-preview">
      <div className="camera-preview__stage">
        <video
          ref={videoRef}
          className="camera-preview__video"
          muted
          playsInline
          aria-label={t('camera:previewLabel')}
        />
        <canvas ref={overlayRef} className="camera-preview__overlay" aria-hidden="true" />
      </div>
      <p
        className={`camera-guidance camera-guidance--${guidance}`}
        role="status"
        data-testid="camera-guidance"
        data-guidance={guidance}
      >
        {t(`camera:guidance.${guidance}`)}
      </p>
      <button
        type="button"
        className="button button--primary camera-shoot"
        onClick={shoot}
        disabled={disabled}
        data-testid="camera-shoot"
      >
        {t('camera:shoot')}
      </button>
    </div>
  );
}

function guidanceFor(assessment: FrameAssessment, steadiness: Steadiness): Guidance {
  const { verdict, detection } = assessment;
  if (!detection.found && detection.reason === 'tooSmall' && (verdict.ok || verdict.retake !== 'tooDark'))
    return 'tooSmall';
  if (!verdict.ok) return verdict.retake;
  return steadiness.steadySince !== null && steadiness.shotCorners === null ? 'capturing' : 'found';
}

/** The outline is drawn in frame pixels on a canvas laid exactly over the video (same object-fit). */
function drawOutline(canvas: HTMLCanvasElement | null, frame: RgbaImage, assessment: FrameAssessment): void {
  const context = canvas?.getContext('2d');
  if (!canvas || !context) return;
  if (canvas.width !== frame.width) canvas.width = frame.width;
  if (canvas.height !== frame.height) canvas.height = frame.height;
  context.clearRect(0, 0, canvas.width, canvas.height);
  const detection = assessment.detection;
  const quad: Quad | null = detection.found ? detection.corners : detection.outline;
  if (!quad) return;
  const style = getComputedStyle(canvas);
  context.strokeStyle = assessment.verdict.ok
    ? style.getPropertyValue('--color-success').trim() || 'green'
    : style.getPropertyValue('--color-warning-border').trim() || 'orange';
  context.lineWidth = Math.max(4, frame.width / 200);
  context.lineJoin = 'round';
  context.beginPath();
  quad.forEach((p, i) => (i === 0 ? context.moveTo(p.x, p.y) : context.lineTo(p.x, p.y)));
  context.closePath();
  context.stroke();
}

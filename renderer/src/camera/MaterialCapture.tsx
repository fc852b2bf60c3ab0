import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from '../api/api-context';
import { ExplainedButton } from '../components/ExplainedButton';
import { useT } from '../i18n/use-t';
import { useStepBack } from '../shell/step-back';
import { CameraPreview } from './CameraPreview';
import { encodeJpegWithCanvas, type JpegEncoder } from './encode-jpeg';
import type { FrameSource } from './frame-source';
import { extractPage, type FrameAssessment, type RetakeReason } from './image/assess-frame';
import type { RgbaImage } from './image/raster';
import type { OpenCameraOptions } from './open-camera';
import { buildPdf, toBase64, type JpegPage } from './pdf';
import { useCameraStream } from './use-camera-stream';
import './camera.css';

export interface MaterialCaptureProps {
  /** The material's name from the guide (申报材料), e.g. "户口簿"; also sent with the PDF. */
  readonly materialName: string;
  readonly onDone: (result: { captureId: string; pageCount: number }) => void;
  readonly onCancel?: () => void;
  readonly deviceLabel?: string | undefined;
  /** Injected in tests: the camera, the frames and the JPEG encoder. */
  readonly mediaDevices?: OpenCameraOptions['mediaDevices'];
  readonly makeFrameSource?: (video: HTMLVideoElement) => FrameSource;
  readonly encodeJpeg?: JpegEncoder;
}

interface Page extends JpegPage {
  readonly key: number;
  /** Object URL of the JPEG, revoked when the page goes (personal data: docs/reliability.md §3). */
  readonly thumbnailUrl: string;
}

type Notice =
  | { kind: 'none' }
  | { kind: 'retake'; reason: RetakeReason }
  | { kind: 'captured'; page: number }
  | { kind: 'stageFailed' };

/**
 * One material, page after page: the live preview, thumbnails with 重拍, then 完成 builds one PDF
 * and hands it to core ('capture.stage'). Pages live in memory only; a bad shot shows what to do
 * and never drops the pages already taken.
 */
export function MaterialCapture({
  materialName,
  onDone,
  onCancel,
  deviceLabel,
  mediaDevices,
  makeFrameSource,
  encodeJpeg = encodeJpegWithCanvas,
}: MaterialCaptureProps) {
  const { t } = useT();
  const client = useClient();
  const [attempt, setAttempt] = useState(0);
  const camera = useCameraStream({ deviceLabel, mediaDevices }, attempt);
  const [pages, setPages] = useState<Page[]>([]);
  const [replacing, setReplacing] = useState<number | null>(null);
  const [notice, setNotice] = useState<Notice>({ kind: 'none' });
  const [busy, setBusy] = useState<'none' | 'encoding' | 'saving'>('none');
  const nextKey = useRef(1);
  const urls = useRef(new Set<string>());
  // The bar's 返回 leaves the capture for the material's step (no 返回 of its own beside it).
  useStepBack(onCancel ?? null);

  // Leaving the screen: forget every thumbnail URL (the pages themselves go with the state).
  useEffect(() => {
    const owned = urls.current;
    return () => {
      for (const url of owned) URL.revokeObjectURL(url);
      owned.clear();
    };
  }, []);

  const forget = (url: string) => {
    URL.revokeObjectURL(url);
    urls.current.delete(url);
  };

  const onCapture = useCallback(
    (frame: RgbaImage, assessment: FrameAssessment) => {
      if (busy !== 'none') return;
      if (!assessment.verdict.ok || !assessment.detection.found) {
        setNotice({ kind: 'retake', reason: assessment.verdict.ok ? 'noPage' : assessment.verdict.retake });
        return;
      }
      const image = extractPage(frame, assessment.detection.corners);
      setBusy('encoding');
      void encodeJpeg(image).then(
        (jpeg) => {
          const thumbnailUrl = URL.createObjectURL(new Blob([jpeg as BlobPart], { type: 'image/jpeg' }));
          urls.current.add(thumbnailUrl);
          const page: Page = { key: nextKey.current++, jpeg, width: image.width, height: image.height, thumbnailUrl };
          setPages((current) => {
            if (replacing === null || replacing >= current.length) return [...current, page];
            const old = current[replacing];
            if (old) forget(old.thumbnailUrl);
            return current.map((p, i) => (i === replacing ? page : p));
          });
          setNotice({ kind: 'captured', page: replacing === null ? pages.length + 1 : replacing + 1 });
          setReplacing(null);
          setBusy('none');
        },
        () => {
          setNotice({ kind: 'retake', reason: 'noPage' });
          setBusy('none');
        },
      );
    },
    [busy, encodeJpeg, pages.length, replacing],
  );

  const finish = async () => {
    if (pages.length === 0 || busy !== 'none') return;
    setBusy('saving');
    const pdf = buildPdf(pages);
    const staged = await client.call('capture.stage', {
      materialName,
      pageCount: pages.length,
      pdfBase64: toBase64(pdf),
    });
    setBusy('none');
    if (!staged.ok) {
      setNotice({ kind: 'stageFailed' });
      return;
    }
    onDone({ captureId: staged.value.captureId, pageCount: pages.length });
  };

  if (camera.kind === 'failed') {
    const code = camera.status.code;
    const known = code === 'portMissing' || code === 'cameraPermissionDenied' || code === 'cameraInUse';
    return (
      <div className="state-panel camera-unavailable" role="alert" data-testid="camera-unavailable" data-code={code}>
        <p className="state-body">{t(`camera:unavailable.${known ? code : 'other'}`)}</p>
        <div className="state-actions">
          <button type="button" className="button button--primary" onClick={() => setAttempt((n) => n + 1)}>
            {t('camera:tryAgain')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <section className="material-capture" data-testid="material-capture">
      <h2 className="material-capture__title" data-speech="title">
        {t('camera:title', { material: materialName })}
      </h2>
      <p className="material-capture__hint" data-speech="hint">
        {t('camera:hint')}
      </p>
      <div className="material-capture__body">
        {camera.kind === 'opening' ? (
          <p className="camera-guidance" role="status">
            {t('camera:opening')}
          </p>
        ) : (
          <CameraPreview
            stream={camera.stream}
            onCapture={onCapture}
            disabled={busy !== 'none'}
            {...(makeFrameSource ? { makeFrameSource } : {})}
          />
        )}
        <aside className="material-capture__pages">
          <p className="material-capture__count" data-testid="page-count">
            {pages.length === 0 ? t('camera:noPagesYet') : t('camera:pageCount', { count: pages.length })}
          </p>
          <ol className="material-capture__thumbnails">
            {pages.map((page, i) => (
              <li
                key={page.key}
                className={i === replacing ? 'thumbnail thumbnail--replacing' : 'thumbnail'}
                data-testid="page-thumbnail"
              >
                <img src={page.thumbnailUrl} alt={t('camera:thumbnailLabel', { page: i + 1 })} />
                <span>{t('camera:pageLabel', { page: i + 1 })}</span>
                <button type="button" className="button" onClick={() => setReplacing(i)} data-testid="retake-page">
                  {t('camera:retakePage')}
                </button>
              </li>
            ))}
          </ol>
        </aside>
      </div>
      <NoticeLine notice={notice} replacing={replacing} saving={busy === 'saving'} />
      <div className="material-capture__actions">
        <ExplainedButton
          className="button button--primary"
          onClick={() => void finish()}
          disabled={busy !== 'none'}
          blockedBy={pages.length === 0 ? t('camera:needPage') : null}
          data-testid="capture-done"
        >
          {t('camera:done')}
        </ExplainedButton>
      </div>
    </section>
  );
}

function NoticeLine({ notice, replacing, saving }: { notice: Notice; replacing: number | null; saving: boolean }) {
  const { t } = useT();
  if (saving)
    return (
      <p className="camera-notice" role="status">
        {t('camera:saving')}
      </p>
    );
  if (notice.kind === 'retake') {
    return (
      <p
        className="camera-notice camera-notice--retake"
        role="alert"
        data-testid="camera-retake"
        data-reason={notice.reason}
        // Voice mode says it at once, instead of the screen: what to do before the next shot.
        data-speech="alert"
      >
        {t(`camera:retake.${notice.reason}`)}
      </p>
    );
  }
  if (notice.kind === 'stageFailed') {
    return (
      <p className="camera-notice camera-notice--retake" role="alert" data-speech="alert">
        {t('camera:stageFailed')}
      </p>
    );
  }
  if (replacing !== null) {
    return (
      <p className="camera-notice" role="status">
        {t('camera:retakingPage', { page: replacing + 1 })}
      </p>
    );
  }
  if (notice.kind === 'captured') {
    return (
      <p className="camera-notice" role="status">
        {t('camera:captured', { page: notice.page })}
      </p>
    );
  }
  return null;
}

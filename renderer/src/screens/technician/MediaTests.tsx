import { useEffect, useRef, useState } from 'react';
import { useClient } from '../../api/api-context';
import { useKioskInfo } from '../../api/kiosk-info-context';
import { useApiQuery } from '../../api/use-api-query';
import { useT } from '../../i18n/use-t';
import type { CallMediaRequest } from '../../video-help/call-media';
import type { MediaReport } from '../../video-help/media-inputs';
import { openTestInput } from '../../video-help/open-test-input';
import { useTechnicianApi } from './technician-api';
import { TestResult } from './TestResult';

/** How long each test watches its device. */
const FACE_TEST_MS = 3_000;
const MIC_TEST_MS = 5_000;
/** A peak over this (of full scale) counts as sound heard. */
const MIC_PEAK_HEARD = 0.02;

/**
 * 视频帮办's face camera and microphone, opened as a call opens them (by the configured labels,
 * from `videoHelp.availability`; emulated where the kiosk emulates them). What a test found is
 * reported to core (`media.reportStatus`), as the document camera's opening is.
 */
function useMediaRequest(): CallMediaRequest | null {
  const documentCameraLabel = useKioskInfo().documentCamera.deviceLabel;
  const availability = useApiQuery('videoHelp.availability', {}, 'technician');
  if (availability.status !== 'ok') return null;
  const view = availability.value;
  // Not configured: this kiosk has no 视频帮办 devices to test.
  if (!view.offered && view.reason === 'notConfigured') return null;
  const offered = view.offered ? view : null;
  return {
    faceCameraLabel: offered?.faceCameraLabel ?? null,
    microphoneLabel: offered?.microphoneLabel ?? null,
    documentCameraLabel,
    emulated: offered?.emulated ?? false,
  };
}

function reasonOf(report: MediaReport, t: ReturnType<typeof useT>['t']): string {
  return t(`devices:code.${report.code as 'ok'}`);
}

type FrameVideo = HTMLVideoElement & { requestVideoFrameCallback?: (callback: () => void) => number };

/** The face camera: a live preview, and whether frames arrive. */
function FaceCameraTest({ request, onDone }: { request: CallMediaRequest; onDone: () => void }) {
  const { t } = useT();
  const client = useClient();
  const record = useRecordTest('faceCamera', 'captureFrame', onDone);
  const video = useRef<FrameVideo>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [result, setResult] = useState<{ passed: boolean; detail: string } | null>(null);
  const report = (status: MediaReport) => void client.call('media.reportStatus', status).catch(() => undefined);

  useEffect(() => {
    const element = video.current;
    if (!element || !stream) return;
    element.srcObject = stream;
    void element.play?.()?.catch(() => undefined);
    let frames = 0;
    const count = () => {
      frames += 1;
      element.requestVideoFrameCallback?.(count);
    };
    element.requestVideoFrameCallback?.(count);
    const timer = setTimeout(() => {
      const settings = stream.getVideoTracks()[0]?.getSettings();
      const width = settings?.width ?? element.videoWidth;
      const height = settings?.height ?? element.videoHeight;
      // Without requestVideoFrameCallback a picture size is the sign frames arrived.
      const seen = typeof element.requestVideoFrameCallback === 'function' ? frames : element.videoWidth > 0 ? 1 : 0;
      const passed = seen > 0;
      report(
        passed
          ? {
              device: 'faceCamera',
              state: 'online',
              code: 'ok',
              detail: `test: ${seen} frames ${width}x${height}`,
              identity: null,
            }
          : {
              device: 'faceCamera',
              state: 'hardwareError',
              code: 'noResponse',
              detail: 'test: no frames',
              identity: null,
            },
      );
      setResult({
        passed,
        detail: passed
          ? t('videoHelp:technician.faceOk', { width, height, frames: seen })
          : t('videoHelp:technician.faceNoFrames'),
      });
      record(passed, passed ? `${seen} frames ${width}x${height}` : 'no frames');
      for (const track of stream.getTracks()) track.stop();
      element.srcObject = null;
      setStream(null);
    }, FACE_TEST_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stream]);

  const run = async () => {
    setResult(null);
    const opened = await openTestInput('faceCamera', request);
    report(opened.report);
    if (opened.ok) setStream(opened.stream);
    else {
      setResult({
        passed: false,
        detail: t('videoHelp:technician.faceFailed', { reason: reasonOf(opened.report, t) }),
      });
      record(false, `not opened: ${opened.report.code}`);
    }
  };

  return (
    <div className="technician-test" data-test="faceCamera">
      <button type="button" className="button" disabled={stream !== null} onClick={() => void run()}>
        {t('videoHelp:technician.faceCamera')}
      </button>
      {stream && <p role="status">{t('technician:test.running')}</p>}
      <video ref={video} className="technician-face-preview" hidden={!stream} muted playsInline autoPlay />
      {result && <TestResult {...result} />}
    </div>
  );
}

/** The microphone: a level meter while the technician speaks, and the loudest level heard. */
function MicrophoneTest({ request, onDone }: { request: CallMediaRequest; onDone: () => void }) {
  const { t } = useT();
  const client = useClient();
  const record = useRecordTest('microphone', 'hearSound', onDone);
  const [level, setLevel] = useState<number | null>(null);
  const [result, setResult] = useState<{ passed: boolean; detail: string } | null>(null);
  const report = (status: MediaReport) => void client.call('media.reportStatus', status).catch(() => undefined);

  const run = async () => {
    setResult(null);
    const AudioContextClass = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
    const opened = await openTestInput('microphone', request);
    if (!opened.ok || !AudioContextClass) {
      if (opened.ok) opened.stop();
      const status = opened.ok
        ? { ...opened.report, state: 'hardwareError' as const, code: 'noResponse' as const, detail: 'no WebAudio' }
        : opened.report;
      report(status);
      setResult({ passed: false, detail: t('videoHelp:technician.micFailed', { reason: reasonOf(status, t) }) });
      record(false, `not opened: ${status.code}`);
      return;
    }
    const context = new AudioContextClass();
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    context.createMediaStreamSource(opened.stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let peak = 0;
    setLevel(0);
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      const now = samples.reduce((loudest, sample) => Math.max(loudest, Math.abs(sample)), 0);
      peak = Math.max(peak, now);
      setLevel(now);
    }, 100);
    setTimeout(() => {
      clearInterval(timer);
      opened.stop();
      void context.close().catch(() => undefined);
      setLevel(null);
      const passed = peak >= MIC_PEAK_HEARD;
      const percent = Math.round(peak * 100);
      report(
        passed
          ? { ...opened.report, detail: `test: peak ${percent}%` }
          : {
              device: 'microphone',
              state: 'hardwareError',
              code: 'noResponse',
              detail: 'test: silence',
              identity: null,
            },
      );
      setResult({
        passed,
        detail: passed ? t('videoHelp:technician.micOk', { peak: percent }) : t('videoHelp:technician.micSilent'),
      });
      record(passed, passed ? `peak ${percent}%` : 'silence');
    }, MIC_TEST_MS);
  };

  return (
    <div className="technician-test" data-test="microphone">
      <button type="button" className="button" disabled={level !== null} onClick={() => void run()}>
        {t('videoHelp:technician.microphone')}
      </button>
      {level !== null && (
        <>
          <p>{t('videoHelp:technician.micHint')}</p>
          <meter min={0} max={1} value={Math.min(1, level * 4)} aria-label={t('videoHelp:technician.micLevel')} />
        </>
      )}
      {result && <TestResult {...result} />}
    </div>
  );
}

/**
 * The test of 视频帮办's face camera or microphone on that device's card (devices.snapshot lists
 * them where the config names them): the page opens them as a call would, by the configured label.
 */
export function MediaDeviceTest({ device, onDone }: { device: 'faceCamera' | 'microphone'; onDone: () => void }) {
  const request = useMediaRequest();
  if (!request) return null;
  return device === 'faceCamera' ? (
    <FaceCameraTest request={request} onDone={onDone} />
  ) : (
    <MicrophoneTest request={request} onDone={onDone} />
  );
}

/** Records the outcome with core (technician.recordTest), so the inspection report holds it. */
function useRecordTest(device: 'faceCamera' | 'microphone', test: 'captureFrame' | 'hearSound', onDone: () => void) {
  const api = useTechnicianApi();
  return (passed: boolean, detail: string) =>
    void api
      .call('technician.recordTest', { device, test, passed, detail: `test: ${detail}` })
      .then(onDone, () => undefined);
}

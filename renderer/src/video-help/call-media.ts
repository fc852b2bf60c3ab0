import { statusFromError, stopStream } from '../camera/open-camera';
import { createEmulatedMedia } from './emulated-media';
import { failed, missing, online, pickInput, trackIdentity, type MediaReport } from './media-inputs';

/**
 * The face camera (互联网摄像头) and microphone of a 视频帮办 call, opened by the labels in the
 * config (from `videoHelp.availability`), the way the document camera is (camera/open-camera.ts):
 * never a throw for a device problem, every getUserMedia error turned into the device state core
 * shows and gates on (`media.reportStatus`). Emulated (development): a drawn test face and a tone.
 */

export interface CallMediaRequest {
  readonly faceCameraLabel: string | null;
  readonly microphoneLabel: string | null;
  /** The kiosk's document camera label, so the face camera is never the 高拍仪 by mistake. */
  readonly documentCameraLabel: string | null;
  readonly emulated: boolean;
}

export interface CallMedia {
  readonly audio: MediaStreamTrack;
  readonly video: MediaStreamTrack;
  /** The resident's own picture (the small self view). */
  readonly preview: MediaStream;
  /** Stops every track (and the emulated generators): the camera light goes off. */
  stop(): void;
}

export type OpenCallMediaResult =
  | { readonly ok: true; readonly media: CallMedia; readonly reports: readonly MediaReport[] }
  | { readonly ok: false; readonly reports: readonly MediaReport[] };

type Media = Pick<MediaDevices, 'enumerateDevices' | 'getUserMedia'>;

export async function openCallMedia(
  request: CallMediaRequest,
  media: Media | undefined = globalThis.navigator?.mediaDevices,
): Promise<OpenCallMediaResult> {
  if (request.emulated) {
    const emulated = createEmulatedMedia();
    if (!emulated) return { ok: false, reports: [failed('faceCamera', 'no canvas capture for the emulated face')] };
    return {
      ok: true,
      media: emulated,
      reports: [online('faceCamera', 'emulated test face'), online('microphone', 'emulated tone')],
    };
  }
  if (!media) {
    const detail = 'navigator.mediaDevices is not available (insecure origin?)';
    return { ok: false, reports: [missing('faceCamera', detail), missing('microphone', detail)] };
  }
  let devices: MediaDeviceInfo[];
  try {
    devices = await media.enumerateDevices();
  } catch (error) {
    const status = statusFromError(error);
    return { ok: false, reports: [{ device: 'faceCamera', ...status, identity: null }] };
  }
  const camera = pickInput(devices, 'videoinput', request.faceCameraLabel, request.documentCameraLabel);
  const microphone = pickInput(devices, 'audioinput', request.microphoneLabel, null);
  const reports: MediaReport[] = [];
  if (!camera) reports.push(missing('faceCamera', 'no face camera among the video inputs'));
  if (!microphone) reports.push(missing('microphone', 'no audio input device'));
  if (!camera || !microphone) return { ok: false, reports };

  let video: MediaStream;
  try {
    video = await media.getUserMedia({
      audio: false,
      video: {
        ...(camera.deviceId ? { deviceId: { exact: camera.deviceId } } : {}),
        // A talking face: 640×480 at 15 fps is ~300 kbit/s, what a village link can carry.
        width: { ideal: 640 },
        height: { ideal: 480 },
        frameRate: { ideal: 15 },
      },
    });
  } catch (error) {
    return { ok: false, reports: [{ device: 'faceCamera', ...statusFromError(error), identity: null }] };
  }
  let audio: MediaStream;
  try {
    audio = await media.getUserMedia({
      video: false,
      audio: {
        ...(microphone.deviceId ? { deviceId: { exact: microphone.deviceId } } : {}),
        echoCancellation: true,
        noiseSuppression: true,
      },
    });
  } catch (error) {
    stopStream(video);
    return {
      ok: false,
      reports: [
        online('faceCamera', `opened "${camera.label.slice(0, 120)}"`),
        { device: 'microphone', ...statusFromError(error), identity: null },
      ],
    };
  }
  const videoTrack = video.getVideoTracks()[0];
  const audioTrack = audio.getAudioTracks()[0];
  if (!videoTrack || !audioTrack) {
    stopStream(video);
    stopStream(audio);
    return { ok: false, reports: [failed(videoTrack ? 'microphone' : 'faceCamera', 'the stream has no track')] };
  }
  return {
    ok: true,
    media: {
      audio: audioTrack,
      video: videoTrack,
      preview: video,
      stop() {
        stopStream(video);
        stopStream(audio);
      },
    },
    reports: [
      {
        ...online('faceCamera', `streaming from "${videoTrack.label.slice(0, 120)}"`),
        identity: trackIdentity(videoTrack),
      },
      {
        ...online('microphone', `recording from "${audioTrack.label.slice(0, 120)}"`),
        identity: trackIdentity(audioTrack),
      },
    ],
  };
}

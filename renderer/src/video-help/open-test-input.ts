import { statusFromError, stopStream } from '../camera/open-camera';
import type { CallMediaRequest } from './call-media';
import { createEmulatedMedia } from './emulated-media';
import { failed, missing, online, pickInput, trackIdentity, type MediaReport } from './media-inputs';

/**
 * The face camera or the microphone alone, for the technician's tests: opened by its label as a
 * call would open it (emulated devices where the kiosk emulates them), with the status to report.
 */
export type OpenedTestInput =
  | { readonly ok: true; readonly stream: MediaStream; readonly stop: () => void; readonly report: MediaReport }
  | { readonly ok: false; readonly report: MediaReport };

export async function openTestInput(
  device: 'faceCamera' | 'microphone',
  request: CallMediaRequest,
  media: Pick<MediaDevices, 'enumerateDevices' | 'getUserMedia'> | undefined = globalThis.navigator?.mediaDevices,
): Promise<OpenedTestInput> {
  if (request.emulated) {
    const emulated = createEmulatedMedia();
    if (!emulated) return { ok: false, report: failed(device, 'no canvas capture or WebAudio for emulation') };
    const track = device === 'faceCamera' ? emulated.video : emulated.audio;
    return {
      ok: true,
      stream: new MediaStream([track]),
      stop: () => emulated.stop(),
      report: online(device, 'emulated'),
    };
  }
  if (!media) return { ok: false, report: missing(device, 'navigator.mediaDevices is not available') };
  try {
    const devices = await media.enumerateDevices();
    const input =
      device === 'faceCamera'
        ? pickInput(devices, 'videoinput', request.faceCameraLabel, request.documentCameraLabel)
        : pickInput(devices, 'audioinput', request.microphoneLabel, null);
    if (!input) return { ok: false, report: missing(device, `no ${device} among the inputs`) };
    const constraints = input.deviceId ? { deviceId: { exact: input.deviceId } } : true;
    const stream = await media.getUserMedia(
      device === 'faceCamera' ? { video: constraints, audio: false } : { audio: constraints, video: false },
    );
    const track = stream.getTracks()[0];
    return {
      ok: true,
      stream,
      stop: () => stopStream(stream),
      report: {
        ...online(device, `opened "${(track?.label ?? '').slice(0, 120)}"`),
        identity: trackIdentity(track),
      },
    };
  } catch (error) {
    return { ok: false, report: { device, ...statusFromError(error), identity: null } };
  }
}

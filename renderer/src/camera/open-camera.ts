import type { DeviceCode, DeviceState } from '../../../core/api/devices';

/** What the camera module tells core ('camera.reportStatus') after trying to open the camera. */
export interface CameraStatus {
  readonly state: DeviceState;
  readonly code: DeviceCode;
  /** English, for logs and technicians; never shown to residents, never personal data. */
  readonly detail: string;
}

export type OpenCameraResult =
  | { readonly ok: true; readonly stream: MediaStream; readonly label: string; readonly status: CameraStatus }
  | { readonly ok: false; readonly status: CameraStatus };

export interface OpenCameraOptions {
  /** From the config (devices.documentCamera.deviceLabel): a 高拍仪 usually shows two heads, pick the document one. */
  readonly deviceLabel?: string | undefined;
  /** Injected in tests; defaults to the browser's. */
  readonly mediaDevices?: Pick<MediaDevices, 'enumerateDevices' | 'getUserMedia'> | undefined;
}

/**
 * Ask for 1920×1080: docs/devices/camera.md — request the largest resolution, the camera then
 * usually switches to MJPEG to deliver it over USB 2.0. `ideal` so a smaller camera still opens.
 */
const RESOLUTION = { width: { ideal: 1920 }, height: { ideal: 1080 } } as const;

export const ONLINE_STATUS: CameraStatus = { state: 'online', code: 'ok', detail: 'document camera streaming' };

/**
 * Opens the document camera. Never throws for camera problems: every DOMException getUserMedia
 * can raise is turned into the device status core gates journeys on.
 */
export async function openCamera(options: OpenCameraOptions = {}): Promise<OpenCameraResult> {
  const media = options.mediaDevices ?? globalThis.navigator?.mediaDevices;
  if (!media) return noDevice('navigator.mediaDevices is not available (insecure origin?)');
  let deviceId: string | undefined;
  try {
    const inputs = (await media.enumerateDevices()).filter((device) => device.kind === 'videoinput');
    if (inputs.length === 0) return noDevice('no video input device');
    const wanted = options.deviceLabel?.toLowerCase();
    // Labels are empty until permission was granted once; then we fall back to the first input
    // and match the label again after opening.
    const match = wanted ? inputs.find((device) => device.label.toLowerCase().includes(wanted)) : undefined;
    deviceId = (match ?? inputs[0])?.deviceId || undefined;
  } catch (error) {
    return { ok: false, status: statusFromError(error) };
  }
  try {
    const stream = await media.getUserMedia({
      audio: false,
      video: deviceId ? { ...RESOLUTION, deviceId: { exact: deviceId } } : RESOLUTION,
    });
    const track = stream.getVideoTracks()[0];
    if (!track) {
      stopStream(stream);
      return noDevice('the stream has no video track');
    }
    const settings = track.getSettings();
    return {
      ok: true,
      stream,
      label: track.label,
      status: {
        ...ONLINE_STATUS,
        detail: `streaming ${settings.width ?? '?'}x${settings.height ?? '?'} from "${track.label.slice(0, 120)}"`,
      },
    };
  } catch (error) {
    return { ok: false, status: statusFromError(error) };
  }
}

/** Stops every track: the camera LED goes off and the device is free for the next open. */
export function stopStream(stream: MediaStream | null | undefined): void {
  if (!stream) return;
  for (const track of stream.getTracks()) track.stop();
}

function noDevice(detail: string): OpenCameraResult {
  return { ok: false, status: { state: 'noDevice', code: 'portMissing', detail } };
}

/** getUserMedia's error names (Media Capture and Streams §9.2) → device state. */
export function statusFromError(error: unknown): CameraStatus {
  const name = error instanceof Error || isNamed(error) ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  const detail = `${name}: ${message}`.slice(0, 500);
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return { state: 'userError', code: 'cameraPermissionDenied', detail };
    case 'NotReadableError':
    case 'AbortError':
      // The device exists but another program (or a crashed vendor service) holds it.
      return { state: 'busy', code: 'cameraInUse', detail };
    case 'NotFoundError':
    case 'OverconstrainedError':
      return { state: 'noDevice', code: 'portMissing', detail };
    default:
      return { state: 'hardwareError', code: 'noResponse', detail };
  }
}

function isNamed(value: unknown): value is { name: string } {
  return typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string';
}

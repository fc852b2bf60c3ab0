import { useEffect } from 'react';
import type { VideoHelpAvailabilityView } from '../../../core/api/video-help';
import { useClient } from '../api/api-context';
import { useKioskInfo } from '../api/kiosk-info-context';
import { missing, online, pickInput, type MediaReport } from './media-inputs';

/**
 * Whether the face camera and the microphone of 视频帮办 are attached, told to core at start and
 * on every plug or unplug (`media.reportStatus`), as camera/camera-presence.ts does for the
 * document camera, so the device manager shows them and gates the choice before anyone taps it.
 */

export interface PresenceLabels {
  readonly faceCameraLabel: string | null;
  readonly microphoneLabel: string | null;
  readonly documentCameraLabel: string | null;
}

/** What to report for each device, without opening either. */
export async function mediaPresence(
  labels: PresenceLabels,
  media: Pick<MediaDevices, 'enumerateDevices'> | undefined = globalThis.navigator?.mediaDevices,
): Promise<MediaReport[]> {
  if (!media) {
    const detail = 'navigator.mediaDevices is not available';
    return [missing('faceCamera', detail), missing('microphone', detail)];
  }
  let devices: MediaDeviceInfo[];
  try {
    devices = await media.enumerateDevices();
  } catch (error) {
    const detail = `enumerateDevices failed: ${String(error)}`.slice(0, 500);
    return (['faceCamera', 'microphone'] as const).map((device) => ({
      device,
      state: 'offline' as const,
      code: 'noResponse' as const,
      detail,
      identity: null,
    }));
  }
  const camera = pickInput(devices, 'videoinput', labels.faceCameraLabel, labels.documentCameraLabel);
  const microphone = pickInput(devices, 'audioinput', labels.microphoneLabel, null);
  return [
    camera
      ? online('faceCamera', `attached, not opened yet: "${camera.label.slice(0, 120)}"`)
      : missing('faceCamera', labels.faceCameraLabel ? `no camera labelled "${labels.faceCameraLabel}"` : 'no camera'),
    microphone
      ? online('microphone', `attached, not opened yet: "${microphone.label.slice(0, 120)}"`)
      : missing('microphone', 'no audio input device'),
  ];
}

/** What presence to report given core's answer; nothing where 视频帮办 is not configured. */
export async function presenceFor(
  availability: VideoHelpAvailabilityView,
  documentCameraLabel: string | null,
  media?: Pick<MediaDevices, 'enumerateDevices'>,
): Promise<MediaReport[]> {
  if (!availability.offered && availability.reason === 'notConfigured') return [];
  if (availability.offered && availability.emulated) {
    return [online('faceCamera', 'emulated test face'), online('microphone', 'emulated tone')];
  }
  const labels = availability.offered
    ? { faceCameraLabel: availability.faceCameraLabel, microphoneLabel: availability.microphoneLabel }
    : { faceCameraLabel: null, microphoneLabel: null };
  return mediaPresence({ ...labels, documentCameraLabel }, media);
}

/** Reports at start and on every devicechange; mounted once beside the document camera's report. */
export function useMediaPresenceReport(): void {
  const client = useClient();
  const documentCameraLabel = useKioskInfo().documentCamera.deviceLabel;
  useEffect(() => {
    let live = true;
    const report = async () => {
      const availability = await client.call('videoHelp.availability', {}).catch(() => null);
      if (!live || !availability?.ok) return;
      const reports = await presenceFor(availability.value, documentCameraLabel);
      if (!live) return;
      for (const status of reports) void client.call('media.reportStatus', status).catch(() => undefined);
    };
    const onChange = () => void report();
    onChange();
    const media = globalThis.navigator?.mediaDevices;
    media?.addEventListener?.('devicechange', onChange);
    return () => {
      live = false;
      media?.removeEventListener?.('devicechange', onChange);
    };
  }, [client, documentCameraLabel]);
}

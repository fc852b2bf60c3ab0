import { useEffect } from 'react';
import { useClient } from '../api/api-context';
import type { CameraStatus } from './open-camera';

/**
 * Whether a camera is attached, without opening it: enumerateDevices lists video inputs even
 * before permission is granted (labels stay empty). Lets core gate self-service submission from
 * the start instead of "starting" until a journey first opens the camera.
 */
export async function cameraPresence(
  media: Pick<MediaDevices, 'enumerateDevices'> | undefined = globalThis.navigator?.mediaDevices,
): Promise<CameraStatus> {
  if (!media) return { state: 'noDevice', code: 'portMissing', detail: 'navigator.mediaDevices is not available' };
  try {
    const inputs = (await media.enumerateDevices()).filter((device) => device.kind === 'videoinput');
    return inputs.length > 0
      ? { state: 'online', code: 'ok', detail: `${inputs.length} camera(s) attached, not opened yet` }
      : { state: 'noDevice', code: 'portMissing', detail: 'no video input device' };
  } catch (error) {
    return { state: 'offline', code: 'noResponse', detail: `enumerateDevices failed: ${String(error)}` };
  }
}

/** Reports camera presence once at start and again whenever a camera is plugged in or out. */
export function useCameraPresenceReport(): void {
  const client = useClient();
  useEffect(() => {
    let live = true;
    const report = () =>
      void cameraPresence().then((status) => {
        if (live) void client.call('camera.reportStatus', { ...status, identity: null });
      });
    report();
    const media = globalThis.navigator?.mediaDevices;
    media?.addEventListener?.('devicechange', report);
    return () => {
      live = false;
      media?.removeEventListener?.('devicechange', report);
    };
  }, [client]);
}

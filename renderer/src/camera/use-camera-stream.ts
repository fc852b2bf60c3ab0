import { useEffect, useState } from 'react';
import { useClient } from '../api/api-context';
import { openCamera, stopStream, type CameraStatus, type OpenCameraOptions } from './open-camera';

export type CameraStreamState =
  | { readonly kind: 'opening' }
  | { readonly kind: 'open'; readonly stream: MediaStream }
  | { readonly kind: 'failed'; readonly status: CameraStatus };

/**
 * Opens the document camera while the component is mounted, tells core what happened
 * ('camera.reportStatus', so the device manager can gate journeys) and stops every track on
 * unmount: the camera's light goes off and no frame of a resident's papers outlives the screen.
 * Bump `attempt` to try again.
 */
export function useCameraStream(options: OpenCameraOptions, attempt: number): CameraStreamState {
  const client = useClient();
  // Keyed by attempt: a new attempt reads as 'opening' until its own answer arrives.
  const [answer, setAnswer] = useState<{ attempt: number; state: CameraStreamState } | null>(null);
  const { deviceLabel, mediaDevices } = options;
  useEffect(() => {
    let active = true;
    let stream: MediaStream | null = null;
    void openCamera({ deviceLabel, mediaDevices }).then((opened) => {
      const identity = opened.ok
        ? { model: opened.label.slice(0, 120) || 'UVC camera', serial: null, firmware: null }
        : null;
      void client.call('camera.reportStatus', { ...opened.status, identity });
      if (!active) {
        if (opened.ok) stopStream(opened.stream);
        return;
      }
      if (opened.ok) {
        stream = opened.stream;
        setAnswer({ attempt, state: { kind: 'open', stream: opened.stream } });
      } else {
        setAnswer({ attempt, state: { kind: 'failed', status: opened.status } });
      }
    });
    return () => {
      active = false;
      stopStream(stream);
    };
  }, [client, deviceLabel, mediaDevices, attempt]);
  return answer?.attempt === attempt ? answer.state : { kind: 'opening' };
}

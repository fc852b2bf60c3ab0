import { useEffect, useState } from 'react';
import type { DevicesSnapshot, JourneyAvailability } from '../../../core/api/devices';
import { useClient } from './api-context';

/**
 * The device manager's snapshot, kept current by `devices.changed`. Null until the first answer;
 * journeys treat null as "not known yet" and do not block on it.
 */
export function useDevices(): DevicesSnapshot | null {
  const client = useClient();
  const [snapshot, setSnapshot] = useState<DevicesSnapshot | null>(null);
  useEffect(() => {
    let live = true;
    const stop = client.on('devices.changed', (next) => setSnapshot(next));
    void client.call('devices.snapshot', {}).then((result) => {
      if (live && result.ok) setSnapshot((current) => current ?? result.value);
    });
    return () => {
      live = false;
      stop();
    };
  }, [client]);
  return snapshot;
}

/** Which journeys may start; optimistic (everything available) until the first snapshot. */
export function useJourneyAvailability(): JourneyAvailability {
  const snapshot = useDevices();
  return (
    snapshot?.journeys ?? {
      idCardSignIn: true,
      selfServiceSubmission: true,
      output: 'paper',
      keypadRating: true,
      // Scanning is only offered once a scanner is known to be there.
      scanCodes: false,
      videoHelp: false,
    }
  );
}

/**
 * Whether the station has a QR scanner (it is in the device snapshot only when kiosk-config
 * names one): the scan hints show only then, even while it is offline for a moment.
 */
export function useScannerFitted(): boolean {
  const snapshot = useDevices();
  return snapshot?.devices.some((device) => device.device === 'qrScanner') ?? false;
}

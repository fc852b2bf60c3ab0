import type { DeviceIdentity } from '../../../core/api/devices';
import type { DeviceCondition, DeviceFault, SupervisedDevice } from '../../../drivers/common/device';
import { withTimeout } from '../../../drivers/common/timeout';

/** What one connect-probe-disconnect round found. */
export type ProbeOutcome =
  | { readonly kind: 'answered'; readonly identity: DeviceIdentity; readonly condition: DeviceCondition }
  | { readonly kind: 'fault'; readonly step: 'connect' | 'probe'; readonly fault: DeviceFault }
  | { readonly kind: 'timeout'; readonly step: 'connect' | 'probe'; readonly afterMs: number };

/** Closing a port the driver opened must not hang the checklist either. */
const DISCONNECT_TIMEOUT_MS = 2_000;

/**
 * The device manager's own first steps (core/devices/supervisor.ts): connect (open the port,
 * identify the device), one probe (SAM status, DLE EOT …), then disconnect — within one deadline
 * for both, so a device that never answers costs the technician `timeoutMs` and no more. The port
 * is always closed again: the doctor must not keep a device the kiosk wants.
 */
export async function probeDevice(device: SupervisedDevice, timeoutMs: number, now = Date.now): Promise<ProbeOutcome> {
  const started = now();
  const left = () => Math.max(0, timeoutMs - (now() - started));
  try {
    const connected = await withTimeout(device.connect(), left(), () => null);
    if (connected === null) return { kind: 'timeout', step: 'connect', afterMs: timeoutMs };
    if (!connected.ok) return { kind: 'fault', step: 'connect', fault: connected.error };
    const probed = await withTimeout(device.probe(), left(), () => null);
    if (probed === null) return { kind: 'timeout', step: 'probe', afterMs: timeoutMs };
    if (!probed.ok) return { kind: 'fault', step: 'probe', fault: probed.error };
    return { kind: 'answered', identity: connected.value, condition: probed.value };
  } finally {
    await withTimeout(device.disconnect(), DISCONNECT_TIMEOUT_MS, () => undefined);
  }
}

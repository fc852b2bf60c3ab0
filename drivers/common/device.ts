import type { Result } from '../../core/pure/result';
import type { DeviceCode, DeviceIdentity, DeviceKind, DeviceState, RecommendedAction } from '../../core/api/devices';

/**
 * What the device manager (core/devices) needs from every serial, USB, TCP or HID driver. The
 * manager owns supervision: it calls connect, probes on a timer, and after a fault disconnects
 * and reconnects with backoff (docs/reliability.md §5.4: "disconnected" is a state, not an exception;
 * silence is not proof of health). Drivers never retry forever on their own.
 */
export interface SupervisedDevice {
  readonly kind: DeviceKind;
  /** Human description of where it is attached, for status and logs. */
  readonly link: string;
  /** Opens the transport and identifies the device. */
  connect(): Promise<Result<DeviceIdentity, DeviceFault>>;
  /**
   * One health check with a timeout (SAM status, DLE EOT …). A fault means the device is gone or
   * not answering: the manager disconnects and reconnects with backoff.
   */
  probe(): Promise<Result<DeviceCondition, DeviceFault>>;
  /** Closes the transport; pending reads are interrupted first. Never throws. */
  disconnect(): Promise<void>;
  /** The transport closed or failed outside a call (unplug). */
  onLost(listener: (fault: DeviceFault) => void): () => void;
}

/** The device answers; this is how it is. */
export interface DeviceCondition {
  readonly state: Extract<DeviceState, 'online' | 'userError' | 'hardwareError' | 'busy'>;
  readonly code: DeviceCode;
  readonly action: RecommendedAction;
  readonly warnings: readonly DeviceCode[];
  readonly detail: string;
}

/** The device cannot be reached or spoken to. */
export interface DeviceFault {
  readonly state: Extract<DeviceState, 'noDevice' | 'offline' | 'hardwareError'>;
  readonly code: DeviceCode;
  readonly detail: string;
}

export const ONLINE: DeviceCondition = { state: 'online', code: 'ok', action: 'none', warnings: [], detail: 'ready' };

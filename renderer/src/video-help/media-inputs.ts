import type { KioskContract } from '../../../core/api/contract';
import type { InputOf } from '../../../core/api/types';

/** What the renderer tells core about the face camera or the microphone (`media.reportStatus`). */
export type MediaReport = InputOf<KioskContract, 'media.reportStatus'>;

/**
 * The input to use: the one whose label contains the configured label; with no label configured,
 * the first one that is not the document camera. Labels are empty until the page was allowed the
 * devices once; then any input of the kind is taken (it is checked again when opened).
 */
export function pickInput(
  devices: readonly MediaDeviceInfo[],
  kind: 'videoinput' | 'audioinput',
  wanted: string | null,
  avoid: string | null,
): MediaDeviceInfo | null {
  const inputs = devices.filter((device) => device.kind === kind);
  if (inputs.length === 0) return null;
  if (inputs.every((device) => device.label === '')) return inputs[0] ?? null;
  const lower = (text: string) => text.toLowerCase();
  if (wanted) return inputs.find((device) => lower(device.label).includes(lower(wanted))) ?? null;
  const others = avoid ? inputs.filter((device) => !lower(device.label).includes(lower(avoid))) : inputs;
  return others[0] ?? null;
}

export function online(device: MediaReport['device'], detail: string): MediaReport {
  return { device, state: 'online', code: 'ok', detail: detail.slice(0, 500), identity: null };
}

export function missing(device: MediaReport['device'], detail: string): MediaReport {
  return { device, state: 'noDevice', code: 'portMissing', detail: detail.slice(0, 500), identity: null };
}

export function failed(device: MediaReport['device'], detail: string): MediaReport {
  return { device, state: 'hardwareError', code: 'noResponse', detail: detail.slice(0, 500), identity: null };
}

/** A USB camera or microphone names itself only by its label: that is the identity reported. */
export function trackIdentity(track: MediaStreamTrack | undefined): MediaReport['identity'] {
  return { model: (track?.label ?? '').slice(0, 120) || 'USB device', serial: null, firmware: null };
}

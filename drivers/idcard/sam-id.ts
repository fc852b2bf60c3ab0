import { err, ok, type Result } from '../../core/pure/result';

/**
 * SAM ID (12 FF), docs/devices/id-card.md §7.4: five little-endian groups in 16 bytes, shown as
 * `AA.BB-CCCCCCCC-DDDDDDDDDD-EEEEEEEEEE`. The 10-digit padding of the last two groups follows
 * Yinan and THID (HslCommunication uses 9) ⚠.
 */
export const SAM_ID_BYTES = 16;

export interface SamIdGroups {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
  readonly e: number;
}

export function decodeSamIdGroups(data: Uint8Array): Result<SamIdGroups, { kind: 'malformedSamId'; detail: string }> {
  if (data.length !== SAM_ID_BYTES) {
    return err({ kind: 'malformedSamId', detail: `SAM ID is ${data.length} bytes, expected 16` });
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return ok({
    a: view.getUint16(0, true),
    b: view.getUint16(2, true),
    c: view.getUint32(4, true),
    d: view.getUint32(8, true),
    e: view.getUint32(12, true),
  });
}

export function formatSamId(g: SamIdGroups): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(g.a, 2)}.${pad(g.b, 2)}-${pad(g.c, 8)}-${pad(g.d, 10)}-${pad(g.e, 10)}`;
}

export function decodeSamId(data: Uint8Array): Result<string, { kind: 'malformedSamId'; detail: string }> {
  const groups = decodeSamIdGroups(data);
  return groups.ok ? ok(formatSamId(groups.value)) : groups;
}

export function encodeSamId(g: SamIdGroups): Uint8Array {
  const data = new Uint8Array(SAM_ID_BYTES);
  const view = new DataView(data.buffer);
  view.setUint16(0, g.a, true);
  view.setUint16(2, g.b, true);
  view.setUint32(4, g.c, true);
  view.setUint32(8, g.d, true);
  view.setUint32(12, g.e, true);
  return data;
}

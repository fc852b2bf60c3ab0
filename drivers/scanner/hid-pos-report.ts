import { decodeScanBytes, symbologyFromAim, type ScanEncoding, type ScanOutcome } from './scan';

/**
 * HID POS (USB HID Point of Sale Usage Tables, Bar Code Scanner page 0x8C). A scanner in HID POS
 * mode sends each read as one or more "Scanned Data Report" (usage 0x12) input reports; the layout
 * Honeywell, Zebra and most Chinese modules use (their report descriptors describe it) is
 *
 *   byte 0      report ID 0x02
 *   byte 1      byte count of this report's data (Generic Desktop "Byte Count", 0…56)
 *   bytes 2–4   Symbology Identifier 1–3 (usages 0xFB–0xFD): the AIM identifier, e.g. "]Q1"
 *   bytes 5–60  Decoded Data (usage 0xFE, buffered bytes, zero padded)
 *   bytes 61–62 vendor-defined (Honeywell's Code ID)
 *   byte 63     bit 0: Decode Data Continued (usage 0xFF): more reports of this read follow
 *
 * hidapi delivers numbered reports with their ID first, as above. node-hid cannot read the report
 * descriptor, so the layout is fixed here rather than parsed from the descriptor.
 */
export const SCANNED_DATA_REPORT_ID = 0x02;
export const HID_POS_REPORT_LENGTH = 64;
export const HID_POS_DATA_OFFSET = 5;
export const HID_POS_DATA_CAPACITY = 56;
export const HID_POS_CONTINUED_BYTE = 63;

export interface HidPosFragment {
  readonly aim: string;
  readonly data: Uint8Array;
  /** Decode Data Continued: this read goes on in the next report. */
  readonly continued: boolean;
}

/** One input report: a fragment of a read, null for another report (trigger, status …), or malformed. */
export function readHidPosReport(report: Uint8Array): HidPosFragment | null | 'malformed' {
  if (report[0] !== SCANNED_DATA_REPORT_ID) return null;
  const count = report[1];
  if (count === undefined || count > HID_POS_DATA_CAPACITY || report.length < HID_POS_DATA_OFFSET + count) {
    return 'malformed';
  }
  return {
    aim: String.fromCharCode(report[2] ?? 0, report[3] ?? 0, report[4] ?? 0),
    data: report.slice(HID_POS_DATA_OFFSET, HID_POS_DATA_OFFSET + count),
    continued: ((report[HID_POS_CONTINUED_BYTE] ?? 0) & 0x01) === 0x01,
  };
}

/** A read as the reports a HID POS scanner sends for it (the emulator's side of the layout). */
export function hidPosReportsOf(data: Uint8Array, aim = ']Q1'): Uint8Array[] {
  const reports: Uint8Array[] = [];
  for (let offset = 0; offset === 0 || offset < data.length; offset += HID_POS_DATA_CAPACITY) {
    const part = data.subarray(offset, offset + HID_POS_DATA_CAPACITY);
    const report = new Uint8Array(HID_POS_REPORT_LENGTH);
    report[0] = SCANNED_DATA_REPORT_ID;
    report[1] = part.length;
    for (let i = 0; i < 3; i += 1) report[2 + i] = aim.charCodeAt(i) & 0xff;
    report.set(part, HID_POS_DATA_OFFSET);
    report[HID_POS_CONTINUED_BYTE] = offset + HID_POS_DATA_CAPACITY < data.length ? 0x01 : 0x00;
    reports.push(report);
  }
  return reports;
}

export interface HidPosFraming {
  readonly encoding: ScanEncoding;
  readonly maxBytes: number;
  /** A read whose next report does not come within this is incomplete. */
  readonly interReportTimeoutMs: number;
}

export interface HidPosAssembler {
  push(report: Uint8Array, atMs: number): ScanOutcome[];
  flush(atMs: number): ScanOutcome[];
  nextDeadline(): number | null;
  reset(): void;
}

/**
 * Reports → reads. Fragments are joined while Decode Data Continued is set; the symbology is the
 * first fragment's. A malformed report drops the read in progress; a read past the maximum is
 * refused and its remaining fragments dropped; a read whose last report never comes is refused as
 * incomplete once the timeout passes (or when the next read begins).
 */
export function createHidPosAssembler(framing: HidPosFraming): HidPosAssembler {
  let parts: Uint8Array[] = [];
  let aim = '';
  let size = 0;
  let lastAt = 0;
  let discarding = false;
  let pending = false;

  const clear = () => {
    parts = [];
    size = 0;
    pending = false;
    discarding = false;
  };

  const flush = (atMs: number): ScanOutcome[] => {
    if (!pending || atMs - lastAt < framing.interReportTimeoutMs) return [];
    const wasDiscarding = discarding;
    const byteCount = size;
    clear();
    return wasDiscarding ? [] : [{ kind: 'rejected', reason: 'incomplete', byteCount }];
  };

  return {
    push(report, atMs) {
      const out = flush(atMs);
      const fragment = readHidPosReport(report);
      if (fragment === null) return out;
      lastAt = atMs;
      if (fragment === 'malformed') {
        const byteCount = size;
        clear();
        out.push({ kind: 'rejected', reason: 'malformedReport', byteCount });
        return out;
      }
      if (!pending) aim = fragment.aim;
      pending = true;
      if (!discarding) {
        parts.push(fragment.data);
        size += fragment.data.length;
        if (size > framing.maxBytes) {
          out.push({ kind: 'rejected', reason: 'tooLong', byteCount: size });
          parts = [];
          discarding = true;
        }
      }
      if (fragment.continued) return out;
      const wasDiscarding = discarding;
      const bytes = new Uint8Array(size);
      let offset = 0;
      for (const part of parts) {
        bytes.set(part, offset);
        offset += part.length;
      }
      clear();
      if (!wasDiscarding) {
        const outcome = decodeScanBytes(bytes, framing.encoding, symbologyFromAim(aim));
        if (outcome) out.push(outcome);
      }
      return out;
    },
    flush,
    nextDeadline: () => (pending ? lastAt + framing.interReportTimeoutMs : null),
    reset: clear,
  };
}

import { createHash, randomUUID } from 'node:crypto';
import { err, ok, type Result } from '../pure/result';

/**
 * Captured materials (multi-page PDFs from the document camera) waiting for the resident to
 * submit. Held in memory only and wiped when the session ends (docs/reliability.md §3.4: nothing of the
 * resident survives a reset unless it belongs to a submitted application); an application that
 * takes a capture moves it into its own transaction (Resident journeys issue).
 */
export interface StagedCapture {
  readonly captureId: string;
  readonly materialName: string;
  readonly pageCount: number;
  readonly pdf: Buffer;
  readonly sha256: string;
}

export interface CaptureStaging {
  stage(input: {
    materialName: string;
    pageCount: number;
    pdfBase64: string;
  }): Result<StagedCapture, { code: 'invalidDocument' | 'tooManyCaptures'; message: string }>;
  get(captureId: string): StagedCapture | undefined;
  discard(captureId: string): void;
  /** Session end: every capture is dropped and its bytes overwritten. */
  clear(): void;
  readonly count: number;
}

export interface CaptureStagingLimits {
  readonly maxCaptures: number;
  readonly maxTotalBytes: number;
}

const DEFAULT_LIMITS: CaptureStagingLimits = { maxCaptures: 30, maxTotalBytes: 300 * 1024 * 1024 };

export function createCaptureStaging(limits: CaptureStagingLimits = DEFAULT_LIMITS): CaptureStaging {
  const captures = new Map<string, StagedCapture>();
  const total = () => [...captures.values()].reduce((sum, c) => sum + c.pdf.length, 0);
  const wipe = (capture: StagedCapture) => capture.pdf.fill(0);

  return {
    stage({ materialName, pageCount, pdfBase64 }) {
      const pdf = Buffer.from(pdfBase64, 'base64');
      // Buffer.from ignores characters outside the alphabet; a round trip catches a corrupted string.
      if (pdf.toString('base64').replace(/=+$/, '') !== pdfBase64.replace(/=+$/, '')) {
        return err({ code: 'invalidDocument', message: 'the capture is not valid base64' });
      }
      if (!looksLikePdf(pdf)) {
        return err({ code: 'invalidDocument', message: 'the capture is not a PDF document' });
      }
      if (captures.size >= limits.maxCaptures || total() + pdf.length > limits.maxTotalBytes) {
        pdf.fill(0);
        return err({
          code: 'tooManyCaptures',
          message: `at most ${limits.maxCaptures} captures and ${limits.maxTotalBytes} bytes per session`,
        });
      }
      const capture: StagedCapture = {
        captureId: randomUUID(),
        materialName,
        pageCount,
        pdf,
        sha256: createHash('sha256').update(pdf).digest('hex'),
      };
      captures.set(capture.captureId, capture);
      return ok(capture);
    },
    get: (captureId) => captures.get(captureId),
    discard(captureId) {
      const capture = captures.get(captureId);
      if (capture) wipe(capture);
      captures.delete(captureId);
    },
    clear() {
      for (const capture of captures.values()) wipe(capture);
      captures.clear();
    },
    get count() {
      return captures.size;
    },
  };
}

/** "%PDF-" header and an "%%EOF" marker in the last 1 KB (ISO 32000-1 §7.5.2, §7.5.5). */
function looksLikePdf(bytes: Buffer): boolean {
  if (bytes.length < 64 || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') return false;
  return bytes
    .subarray(Math.max(0, bytes.length - 1024))
    .toString('latin1')
    .includes('%%EOF');
}

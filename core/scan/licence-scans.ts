import { randomUUID } from 'node:crypto';

/**
 * Reads that were none of our codes, held in memory for the visit in case the resident attaches
 * one to an application as a 亮证码 (electronic licence QR; the platform verifies it). A text is
 * handed out once (`take`), dropped after `ttlMs`, and everything is dropped at session end; at
 * most `max` are kept (the oldest goes first). Never written anywhere, never logged.
 */
export interface LicenceScans {
  stage(text: string, at: Date): string;
  take(scanId: string, at: Date): { readonly text: string; readonly scannedAt: string } | null;
  /** Whether a staged read is still there (the submit checks before it commits). */
  has(scanId: string, at: Date): boolean;
  clear(): void;
  readonly size: number;
}

/** Long enough for a resident who scans at the materials step and confirms at the end. */
export const LICENCE_SCAN_TTL_MS = 30 * 60_000;
const MAX_STAGED = 5;

export function createLicenceScans(options: { ttlMs?: number; max?: number } = {}): LicenceScans {
  const ttlMs = options.ttlMs ?? LICENCE_SCAN_TTL_MS;
  const max = options.max ?? MAX_STAGED;
  const staged = new Map<string, { text: string; at: Date }>();
  const expire = (at: Date) => {
    for (const [id, entry] of staged) if (at.getTime() - entry.at.getTime() > ttlMs) staged.delete(id);
  };
  return {
    stage(text, at) {
      expire(at);
      while (staged.size >= max) {
        const oldest = staged.keys().next().value;
        if (oldest === undefined) break;
        staged.delete(oldest);
      }
      const scanId = randomUUID();
      staged.set(scanId, { text, at });
      return scanId;
    },
    take(scanId, at) {
      expire(at);
      const entry = staged.get(scanId);
      if (!entry) return null;
      staged.delete(scanId);
      return { text: entry.text, scannedAt: entry.at.toISOString() };
    },
    has(scanId, at) {
      expire(at);
      return staged.has(scanId);
    },
    clear: () => staged.clear(),
    get size() {
      return staged.size;
    },
  };
}

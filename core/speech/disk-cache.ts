import { mkdir, readdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readWav } from './wav';

/**
 * How much the speech cache may hold on disk. Every fixed prompt of both locales at both rates,
 * synthesised by espeak-ng 1.51 (22.05 kHz, 16-bit mono WAV), measured at about 485 MB
 * (zh-CN ≈ 90 + 139 MB, en ≈ 110 + 145 MB for normal + slow). 640 MB keeps all of them, with
 * room for a new voice version's clips to replace the old ones; beyond it the least recently
 * used clips go first (a station uses one locale, mostly at one rate).
 */
export const DISK_CACHE_MAX_BYTES = 640 * 1024 * 1024;

/**
 * Prepared prompts on disk (`<dataDir>/speech-cache/<sha256>.wav`), so the first word of a screen
 * starts at once even after a restart. The service writes fixed UI prompts only
 * (core/speech/fixed-prompts.ts), never what a resident's session said. A file that is not a
 * whole WAV (a torn write, a disk error) is treated as missing, and made again by the next
 * prepare. Bounded by bytes: least recently used clips are deleted first. Owner-only files.
 */
export interface DiskCache {
  read(key: string): Promise<{ wav: Uint8Array; durationMs: number } | null>;
  write(key: string, wav: Uint8Array): Promise<void>;
  /** Bytes of the clips the cache knows of (after its first write, every clip in the folder). */
  bytes(): number;
}

interface Entry {
  bytes: number;
  usedAt: number;
}

const CLIP = /^[0-9a-f]{64}\.wav$/;

export function createDiskCache(dir: string, maxBytes = DISK_CACHE_MAX_BYTES): DiskCache {
  const fileOf = (key: string) => join(dir, `${key}.wav`);
  let made: Promise<string | undefined> | null = null;
  // Loaded at the first write: what is on disk already, with when it was last used (mtime).
  let index: Promise<Map<string, Entry>> | null = null;
  let total = 0;

  const loadIndex = async (): Promise<Map<string, Entry>> => {
    const entries = new Map<string, Entry>();
    for (const name of await readdir(dir)) {
      const path = join(dir, name);
      if (name.endsWith('.tmp')) {
        await unlink(path).catch(() => undefined); // a write cut off by a crash
        continue;
      }
      if (!CLIP.test(name)) continue;
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) continue;
      entries.set(name.slice(0, -'.wav'.length), { bytes: info.size, usedAt: info.mtimeMs });
      total += info.size;
    }
    return entries;
  };

  const evict = async (entries: Map<string, Entry>, keep: string) => {
    while (total > maxBytes) {
      let oldest: [string, Entry] | null = null;
      for (const entry of entries) {
        if (entry[0] !== keep && (oldest === null || entry[1].usedAt < oldest[1].usedAt)) oldest = entry;
      }
      if (!oldest) return;
      entries.delete(oldest[0]);
      total -= oldest[1].bytes;
      await unlink(fileOf(oldest[0])).catch(() => undefined);
    }
  };

  return {
    async read(key) {
      let bytes: Buffer;
      try {
        bytes = await readFile(fileOf(key));
      } catch {
        return null; // absent (the usual case) or unreadable: either way synthesise it
      }
      const info = readWav(bytes);
      if (!info) return null;
      // Used now: the file's time is what eviction goes by, across restarts too.
      const now = Date.now();
      await utimes(fileOf(key), now / 1000, now / 1000).catch(() => undefined);
      const entry = index ? (await index).get(key) : undefined;
      if (entry) entry.usedAt = now;
      return { wav: bytes, durationMs: info.durationMs };
    },
    async write(key, wav) {
      if (wav.byteLength > maxBytes) return;
      made ??= mkdir(dir, { recursive: true, mode: 0o700 });
      await made;
      index ??= loadIndex();
      const entries = await index;
      // Write then rename, so a reader never sees half a file under the real name.
      const temporary = `${fileOf(key)}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temporary, wav, { mode: 0o600 });
      await rename(temporary, fileOf(key));
      total -= entries.get(key)?.bytes ?? 0;
      entries.set(key, { bytes: wav.byteLength, usedAt: Date.now() });
      total += wav.byteLength;
      await evict(entries, key);
    },
    bytes: () => total,
  };
}

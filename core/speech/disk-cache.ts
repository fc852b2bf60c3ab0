import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readWav } from './wav';

/**
 * Prepared prompts on disk (`<dataDir>/speech-cache/<sha256>.wav`), so the first word of a screen
 * starts at once even after a restart. Only fixed UI prompts are ever written here, never what a
 * resident's session said. A file that is not a whole WAV (a torn write, a disk error) is treated
 * as missing, and made again by the next prepare.
 */
export interface DiskCache {
  read(key: string): Promise<{ wav: Uint8Array; durationMs: number } | null>;
  write(key: string, wav: Uint8Array): Promise<void>;
}

export function createDiskCache(dir: string): DiskCache {
  const fileOf = (key: string) => join(dir, `${key}.wav`);
  let made: Promise<string | undefined> | null = null;
  return {
    async read(key) {
      let bytes: Buffer;
      try {
        bytes = await readFile(fileOf(key));
      } catch {
        return null; // absent (the usual case) or unreadable: either way synthesise it
      }
      const info = readWav(bytes);
      return info ? { wav: bytes, durationMs: info.durationMs } : null;
    },
    async write(key, wav) {
      made ??= mkdir(dir, { recursive: true });
      await made;
      // Write then rename, so a reader never sees half a file under the real name.
      const temporary = `${fileOf(key)}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temporary, wav);
      await rename(temporary, fileOf(key));
    },
  };
}

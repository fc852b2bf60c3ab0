import iconv from 'iconv-lite';
import { existsSync, readFileSync } from 'node:fs';

/**
 * Searches raw bytes for personal values as any common encoding would write them: UTF-8 (what
 * SQLite TEXT and JSON hold here), UTF-16LE/BE (SQLite's other text encodings, Windows tools)
 * and GB18030 (the national character set, what older Chinese software writes).
 */

export const ENCODINGS = ['utf8', 'utf16le', 'utf16be', 'gb18030'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export function encode(value: string, encoding: Encoding): Buffer {
  return iconv.encode(value, encoding);
}

export interface Finding {
  readonly file: string;
  readonly value: string;
  readonly encoding: Encoding;
}

export function findValues(file: string, bytes: Buffer, values: readonly string[]): Finding[] {
  const found: Finding[] = [];
  for (const value of values)
    for (const encoding of ENCODINGS)
      if (bytes.includes(encode(value, encoding))) found.push({ file, value, encoding });
  return found;
}

/** The database file and its -wal and -shm, whichever exist, as they are on disk now. */
export function databaseFiles(dbPath: string): Array<{ file: string; bytes: Buffer }> {
  return [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]
    .filter((file) => existsSync(file))
    .map((file) => ({ file, bytes: readFileSync(file) }));
}

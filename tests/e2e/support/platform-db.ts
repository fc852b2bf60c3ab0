import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeDataKeyError, loadDataKey } from '../../../platform/server/sealing/data-key-file';
import { defaultDataKeyFile } from '../../../platform/server/sealing/database-key';
import { createPlatformSealer, type SealPurpose } from '../../../platform/server/sealing/sealer';

/** Opens a sealed column of the platform database: what was sealed, parsed from JSON. */
export type OpenSealed = (purpose: SealPurpose, recordId: string, sealed: Buffer) => Record<string, unknown>;

/**
 * Reads the platform database a test run wrote (read-only), with its sealed bodies opened under
 * its data key: by default the one the platform made beside it (`platform-data-key`).
 */
export function readPlatformDb<T>(
  dbPath: string,
  read: (db: Database.Database, open: OpenSealed) => T,
  keyFile = defaultDataKeyFile(dbPath),
): T {
  const key = loadDataKey(keyFile, { createIfMissing: false });
  if (!key.ok) throw new Error(describeDataKeyError(key.error));
  const sealer = createPlatformSealer(key.value.key);
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return read(db, (purpose, recordId, sealed) => sealer.openJson<Record<string, unknown>>(purpose, recordId, sealed));
  } finally {
    db.close();
  }
}

/** The terminals file `npm run platform` reads (tokens never go on its command line), mode 0600. */
export function writeTerminalsFile(dir: string, terminalId: string, token: string, stationId: string): string {
  const path = join(dir, 'platform-terminals');
  writeFileSync(path, `${terminalId}:${token}:${stationId}\n`, { mode: 0o600 });
  return path;
}

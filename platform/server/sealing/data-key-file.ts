import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { err, ok, type Result } from '../../../core/pure/result';
import { DATA_KEY_BYTES } from './sealer';
import { describeSecretFileError, readSecretFile, type SecretFileError } from './secret-file';

/**
 * The platform's data key file: 32 random bytes, stored either raw or as 64 hex digits (what
 * `openssl rand -hex 32` prints, so an operator can make one and write it down for the backup).
 * Without this file nothing sealed in the database can be read again: it is backed up apart from
 * the database, never beside a copy of it.
 */

export type DataKeyError =
  | { readonly kind: 'file'; readonly error: SecretFileError }
  | { readonly kind: 'malformed'; readonly path: string; readonly length: number }
  | { readonly kind: 'missingForSealedData'; readonly path: string }
  | { readonly kind: 'cannotCreate'; readonly path: string; readonly detail: string };

export function describeDataKeyError(error: DataKeyError): string {
  switch (error.kind) {
    case 'file':
      return describeSecretFileError('platform data key file', error.error);
    case 'malformed':
      return (
        `platform data key file ${error.path} holds ${error.length} bytes; expected ${DATA_KEY_BYTES} raw bytes ` +
        `or ${DATA_KEY_BYTES * 2} hex digits. Refusing to guess: sealed data needs exactly the key it was sealed with`
      );
    case 'missingForSealedData':
      return (
        `platform data key file ${error.path} is missing, but the database holds data sealed with a key. ` +
        `Restore the key file from its backup; a new key would not open anything stored`
      );
    case 'cannotCreate':
      return `cannot create platform data key file ${error.path}: ${error.detail}`;
  }
}

const HEX_KEY = /^[0-9a-fA-F]{64}$/;

function parseKey(path: string, bytes: Buffer): Result<Buffer, DataKeyError> {
  if (bytes.length === DATA_KEY_BYTES) return ok(bytes);
  const text = bytes.toString('latin1').trim();
  if (HEX_KEY.test(text)) return ok(Buffer.from(text, 'hex'));
  return err({ kind: 'malformed', path, length: bytes.length });
}

/** Writes a new key as hex, mode 0600; 'wx' so two starts at once cannot both make one. */
function createKeyFile(path: string): Result<Buffer, DataKeyError> {
  const key = randomBytes(DATA_KEY_BYTES);
  try {
    const fd = openSync(path, 'wx', 0o600);
    try {
      writeSync(fd, `${key.toString('hex')}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // The new name must survive a power cut too, or the data sealed next is lost with it.
    const dir = openSync(dirname(path), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
    return ok(key);
  } catch (error) {
    return err({ kind: 'cannotCreate', path, detail: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * Reads the key file. When it does not exist and `createIfMissing` (the database holds nothing
 * sealed yet), a new key is made; otherwise a missing key is an error, never a fresh key.
 */
export function loadDataKey(
  path: string,
  options: { readonly createIfMissing: boolean },
): Result<{ readonly key: Buffer; readonly created: boolean }, DataKeyError> {
  const read = readSecretFile(path);
  if (read.ok) {
    const key = parseKey(path, read.value);
    return key.ok ? ok({ key: key.value, created: false }) : key;
  }
  if (read.error.kind !== 'missing') return err({ kind: 'file', error: read.error });
  if (!options.createIfMissing) return err({ kind: 'missingForSealedData', path });
  const created = createKeyFile(path);
  if (created.ok) return ok({ key: created.value, created: true });
  // Lost a race with another start that created it first: use theirs.
  const again = readSecretFile(path);
  if (!again.ok) return created;
  const key = parseKey(path, again.value);
  return key.ok ? ok({ key: key.value, created: false }) : key;
}

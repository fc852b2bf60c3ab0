import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { err, ok, type Result } from '../../../core/pure/result';

/**
 * Secrets (the data key, terminal tokens, the admin token) come from files, never from the
 * command line, where every user of the machine can read them in `ps`. A secret file must be a
 * regular file that only its owner may read or write (mode 0600 or 0400, as systemd's
 * LoadCredential= hands them out): anything looser is refused, since the secret may already have
 * been read by someone else.
 */

/** Group and others may do nothing with a secret file. */
const GROUP_OR_OTHER = 0o077;

export type SecretFileError =
  | { readonly kind: 'missing'; readonly path: string }
  | { readonly kind: 'unreadable'; readonly path: string; readonly detail: string }
  | { readonly kind: 'notAFile'; readonly path: string }
  | { readonly kind: 'tooOpen'; readonly path: string; readonly mode: number };

export function describeSecretFileError(what: string, error: SecretFileError): string {
  switch (error.kind) {
    case 'missing':
      return `${what} ${error.path} does not exist`;
    case 'unreadable':
      return `${what} ${error.path} cannot be read: ${error.detail}`;
    case 'notAFile':
      return `${what} ${error.path} is not a regular file`;
    case 'tooOpen':
      return (
        `${what} ${error.path} has mode ${error.mode.toString(8).padStart(4, '0')}: group or others may access it. ` +
        `Refusing to use it; run \`chmod 600 ${error.path}\` (and replace the secret if others may have read it)`
      );
  }
}

/** Reads the file once, checking the permissions of the very file that was opened. */
export function readSecretFile(path: string): Result<Buffer, SecretFileError> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return err({ kind: 'missing', path });
    return err({ kind: 'unreadable', path, detail: error instanceof Error ? error.message : String(error) });
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return err({ kind: 'notAFile', path });
    const mode = stat.mode & 0o7777;
    if ((mode & GROUP_OR_OTHER) !== 0) return err({ kind: 'tooOpen', path, mode });
    return ok(readFileSync(fd));
  } catch (error) {
    return err({ kind: 'unreadable', path, detail: error instanceof Error ? error.message : String(error) });
  } finally {
    closeSync(fd);
  }
}

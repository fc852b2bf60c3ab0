import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { err, ok, type Result } from '../../pure/result';
import { replaceFile } from './replace-file';

/**
 * Marks this release as good for the boot guard (the release's bin/boot-guard, which systemd runs
 * before each start as ExecStartPre): a release that has reached READY once gets `<release state dir>/good-<version>`.
 * The boot guard counts failed starts of a release without that file and, after three, switches
 * back to the previous release. The file's content (when it was marked) is for people; the guard
 * looks only at the name.
 */
export const RELEASE_STATE_DIR_ENV = 'BIANMIN_RELEASE_STATE_DIR';

/** Characters a version may have to become a file name (semver and Debian versions without an epoch). */
const SAFE_VERSION = /^[0-9A-Za-z][0-9A-Za-z.+~_-]*$/;

export type MarkOutcome = { readonly marked: 'now' | 'already'; readonly path: string };

export function markReleaseGood(dir: string, version: string, at: Date): Result<MarkOutcome, string> {
  if (!SAFE_VERSION.test(version)) return err(`the version ${JSON.stringify(version)} cannot name a marker file`);
  const path = join(dir, `good-${version}`);
  if (existsSync(path)) return ok({ marked: 'already', path });
  try {
    replaceFile(path, `${at.toISOString()}\n`, 0o644);
  } catch (error) {
    return err(`cannot write ${path}: ${(error as Error).message}`);
  }
  return ok({ marked: 'now', path });
}

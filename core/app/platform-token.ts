import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { err, ok, type Result } from '../pure/result';

/**
 * The remote platform's bearer token, read from `platform.tokenFile` and from nowhere else: not
 * from the config (which is copied around, shown to technicians and kept in version control) and
 * not from the environment (which every child process inherits and /proc shows). The file must
 * be a regular file that no one but its owner and group can read or change (e.g. `chmod 600`, or
 * 640 with the kiosk user's group), as ssh requires of a private key.
 */
export function readPlatformToken(path: string): Result<string, string> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return err(
      `cannot read this terminal's platform token from ${path}: ${(error as Error).message}` +
        // A new kiosk gets its token by enrolment (core/fleet/enrolment.ts), never by copying one.
        (missing
          ? '; enrol this kiosk with the code from the county console: bianmin-kiosk enrol --code XXXX-XXXX-XXXX'
          : ''),
    );
  }
  try {
    // fstat on the opened file, not stat on the path: what we check is what we read.
    const info = fstatSync(fd);
    if (!info.isFile()) return err(`the platform token ${path} is not a regular file`);
    const mode = info.mode & 0o777;
    const exposed = [
      ...((mode & 0o004) !== 0 ? ['other users can read it'] : []),
      ...((mode & 0o002) !== 0 ? ['other users can change it'] : []),
      ...((mode & 0o001) !== 0 && (mode & 0o006) === 0 ? ['other users have access to it'] : []),
      ...((mode & 0o020) !== 0 ? ['its group can change it'] : []),
    ];
    if (exposed.length > 0) {
      return err(
        `the platform token ${path} has mode ${mode.toString(8).padStart(3, '0')}: ${exposed.join(', ')}; ` +
          `run \`chmod 600 ${path}\` (or 640 with the kiosk's group) and start again`,
      );
    }
    const token = readFileSync(fd, 'utf8').trim();
    if (token.length < 16) return err(`the platform token in ${path} is too short to be real`);
    return ok(token);
  } finally {
    closeSync(fd);
  }
}

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScript, waitForLine } from './kiosk-process';

export interface ConsoleAdmin {
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
}

/**
 * Makes the county console's first admin in the platform database `db` with the documented
 * command (`npm run platform -- create-admin`, docs/console.md §4), the password in a 0600 file in
 * `dir`; resolves with the command's exit code once it said so.
 */
export async function createConsoleAdmin(dir: string, db: string, admin: ConsoleAdmin): Promise<number | string> {
  const passwordFile = join(dir, 'admin-password');
  writeFileSync(passwordFile, `${admin.password}\n`, { mode: 0o600 });
  const created = runScript(
    'platform/server/main.ts',
    [
      'create-admin',
      '--db',
      db,
      '--username',
      admin.username,
      '--display-name',
      admin.displayName,
      '--password-file',
      passwordFile,
    ],
    {},
  );
  await waitForLine(created, new RegExp(`created county admin ${admin.username.replace(/\./g, '\\.')}`));
  return created.exited;
}

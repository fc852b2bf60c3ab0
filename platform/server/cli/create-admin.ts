import type { DatabaseConfig } from '../db/database-config';
import { DATABASE_OPTIONS, DATABASE_USAGE, databaseConfigFrom, openCommandDatabase } from './database-options';
import { parseArgs } from 'node:util';
import type { ConsoleUser } from '../../contract/console/users';
import { Username } from '../../contract/console/users';
import { err, ok, type Result } from '../../../core/pure/result';
import { hashPassword, passwordWeakness, type ScryptCost } from '../console/passwords';
import { createConsoleUser } from '../console/users-store';
import { describeSecretFileError, readSecretFile } from '../sealing/secret-file';

/**
 * `npm run platform -- create-admin --db <file> --username <u> --display-name <n>
 * --password-file <file> [--data-key-file <file>]`: the first county admin of the console (every
 * other user is made in the console by a county admin). The password comes from a file (mode
 * 0600, as every secret here; never from the command line, where `ps` shows it), and is refused
 * when weak. An existing username is refused, never overwritten.
 */

export const CREATE_ADMIN_USAGE = `usage: npm run platform -- create-admin --username <name>
    --display-name <name> --password-file <file> [--data-key-file <file>]
    ${DATABASE_USAGE}
  the password file holds the password on its first line, mode 0600; remove it afterwards`;

export interface CreateAdminRequest {
  readonly database: DatabaseConfig;
  readonly dataKeyFile?: string;
  readonly username: string;
  readonly displayName: string;
  readonly passwordFile: string;
  readonly scrypt?: ScryptCost;
}

export type CreateAdminError = { readonly kind: 'usage' | 'refused'; readonly message: string };

export function parseCreateAdminArgs(args: readonly string[]): Result<CreateAdminRequest, CreateAdminError> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        ...DATABASE_OPTIONS,
        'data-key-file': { type: 'string' },
        username: { type: 'string' },
        'display-name': { type: 'string' },
        'password-file': { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    return err({ kind: 'usage', message: error instanceof Error ? error.message : String(error) });
  }
  const { db, username, 'display-name': displayName, 'password-file': passwordFile } = values;
  if (
    (db === undefined && values['database-url'] === undefined) ||
    username === undefined ||
    displayName === undefined ||
    passwordFile === undefined
  )
    return err({
      kind: 'usage',
      message: 'create-admin needs --db (or --database-url), --username, --display-name and --password-file',
    });
  const database = databaseConfigFrom(values, db ?? '');
  if (!database.ok) return err({ kind: 'usage', message: database.error });
  return ok({
    database: database.value,
    username,
    displayName,
    passwordFile,
    ...(values['data-key-file'] !== undefined ? { dataKeyFile: values['data-key-file'] } : {}),
  });
}

function readPassword(path: string): Result<string, string> {
  const bytes = readSecretFile(path);
  if (!bytes.ok) return err(describeSecretFileError('password file', bytes.error));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.value);
  } catch {
    return err(`password file ${path} is not UTF-8 text`);
  }
  // The first line, without its line break; spaces inside and around are part of the password.
  return ok(text.split(/\r?\n/)[0] ?? '');
}

export async function createAdmin(
  request: CreateAdminRequest,
  at: Date,
): Promise<Result<ConsoleUser, CreateAdminError>> {
  const refused = (message: string) => err({ kind: 'refused' as const, message });
  if (!Username.safeParse(request.username).success)
    return refused(`--username: 3–32 lower-case letters, digits, ".", "_", "-", starting with a letter`);
  const displayName = request.displayName.trim();
  if (displayName.length === 0 || displayName.length > 32) return refused('--display-name: 1 to 32 characters');
  const password = readPassword(request.passwordFile);
  if (!password.ok) return refused(password.error);
  const weakness = passwordWeakness(password.value, request.username);
  if (weakness) return refused(`the password is refused: ${weakness}`);

  const passwordHash = await hashPassword(password.value, request.scrypt);
  const opened = await openCommandDatabase(request.database, request.dataKeyFile);
  if (!opened.ok) return refused(opened.error);
  const db = opened.value;
  try {
    const created = await createConsoleUser(
      db,
      {
        username: request.username,
        displayName,
        role: 'countyAdmin',
        scope: { kind: 'county' },
        passwordHash,
      },
      at,
    );
    return created.ok ? created : refused(`a console user named ${request.username} exists; nothing was changed`);
  } finally {
    await db.close();
  }
}

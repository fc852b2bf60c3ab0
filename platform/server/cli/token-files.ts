import { err, ok, type Result } from '../../../core/pure/result';
import { describeSecretFileError, readSecretFile } from '../sealing/secret-file';
import { isWellFormedToken, type TerminalRegistration } from '../store/terminals';

/**
 * The standalone platform's tokens, read from files (mode 0600 or stricter) instead of the command
 * line, where `ps` shows them to every user of the machine.
 *
 * Terminals file: one terminal per line, `<terminalId>:<token>[:<stationId>]` (tokens are token68
 * and contain no ':'); blank lines and lines starting with `#` are skipped. Admin token file: the
 * token on one line. Error messages name the file and line, never the token.
 */

export const DEFAULT_STATION_ID = 'default-station';

function decode(path: string, bytes: Buffer): Result<string, string> {
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return err(`${path} is not UTF-8 text`);
  }
}

export function parseTerminalsFile(path: string, text: string): Result<TerminalRegistration[], string> {
  const terminals: TerminalRegistration[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [id, token, stationId, ...rest] = line.split(':');
    if (!id || !token || rest.length > 0 || stationId === '') {
      return err(`${path} line ${index + 1}: expected <terminalId>:<token>[:<stationId>]`);
    }
    if (!isWellFormedToken(token)) {
      return err(`${path} line ${index + 1}: the token of ${id} is not 16 or more token68 characters`);
    }
    if (terminals.some((terminal) => terminal.id === id)) {
      return err(`${path} line ${index + 1}: terminal ${id} is listed twice`);
    }
    terminals.push({ id, token, stationId: stationId ?? DEFAULT_STATION_ID });
  }
  return ok(terminals);
}

export function readTerminalsFile(path: string): Result<TerminalRegistration[], string> {
  const bytes = readSecretFile(path);
  if (!bytes.ok) return err(describeSecretFileError('terminals file', bytes.error));
  const text = decode(path, bytes.value);
  return text.ok ? parseTerminalsFile(path, text.value) : text;
}

export function readAdminTokenFile(path: string): Result<string, string> {
  const bytes = readSecretFile(path);
  if (!bytes.ok) return err(describeSecretFileError('admin token file', bytes.error));
  const text = decode(path, bytes.value);
  if (!text.ok) return text;
  const token = text.value.trim();
  if (!isWellFormedToken(token))
    return err(`admin token file ${path} does not hold one token of 16 or more token68 characters`);
  return ok(token);
}

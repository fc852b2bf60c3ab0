import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { replaceFile } from './replace-file';

/**
 * The ready URL, with this start's launch key, for the display unit: `<RuntimeDirectory>/kiosk-url`,
 * one line, owner-only (0600) since the key is what opens the kiosk API; replaced whole, never
 * half a line (replace-file.ts). systemd
 * empties the RuntimeDirectory when the service stops; removing the file ourselves at stop also
 * covers a stop that systemd does not see (a development run).
 */
export const KIOSK_URL_FILE = 'kiosk-url';

/** The first folder of $RUNTIME_DIRECTORY (systemd joins several with ':'); null when unset. */
export function runtimeDirectory(env: Readonly<Record<string, string | undefined>>): string | null {
  const first = env['RUNTIME_DIRECTORY']?.split(':')[0];
  return first ? first : null;
}

export function writeKioskUrlFile(dir: string, url: string): string {
  const path = join(dir, KIOSK_URL_FILE);
  replaceFile(path, `${url}\n`, 0o600);
  return path;
}

export function removeKioskUrlFile(dir: string): void {
  rmSync(join(dir, KIOSK_URL_FILE), { force: true });
}

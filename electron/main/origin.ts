/**
 * Our one origin. The renderer, the out-of-service page and every IPC caller must be on it;
 * everything else is foreign (docs/reliability.md §1.1, checklist items 13, 17, 18).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;
export const OUT_OF_SERVICE_PATH = '/out-of-service.html';
export const OUT_OF_SERVICE_URL = `${APP_ORIGIN}${OUT_OF_SERVICE_PATH}`;

/**
 * True when `value` (a URL or a serialized origin) is on `app://kiosk`.
 *
 * Parsed with URL and compared part by part, never with startsWith (checklist item 13):
 * `app://kiosk.evil`, `app://kiosk@evil`, `app://evil@kiosk` and `app://kiosk:1` are all foreign.
 * We cannot compare `url.origin`: Node's URL gives non-special schemes an opaque "null" origin,
 * while Chromium (which knows `app` is a registered standard scheme) serializes it `app://kiosk`.
 */
export function isKioskUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

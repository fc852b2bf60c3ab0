/**
 * The browser host's launch key: a secret made fresh at each start, handed only to the page the
 * kiosk opened, and required on every API WebSocket. Without it any local program, or any web
 * page in any browser on the machine, could drive the kiosk API: Origin and Host are just headers
 * that a local process writes as it likes.
 *
 * How it travels (docs/privacy.md, "The kiosk's own doors"):
 * - in the URL's fragment, `http://127.0.0.1:<port>/#key=<secret>`: a browser never sends the
 *   fragment to the server nor in a Referer, so it lands in no request log;
 * - the page reads it at load, keeps it in sessionStorage (which survives a reload and a renderer
 *   crash of the same tab, and nothing else reads) and removes it from the address bar;
 * - the page offers it as a WebSocket subprotocol, because a browser's WebSocket cannot set other
 *   headers. The host answers with the plain API protocol, never echoing the key.
 *
 * Environment-free: the host, the renderer and the end-to-end tests share it.
 */

/** The protocol the host selects for the API socket. */
export const API_SUBPROTOCOL = 'bianmin-kiosk.api.v1';

/** The second offered subprotocol carries the key: `bianmin-kiosk.key.<secret>`. */
export const KEY_SUBPROTOCOL_PREFIX = 'bianmin-kiosk.key.';

/**
 * base64url, at least 22 characters (≥ 128 bits) and at most 128. These characters are all HTTP
 * token characters (RFC 6455 §4.1 requires subprotocols to be tokens), so the key can ride in
 * Sec-WebSocket-Protocol unchanged.
 */
export const LAUNCH_KEY_PATTERN = /^[A-Za-z0-9_-]{22,128}$/;

/** The fragment parameter that carries the key. */
export const LAUNCH_KEY_PARAM = 'key';

/** Where the page keeps the key between reloads (sessionStorage, this tab only). */
export const LAUNCH_KEY_STORAGE_ITEM = 'bianmin-kiosk.launch-key';

/** The subprotocols a client offers: the API's, then the one carrying the key. */
export function apiSubprotocols(key: string | null): string[] {
  return key === null ? [API_SUBPROTOCOL] : [API_SUBPROTOCOL, `${KEY_SUBPROTOCOL_PREFIX}${key}`];
}

/**
 * What a client offered in `Sec-WebSocket-Protocol` (comma-separated): whether it asked for the
 * API protocol and the key it presented, if exactly one well-formed key. Two keys are treated as
 * none, so a client cannot try several in one handshake.
 */
export function parseOfferedSubprotocols(header: string | undefined): { api: boolean; key: string | null } {
  const offered = (header ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const keys = offered
    .filter((part) => part.startsWith(KEY_SUBPROTOCOL_PREFIX))
    .map((part) => part.slice(KEY_SUBPROTOCOL_PREFIX.length));
  const key = keys.length === 1 && LAUNCH_KEY_PATTERN.test(keys[0] ?? '') ? (keys[0] ?? null) : null;
  return { api: offered.includes(API_SUBPROTOCOL), key };
}

/** The URL a person or the kiosk's Chromium opens: the host's root with the key in the fragment. */
export function launchUrl(origin: string, key: string): string {
  return `${origin}/#${LAUNCH_KEY_PARAM}=${key}`;
}

/**
 * Splits a location's fragment (with or without its `#`) into the launch key and the rest, which
 * the page keeps (e.g. `#key=…&camera-harness` → key, `camera-harness`). Parts are `&`-separated.
 */
export function splitLaunchFragment(hash: string): { key: string | null; rest: string } {
  const parts = hash.replace(/^#/, '').split('&');
  let key: string | null = null;
  const rest: string[] = [];
  for (const part of parts) {
    if (part.startsWith(`${LAUNCH_KEY_PARAM}=`)) {
      const value = part.slice(LAUNCH_KEY_PARAM.length + 1);
      if (LAUNCH_KEY_PATTERN.test(value)) key = value;
    } else if (part !== '') {
      rest.push(part);
    }
  }
  return { key, rest: rest.join('&') };
}

/** A launch URL with more fragment parts after the key (`#key=…&camera-harness`). */
export function withFragmentPart(url: string, part: string): string {
  return url.includes('#') ? `${url}&${part}` : `${url}#${part}`;
}

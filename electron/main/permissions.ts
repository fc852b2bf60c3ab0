import { isKioskUrl } from './origin';

/**
 * Permission decisions (checklist item 5: Electron's default grants everything). Our devices are
 * driven from Node, so the page needs exactly one web permission: the document camera, as video
 * only, for our own top-level page. Everything else is denied, including microphone, geolocation,
 * notifications, clipboard and WebHID/Serial/USB (whose device pickers are refused separately).
 */

/** What `setPermissionRequestHandler` tells us about one request. */
export interface PermissionRequestFacts {
  readonly permission: string;
  readonly isMainFrame: boolean;
  readonly requestingUrl: string;
  /** Media requests only. */
  readonly mediaTypes?: readonly string[] | undefined;
  readonly securityOrigin?: string | undefined;
}

export function allowPermissionRequest(facts: PermissionRequestFacts): boolean {
  if (facts.permission !== 'media' || !facts.isMainFrame || !isKioskUrl(facts.requestingUrl)) return false;
  if (facts.securityOrigin !== undefined && !isKioskUrl(facts.securityOrigin)) return false;
  const mediaTypes = facts.mediaTypes ?? [];
  return mediaTypes.length > 0 && mediaTypes.every((type) => type === 'video');
}

/** What `setPermissionCheckHandler` tells us about one synchronous check. */
export interface PermissionCheckFacts {
  readonly permission: string;
  readonly requestingOrigin: string;
  readonly isMainFrame: boolean;
  readonly mediaType?: string | undefined;
  readonly securityOrigin?: string | undefined;
  /** Only set for cross-origin subframes, which never get anything. */
  readonly embeddingOrigin?: string | undefined;
}

export function allowPermissionCheck(facts: PermissionCheckFacts): boolean {
  if (facts.permission !== 'media' || !facts.isMainFrame || facts.mediaType !== 'video') return false;
  if (facts.embeddingOrigin !== undefined) return false;
  if (facts.securityOrigin !== undefined && !isKioskUrl(facts.securityOrigin)) return false;
  return isKioskUrl(facts.requestingOrigin);
}

import { API_BASE_PATH } from '../../platform/contract/endpoint-types';
import { VIDEO_HELP_AVAILABILITY_PATH, VIDEO_HELP_KIOSK_SOCKET_PATH } from '../../platform/contract/video-help';

/**
 * Where 视频帮办 lives on the platform, from the base URL the platform client uses. That URL ends in
 * the API base path (`https://platform.example.gov.cn/api/v1`, kiosk-config/schema.ts; the embedded
 * platform's `http://127.0.0.1:<port>/api/v1`), and may sit under a reverse proxy's prefix, which is
 * kept. The contract's paths are absolute (they start with the API base path).
 */
function platformRoot(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  return trimmed.endsWith(API_BASE_PATH) ? trimmed.slice(0, -API_BASE_PATH.length) : trimmed;
}

/** The kiosk's signalling socket: ws:// beside http://, wss:// beside https://. */
export function kioskSocketUrl(baseUrl: string): string {
  const url = new URL(`${platformRoot(baseUrl)}${VIDEO_HELP_KIOSK_SOCKET_PATH}`);
  if (url.protocol === 'https:') url.protocol = 'wss:';
  else if (url.protocol === 'http:') url.protocol = 'ws:';
  else throw new Error(`the platform's base URL ${baseUrl} is neither http nor https`);
  return url.toString();
}

/** The availability endpoint relative to the base URL, as platformRequest takes paths. */
export const AVAILABILITY_PATH = VIDEO_HELP_AVAILABILITY_PATH.startsWith(API_BASE_PATH)
  ? VIDEO_HELP_AVAILABILITY_PATH.slice(API_BASE_PATH.length)
  : VIDEO_HELP_AVAILABILITY_PATH;

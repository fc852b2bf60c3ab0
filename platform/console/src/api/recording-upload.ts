import { err, ok, type Result } from '../../../../core/pure/result';
import { CONSOLE_API_BASE_PATH, CSRF_HEADER } from '../../../contract/console/endpoints';

/**
 * Uploads a call's recording (webm bytes) to the platform, which seals it
 * (docs/video-help.md §Recording; the `video_call_recordings` table). The body is the file, not
 * JSON, so it goes past the JSON client (api/client.ts) but the same way a change does: same
 * origin with the session cookie and the session's CSRF token in CSRF_HEADER.
 */
export function recordingUploadPath(callId: string): string {
  return `${CONSOLE_API_BASE_PATH}/video-calls/${encodeURIComponent(callId)}/recording`;
}

export type UploadFailure =
  | { readonly kind: 'noSession' }
  | { readonly kind: 'network'; readonly detail: string }
  | { readonly kind: 'refused'; readonly status: number };

export async function uploadRecording(
  fetchFn: (url: string, init: RequestInit) => Promise<Response>,
  csrfToken: string | null,
  callId: string,
  recording: Blob,
): Promise<Result<{ bytes: number }, UploadFailure>> {
  if (csrfToken === null) return err({ kind: 'noSession' });
  let response: Response;
  try {
    response = await fetchFn(recordingUploadPath(callId), {
      method: 'POST',
      headers: { 'content-type': recording.type || 'video/webm', [CSRF_HEADER]: csrfToken },
      body: recording,
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (error) {
    return err({ kind: 'network', detail: error instanceof Error ? error.message : String(error) });
  }
  if (!response.ok) return err({ kind: 'refused', status: response.status });
  return ok({ bytes: recording.size });
}

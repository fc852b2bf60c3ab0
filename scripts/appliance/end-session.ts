import WebSocket from 'ws';
import { apiSubprotocols } from '../../core/api/launch-key';

/**
 * Ends the resident session in the kiosk service when the display lost the kiosk page (a crashed
 * renderer, Chromium gone): the next page starts at the attract screen, and whoever was signed in
 * must be forgotten now, not when the next person touches the screen. The display runs apart from
 * the service, so it asks through the kiosk API, as the page does: one socket to the URL's origin,
 * offering this run's launch key (core/api/launch-key.ts), one `session.end` call.
 */
export type EndSessionResult = { ok: true } | { ok: false; reason: string };

export function endResidentSession(kioskUrl: string, timeoutMs = 3_000): Promise<EndSessionResult> {
  const url = new URL(kioskUrl);
  const key = new URLSearchParams(url.hash.slice(1)).get('key');
  if (!key) return Promise.resolve({ ok: false, reason: 'the kiosk URL carries no launch key' });

  return new Promise((resolve) => {
    const socket = new WebSocket(`ws://${url.host}/api`, apiSubprotocols(key), {
      // The API takes only its own origin, as a page on it would send.
      headers: { origin: url.origin },
    });
    let settled = false;
    const finish = (result: EndSessionResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.close();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: `no answer in ${timeoutMs} ms` }), timeoutMs);
    socket.once('open', () => socket.send(JSON.stringify({ type: 'call', id: 1, method: 'session.end', input: {} })));
    socket.on('message', (data: WebSocket.RawData, isBinary: boolean) => {
      if (isBinary) return;
      let message: { type?: unknown; id?: unknown; response?: { ok?: unknown; error?: { code?: unknown } } };
      try {
        message = JSON.parse((data as Buffer).toString('utf8')) as typeof message;
      } catch {
        return;
      }
      if (message.type !== 'result' || message.id !== 1) return;
      const code = message.response?.error?.code;
      finish(
        message.response?.ok === true
          ? { ok: true }
          : { ok: false, reason: `the kiosk answered ${typeof code === 'string' ? code : 'an error'}` },
      );
    });
    socket.once('unexpected-response', (_request, response) =>
      finish({ ok: false, reason: `the kiosk refused the API socket (HTTP ${response.statusCode})` }),
    );
    socket.once('error', (error) => finish({ ok: false, reason: error.message }));
  });
}

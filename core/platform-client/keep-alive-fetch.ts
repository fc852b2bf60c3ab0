import http from 'node:http';
import https from 'node:https';

/**
 * The platform client's transport: `fetch`'s shape over node:http / node:https with one
 * keep-alive agent per protocol. Node's own fetch costs about a millisecond per request on a
 * station's small CPU (measured: 1.07 ms against 0.20 ms for the same POST on loopback, see
 * docs/county-scale.md), which is what bounded an outbox drain after an outage; the requests
 * themselves are the same bytes. TLS is Node's, with its default certificate checks.
 *
 * Only what platformRequest uses is supported: method, headers, a string or byte body, an
 * AbortSignal (a timeout rejects with the signal's reason, a TimeoutError, as fetch does).
 */
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 4 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 4 }),
} as const;

export const keepAliveFetch: typeof globalThis.fetch = (input, init) =>
  new Promise<Response>((resolve, reject) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const protocol = url.protocol === 'https:' ? 'https:' : url.protocol === 'http:' ? 'http:' : undefined;
    if (protocol === undefined) {
      reject(new TypeError(`unsupported protocol ${url.protocol}`));
      return;
    }
    const signal = init?.signal ?? undefined;
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const body = bodyBytes(init?.body);
    const headers = new Headers(init?.headers);
    if (body !== undefined) headers.set('content-length', String(body.byteLength));
    const module = protocol === 'https:' ? https : http;
    const request = module.request(url, {
      method: init?.method ?? 'GET',
      headers: Object.fromEntries(headers),
      agent: agents[protocol],
    });
    const onAbort = () => {
      request.destroy();
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    request.once('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(error);
    });
    request.once('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('error', reject);
      response.once('end', () => {
        signal?.removeEventListener('abort', onAbort);
        const answered = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          if (value !== undefined) answered.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        const status = response.statusCode ?? 502;
        // A Response may not carry a body on these statuses.
        const empty = status === 204 || status === 304 || (status >= 100 && status < 200);
        resolve(
          new Response(empty ? null : Buffer.concat(chunks), {
            status,
            statusText: response.statusMessage ?? '',
            headers: answered,
          }),
        );
      });
    });
    request.end(body);
  });

function bodyBytes(body: RequestInit['body']): Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new TypeError('keepAliveFetch sends strings and bytes only');
}

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

/**
 * A kept-alive connection the server is closing (its keep-alive timeout, 5 s for Node's server,
 * ran out as our request set off) fails with ECONNRESET or EPIPE before any answer. Node's docs
 * (http.ClientRequest reusedSocket) name this race and the cure: send again on a new connection.
 * Safe here because every write carries its Idempotency-Key and a reset before any answer byte
 * may at worst replay a stored answer. Seen in CI as a 差评 that stayed queued past the test's
 * wait: its first send met a connection closing after an idle pause.
 */
const CLOSED_UNDER_US = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

export const keepAliveFetch: typeof globalThis.fetch = async (input, init) => {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  const protocol = url.protocol === 'https:' ? 'https:' : url.protocol === 'http:' ? 'http:' : undefined;
  if (protocol === undefined) throw new TypeError(`unsupported protocol ${url.protocol}`);
  const signal = init?.signal ?? undefined;
  const body = bodyBytes(init?.body);
  const headers = new Headers(init?.headers);
  if (body !== undefined) headers.set('content-length', String(body.byteLength));
  const once = () => sendOnce(url, protocol, init?.method ?? 'GET', Object.fromEntries(headers), body, signal);
  const first = await once();
  if (first.ok) return first.response;
  if (first.reusedSocket && !signal?.aborted && CLOSED_UNDER_US.has(codeOf(first.error))) {
    const second = await once();
    if (second.ok) return second.response;
    throw second.error;
  }
  throw first.error;
};

type Sent =
  | { readonly ok: true; readonly response: Response }
  | { readonly ok: false; readonly error: unknown; readonly reusedSocket: boolean };

function sendOnce(
  url: URL,
  protocol: keyof typeof agents,
  method: string,
  headers: Record<string, string>,
  body: Uint8Array | undefined,
  signal: AbortSignal | undefined,
): Promise<Sent> {
  return new Promise<Sent>((resolve) => {
    if (signal?.aborted) {
      resolve({ ok: false, error: signal.reason, reusedSocket: false });
      return;
    }
    const module = protocol === 'https:' ? https : http;
    const request = module.request(url, { method, headers, agent: agents[protocol] });
    const failed = (error: unknown) => {
      signal?.removeEventListener('abort', onAbort);
      resolve({ ok: false, error, reusedSocket: request.reusedSocket });
    };
    const onAbort = () => {
      request.destroy();
      failed(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    request.once('error', failed);
    request.once('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      // An answer cut off half-way is not retried: the server did answer.
      response.once('error', (error) => failed(Object.assign(error, { answered: true })));
      response.once('end', () => {
        signal?.removeEventListener('abort', onAbort);
        const answered = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          if (value !== undefined) answered.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        const status = response.statusCode ?? 502;
        // A Response may not carry a body on these statuses.
        const empty = status === 204 || status === 304 || (status >= 100 && status < 200);
        resolve({
          ok: true,
          response: new Response(empty ? null : Buffer.concat(chunks), {
            status,
            statusText: response.statusMessage ?? '',
            headers: answered,
          }),
        });
      });
    });
    request.end(body);
  });
}

function codeOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  if ((error as { answered?: boolean }).answered) return '';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}

function bodyBytes(body: RequestInit['body']): Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new TypeError('keepAliveFetch sends strings and bytes only');
}

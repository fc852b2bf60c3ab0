import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { keepAliveFetch } from './keep-alive-fetch';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('keepAliveFetch', () => {
  it('sends method, headers and body, answers status, headers and body, and reuses the connection', async () => {
    const sockets = new Set<unknown>();
    const origin = await serve((request, response) => {
      sockets.add(request.socket);
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        response.writeHead(201, { 'content-type': 'application/json', 'x-seen': request.headers['x-key'] ?? '' });
        response.end(JSON.stringify({ method: request.method, body: Buffer.concat(chunks).toString('utf8') }));
      });
    });
    for (const body of ['{"a":1}', new TextEncoder().encode('bytes')]) {
      const answer = await keepAliveFetch(`${origin}/x`, { method: 'POST', headers: { 'x-key': 'k1' }, body });
      expect(answer.status).toBe(201);
      expect(answer.headers.get('x-seen')).toBe('k1');
      expect(await answer.json()).toEqual({
        method: 'POST',
        body: typeof body === 'string' ? body : 'bytes',
      });
    }
    expect(sockets.size).toBe(1);
  });

  it('answers 304 without a body and rejects a refused connection', async () => {
    const origin = await serve((_request, response) => response.writeHead(304).end());
    const answer = await keepAliveFetch(`${origin}/doc`);
    expect(answer.status).toBe(304);
    expect(await answer.text()).toBe('');
    await expect(keepAliveFetch('http://127.0.0.1:1/none')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('rejects with the signal’s TimeoutError when the answer takes too long', async () => {
    const origin = await serve(() => undefined);
    const failed = await keepAliveFetch(`${origin}/slow`, { signal: AbortSignal.timeout(100) }).catch(
      (error: unknown) => error,
    );
    expect((failed as Error).name).toBe('TimeoutError');
  });
});

describe('keepAliveFetch on a kept-alive connection the server is closing', () => {
  it('sends again on a new connection when the reused one is reset before any answer', async () => {
    let connections = 0;
    server = createServer((request, response) => {
      request.resume();
      request.on('end', () => response.end(`answer ${request.url}`));
    });
    // The first connection answers once, then is cut the moment the next request's bytes
    // arrive on it: what a server closing an idle keep-alive connection looks like to us.
    server.on('connection', (socket) => {
      connections += 1;
      if (connections !== 1) return;
      let requests = 0;
      socket.prependListener('data', () => {
        requests += 1;
        if (requests === 2) socket.destroy();
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect(await (await keepAliveFetch(`${origin}/a`, { method: 'POST', body: '{}' })).text()).toBe('answer /a');
    const again = await keepAliveFetch(`${origin}/b`, { method: 'POST', body: '{}' });
    expect(await again.text()).toBe('answer /b');
    expect(connections).toBe(2);
  });

  it('does not send again when a fresh connection is reset, nor when the answer was cut off', async () => {
    let served = 0;
    const origin = await serve((request, response) => {
      served += 1;
      if (request.url === '/reset') request.socket.destroy();
      else {
        response.writeHead(200, { 'content-length': '100' });
        response.write('partial');
        setTimeout(() => request.socket.destroy(), 20);
      }
    });
    await expect(keepAliveFetch(`${origin}/reset`, { method: 'POST', body: '{}' })).rejects.toThrow(
      /socket hang up|ECONNRESET/,
    );
    expect(served).toBe(1);
    await expect(keepAliveFetch(`${origin}/cut`)).rejects.toThrow();
    expect(served).toBe(2);
  });
});

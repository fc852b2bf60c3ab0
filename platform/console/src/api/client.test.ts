import { describe, expect, it } from 'vitest';
import { CONSOLE_ENDPOINTS, CSRF_HEADER } from '../../../contract/console/endpoints';
import type { ConsoleSession } from '../../../contract/console/users';
import { consoleUrl, createConsoleClient } from './client';

interface Sent {
  readonly url: string;
  readonly init: RequestInit;
}

/** A fetch that records what it was asked and answers from a queue. */
function recordingFetch(...answers: Response[]) {
  const sent: Sent[] = [];
  const fetch = (input: string, init?: RequestInit): Promise<Response> => {
    sent.push({ url: input, init: init ?? {} });
    const next = answers.shift();
    if (!next) return Promise.reject(new TypeError('Failed to fetch'));
    return Promise.resolve(next);
  };
  return { fetch: fetch, sent };
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

const session: ConsoleSession = {
  user: {
    userId: 'U-1',
    username: 'admin',
    displayName: '县管理员',
    role: 'countyAdmin',
    scope: { kind: 'county' },
    disabled: false,
    createdAt: '2026-03-01T08:00:00+08:00',
    lastLoginAt: null,
  },
  csrfToken: 'c'.repeat(40),
  expiresAt: '2026-03-01T09:00:00+08:00',
};

const alarm = {
  alarmId: 'ALM-7',
  terminalId: 'KIOSK-0001',
  stationId: 'ST-001',
  rule: 'paper-low',
  severity: 'minor',
  raisedAt: '2026-03-01T08:00:00+08:00',
  recoveredAt: null,
  flapping: false,
  flappingChanges: null,
  acknowledged: { by: 'admin', at: '2026-03-01T08:05:00+08:00', note: '已换纸' },
};

describe('consoleUrl', () => {
  it('fills path parameters, encoded, under the console API base', () => {
    expect(consoleUrl('getKiosk', { terminalId: 'KIOSK 1/2' })).toBe('/console/api/kiosks/KIOSK%201%2F2');
  });

  it('encodes the query and leaves out empty values', () => {
    expect(consoleUrl('getFleet', {}, { township: '370784107', station: undefined, state: '' })).toBe(
      '/console/api/fleet?township=370784107',
    );
  });

  it('refuses a missing path parameter (a bug in the caller)', () => {
    expect(() => consoleUrl('getKiosk')).toThrow(/terminalId/);
  });

  it('knows every endpoint of the table', () => {
    for (const endpoint of CONSOLE_ENDPOINTS) {
      const params: Record<string, string> = Object.fromEntries(
        [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1] ?? '', 'X-1']),
      );
      expect(consoleUrl(endpoint.operationId, params)).toMatch(/^\/console\/api\//);
    }
  });
});

describe('createConsoleClient', () => {
  it('sends GETs with same-origin credentials and no CSRF header, and checks the answer', async () => {
    const { fetch, sent } = recordingFetch(json(200, session));
    const client = createConsoleClient({ fetch });
    const result = await client.call('getSession', {});
    expect(result).toEqual({ ok: true, value: session });
    expect(sent[0]?.url).toBe('/console/api/session');
    expect(sent[0]?.init.method).toBe('GET');
    expect(sent[0]?.init.credentials).toBe('same-origin');
    expect(sent[0]?.init.body).toBeUndefined();
    expect((sent[0]?.init.headers as Record<string, string>)[CSRF_HEADER]).toBeUndefined();
    expect(client.csrfToken).toBe(session.csrfToken);
  });

  it('puts the session CSRF token on every POST after login, and none on the login itself', async () => {
    const { fetch, sent } = recordingFetch(json(201, session), json(200, alarm));
    const client = createConsoleClient({ fetch });
    await client.call('login', { body: { username: 'admin', password: 'correct horse' } });
    const acked = await client.call('acknowledgeAlarm', { pathParams: { alarmId: 'ALM-7' }, body: { note: '已换纸' } });
    expect(acked.ok).toBe(true);
    const [login, ack] = sent;
    expect((login?.init.headers as Record<string, string>)[CSRF_HEADER]).toBeUndefined();
    expect(ack?.url).toBe('/console/api/alarms/ALM-7/acknowledgement');
    expect(ack?.init.method).toBe('POST');
    expect((ack?.init.headers as Record<string, string>)[CSRF_HEADER]).toBe(session.csrfToken);
    expect(JSON.parse(ack?.init.body as string)).toEqual({ note: '已换纸' });
  });

  it('validates the body before sending: nothing leaves when it breaks the contract', async () => {
    const { fetch, sent } = recordingFetch();
    const client = createConsoleClient({ fetch });
    const result = await client.call('issueCommand', {
      pathParams: { terminalId: 'KIOSK-0001' },
      body: { kind: 'outOfService', on: true, message: '   ' },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('invalidRequest');
    expect(sent).toHaveLength(0);
  });

  it('sends the parsed body (defaults filled, text trimmed)', async () => {
    const command = {
      commandId: 'CMD-1',
      terminalId: 'KIOSK-0001',
      request: { kind: 'raiseLogLevel', level: 'debug', minutes: 60 },
      issuedAt: '2026-03-01T08:00:00+08:00',
      issuedBy: 'admin',
      expiresAt: '2026-03-01T09:00:00+08:00',
      deliveredAt: null,
      state: 'pending',
      result: null,
    };
    const { fetch, sent } = recordingFetch(json(201, command));
    const client = createConsoleClient({ fetch });
    client.setSession(session);
    const result = await client.call('issueCommand', {
      pathParams: { terminalId: 'KIOSK-0001' },
      body: { kind: 'raiseLogLevel', level: 'debug' },
    });
    expect(result).toEqual({ ok: true, value: command });
    expect(JSON.parse(sent[0]?.init.body as string)).toEqual({ kind: 'raiseLogLevel', level: 'debug', minutes: 60 });
  });

  it('on 401 forgets the token, calls onUnauthorized and answers unauthorized', async () => {
    const { fetch } = recordingFetch(
      json(
        401,
        { type: 'about:blank', title: 'Unauthorized', status: 401, code: 'unauthorized' },
        'application/problem+json',
      ),
    );
    let told = 0;
    const client = createConsoleClient({ fetch, onUnauthorized: () => told++ });
    client.setSession(session);
    const result = await client.call('getFleet', { query: {} });
    expect(result).toEqual({ ok: false, error: { kind: 'unauthorized' } });
    expect(told).toBe(1);
    expect(client.csrfToken).toBeNull();
  });

  it('turns problem+json into a problem with its code and detail', async () => {
    const { fetch } = recordingFetch(
      json(
        403,
        { type: 'about:blank', title: 'Forbidden', status: 403, code: 'forbidden', detail: 'not your station' },
        'application/problem+json',
      ),
    );
    const client = createConsoleClient({ fetch });
    const result = await client.call('getKiosk', { pathParams: { terminalId: 'KIOSK-0002' } });
    expect(result).toEqual({
      ok: false,
      error: { kind: 'problem', status: 403, code: 'forbidden', detail: 'not your station' },
    });
  });

  it('answers badResponse when the platform breaks the contract', async () => {
    const { fetch } = recordingFetch(json(200, { alarms: [{ alarmId: 'nope' }] }));
    const client = createConsoleClient({ fetch });
    expect(await client.call('listAlarms', { query: { open: 'true' } })).toEqual({
      ok: false,
      error: { kind: 'badResponse', status: 200 },
    });
  });

  it('answers network when fetch fails', async () => {
    const { fetch } = recordingFetch();
    const client = createConsoleClient({ fetch });
    const result = await client.call('listEnrolments', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('network');
  });

  it('encodes the query from the call', async () => {
    const { fetch, sent } = recordingFetch(json(200, { entries: [], nextBefore: null }));
    const client = createConsoleClient({ fetch });
    await client.call('getAudit', { query: { before: 120, username: 'li.wei' } });
    expect(sent[0]?.url).toBe('/console/api/audit?username=li.wei&before=120');
  });

  it('forgets the token after logout', async () => {
    const { fetch } = recordingFetch(json(200, {}));
    const client = createConsoleClient({ fetch });
    client.setSession(session);
    await client.call('logout', { body: {} });
    expect(client.csrfToken).toBeNull();
  });
});

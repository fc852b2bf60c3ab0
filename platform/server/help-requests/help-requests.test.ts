import { afterEach, describe, expect, it } from 'vitest';
import type { AssistanceRequest, AssistanceRequestState, AssistanceSearchResult } from '../../contract/assistance';
import type { ConsoleRole, ConsoleScope, ConsoleUser } from '../../contract/console/users';
import type { ConsoleCall, ConsoleHandlers, HelpOperationId } from '../console/handler-types';
import { createConsoleUser } from '../console/users-store';
import { callbackRequestBody } from '../testing/bodies';
import { createTestPlatform, KIOSK_2, manualClock, type TestPlatform } from '../testing/harness';
import { createHelpConsoleHandlers } from '.';

/**
 * Help requests end to end on the platform: a kiosk sends them (with the card-verified requester
 * or without), staff work them through the console handlers, and the requester finds them again
 * by identity with who handles them, and nothing of anybody else's.
 */

const ID_A = '370784195001011234';
const ID_B = '37078419800202567X';

let platform: TestPlatform;
afterEach(() => platform.close());

async function setUp() {
  const clock = manualClock('2026-03-02T09:00:00+08:00');
  platform = await createTestPlatform({ now: clock.now });
  const handlers = createHelpConsoleHandlers({ sql: platform.sql, sealer: platform.sealer });
  const addUser = async (username: string, role: ConsoleRole, scope: ConsoleScope): Promise<ConsoleUser> => {
    const created = await createConsoleUser(
      platform.sql,
      { username, displayName: username === 'wang.fang' ? '王芳' : username, role, scope, passwordHash: 'x' },
      clock.now(),
    );
    if (!created.ok) throw new Error('user exists');
    return created.value;
  };
  return { clock, handlers, addUser };
}

async function send(body: AssistanceRequest, token?: string): Promise<AssistanceRequestState> {
  const response = await platform.request('POST', '/api/v1/assistance-requests', { body, token });
  expect(response.status, response.text).toBe(201);
  return response.json<AssistanceRequestState>();
}

async function search(idNumber: string): Promise<AssistanceRequestState[]> {
  const response = await platform.request('POST', '/api/v1/assistance-searches', {
    body: { idType: 'residentIdCard', idNumber },
  });
  expect(response.status, response.text).toBe(200);
  return response.json<AssistanceSearchResult>().requests;
}

const withRequester = <T extends AssistanceRequest>(body: T, idNumber: string): T => ({
  ...body,
  requester: { idType: 'residentIdCard', idNumber, evidence: 'idCardChip' },
});

type Call<Id extends HelpOperationId> = Pick<ConsoleCall<Id>, 'params' | 'query' | 'body'>;
async function run<Id extends HelpOperationId>(
  handlers: ConsoleHandlers<HelpOperationId>,
  id: Id,
  user: ConsoleUser,
  now: Date,
  call: Call<Id>,
) {
  const handler = handlers[id] as (c: ConsoleCall<Id>) => unknown;
  return (await handler({ user, ip: '203.0.113.7', now, ...call })) as ReturnType<ConsoleHandlers<Id>[Id]> extends
    infer R | Promise<infer R>
    ? R
    : never;
}

// The first test also loads the OpenAPI checker: more than the default 5 s on a busy machine.
describe('help requests: staff inbox and steps', { timeout: 30_000 }, () => {
  it('lists overdue requests first by the station’s own limit, then the longest waiting', async () => {
    const { clock, handlers, addUser } = await setUp();
    const staff = await addUser('wang.fang', 'stationStaff', { kind: 'station', stationId: 'station-1' });
    const admin = await addUser('county', 'countyAdmin', { kind: 'county' });
    const early = await send({ ...callbackRequestBody(), kind: 'callback' });
    clock.set('2026-03-02T10:00:00+08:00');
    const agent = await send({
      kind: 'agentAtStation',
      stationId: 'station-1',
      matter: null,
      caseNo: null,
      needs: [],
      requestedAt: '2026-03-02T10:00:00+08:00',
      offline: false,
    });
    clock.set('2026-03-02T11:30:00+08:00');
    // The agent at the station is 1.5 h old (limit 1 h): overdue; the callback (limit 24 h) is not.
    let inbox = await run(handlers, 'listHelpRequests', staff, clock.now(), {
      params: undefined,
      query: {},
      body: undefined,
    });
    if (!inbox.ok) throw new Error(inbox.error.detail);
    expect(inbox.value.requests.map((r) => [r.requestId, r.overdue])).toEqual([
      [agent.requestId, true],
      [early.requestId, false],
    ]);
    expect(inbox.value.requests[1]).toMatchObject({ waitedMinutes: 150, requesterName: '李大爷', kind: 'callback' });
    expect(inbox.value.requests[1]?.matter?.matterName).toBe('测试事项2');
    expect(inbox.value.counts).toEqual({ open: 2, overdue: 1 });

    // The county shortens the station's callback limit to 2 h: now both are overdue, oldest first.
    const put = await run(handlers, 'putStationSettings', admin, clock.now(), {
      params: { stationId: 'station-1' },
      query: undefined,
      body: { helpRequests: { contactWithinHours: { callback: 2, homeVisit: 48, agentAtStation: 1 } } },
    });
    expect(put.ok && put.value).toMatchObject({ customised: true, updatedBy: 'county' });
    inbox = await run(handlers, 'listHelpRequests', staff, clock.now(), {
      params: undefined,
      query: { overdue: 'true' },
      body: undefined,
    });
    expect(inbox.ok && inbox.value.requests.map((r) => r.requestId)).toEqual([early.requestId, agent.requestId]);
    // And the kiosk is told the station's figure.
    const back = await platform.request('GET', `/api/v1/assistance-requests/${early.requestId}`);
    expect(back.json<AssistanceRequestState>().expectedContactWithinHours).toBe(2);
  });

  it('accepts, records contacts and completes; refuses steps out of order and on closed requests', async () => {
    const { clock, handlers, addUser } = await setUp();
    const staff = await addUser('wang.fang', 'stationStaff', { kind: 'station', stationId: 'station-1' });
    const request = await send(callbackRequestBody());
    const params = { requestId: request.requestId };
    const now = clock.now();

    const early = await run(handlers, 'addHelpContact', staff, now, {
      params,
      query: undefined,
      body: { channel: 'phone', outcome: 'reached' },
    });
    expect(early).toEqual({ ok: false, error: { kind: 'conflict', detail: 'accept the request first' } });
    const tooSoon = await run(handlers, 'completeHelpRequest', staff, now, {
      params,
      query: undefined,
      body: { note: 'x' },
    });
    expect(tooSoon.ok).toBe(false);

    const assigned = await run(handlers, 'assignHelpRequest', staff, now, {
      params,
      query: undefined,
      body: { assignee: 'agent', agentName: '王芳' },
    });
    expect(assigned.ok && assigned.value.request).toMatchObject({ status: 'assigned', assigneeName: '王芳（帮办员）' });

    const contacted = await run(handlers, 'addHelpContact', staff, now, {
      params,
      query: undefined,
      body: { channel: 'phone', outcome: 'noAnswer', note: '下午再打' },
    });
    expect(contacted.ok && contacted.value.request.status).toBe('inProgress');
    expect(contacted.ok && contacted.value.contacts).toEqual([
      expect.objectContaining({ channel: 'phone', outcome: 'noAnswer', note: '下午再打', staffName: '王芳' }),
    ]);
    // The note is sealed at rest.
    const stored = await platform.sql.get<{ sealed_note: Buffer }>('SELECT sealed_note FROM assistance_contacts');
    expect(stored?.sealed_note.toString('utf8')).not.toContain('下午再打');

    const done = await run(handlers, 'completeHelpRequest', staff, now, {
      params,
      query: undefined,
      body: { note: '已帮忙预约办理' },
    });
    expect(done.ok && done.value).toMatchObject({ completionNote: '已帮忙预约办理', request: { status: 'done' } });
    expect(done.ok && done.value.history.map((h) => h.event)).toEqual([
      'received',
      'accepted',
      'contacted',
      'completed',
    ]);

    const again = await run(handlers, 'cancelHelpRequest', staff, now, {
      params,
      query: undefined,
      body: { reason: 'x' },
    });
    expect(again).toEqual({ ok: false, error: { kind: 'conflict', detail: 'this request is already closed' } });
    const open = await run(handlers, 'listHelpRequests', staff, now, { params: undefined, query: {}, body: undefined });
    expect(open.ok && open.value.requests).toEqual([]);
    const closed = await run(handlers, 'listHelpRequests', staff, now, {
      params: undefined,
      query: { status: 'done' },
      body: undefined,
    });
    expect(closed.ok && closed.value.requests.map((r) => r.requestId)).toEqual([request.requestId]);
  });

  it('answers notFound for a request or station outside the user’s scope', async () => {
    const { clock, handlers, addUser } = await setUp();
    const staff = await addUser('wang.fang', 'stationStaff', { kind: 'station', stationId: 'station-1' });
    const township = await addUser('town', 'townshipAdmin', { kind: 'township', townshipCode: '370784999' });
    const other = await send(callbackRequestBody(KIOSK_2.stationId), KIOSK_2.token);
    const now = clock.now();
    const params = { requestId: other.requestId };
    for (const user of [staff, township]) {
      expect(
        await run(handlers, 'getHelpRequest', user, now, { params, query: undefined, body: undefined }),
      ).toMatchObject({
        ok: false,
        error: { kind: 'notFound' },
      });
      const assign = await run(handlers, 'assignHelpRequest', user, now, {
        params,
        query: undefined,
        body: { assignee: 'me' },
      });
      expect(assign).toMatchObject({ ok: false, error: { kind: 'notFound' } });
      const list = await run(handlers, 'listHelpRequests', user, now, {
        params: undefined,
        query: {},
        body: undefined,
      });
      expect(list.ok && list.value.requests).toEqual([]);
    }
    const settings = await run(handlers, 'getStationSettings', township, now, {
      params: { stationId: 'station-2' },
      query: undefined,
      body: undefined,
    });
    expect(settings).toMatchObject({ ok: false, error: { kind: 'notFound' } });
    const listing = await run(handlers, 'listHelpRequests', staff, now, {
      params: undefined,
      query: { station: 'station-2' },
      body: undefined,
    });
    expect(listing).toMatchObject({ ok: false, error: { kind: 'notFound' } });
  });
});

describe('POST /api/v1/assistance-searches', () => {
  it("answers only that person's requests, with the handler and the contacts' outcomes, never staff notes", async () => {
    const { clock, handlers, addUser } = await setUp();
    const staff = await addUser('wang.fang', 'stationStaff', { kind: 'station', stationId: 'station-1' });
    const mine = await send(withRequester(callbackRequestBody(), ID_A));
    await send(withRequester(callbackRequestBody(), ID_B));
    await send(callbackRequestBody());
    const params = { requestId: mine.requestId };
    await run(handlers, 'assignHelpRequest', staff, clock.now(), {
      params,
      query: undefined,
      body: { assignee: 'me' },
    });
    await run(handlers, 'addHelpContact', staff, clock.now(), {
      params,
      query: undefined,
      body: { channel: 'phone', outcome: 'reached', note: '居民女儿代为沟通' },
    });

    const found = await search(ID_A);
    expect(found).toEqual([
      expect.objectContaining({
        requestId: mine.requestId,
        status: 'inProgress',
        handlerName: '王芳',
        contacts: [{ at: '2026-03-02T01:00:00.000Z', channel: 'phone', outcome: 'reached' }],
      }),
    ]);
    expect(JSON.stringify(found)).not.toContain('居民女儿');
    expect(await search('370784199901010000')).toEqual([]);
    // The ID number is not kept, in the clear or in the sealed body.
    const rows = await platform.sql.all('SELECT * FROM assistance_requests');
    expect(JSON.stringify(rows)).not.toContain(ID_A);
  });
});

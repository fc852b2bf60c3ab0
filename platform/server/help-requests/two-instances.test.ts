import { afterEach, describe, expect, it } from 'vitest';
import type { HelpRequestDetail } from '../../contract/console/help-views';
import {
  createConsoleTwinPlatforms,
  type ConsoleTestPlatform,
  type ConsoleTwinPlatforms,
  type SignedInBrowser,
} from '../console/testing/console-platform';
import { recordAssistanceRequest } from '../store/assistance-requests';
import { registerTerminal } from '../store/terminals';
import { callbackRequestBody } from '../testing/bodies';

/**
 * Help requests worked by several members of staff at once through two platform instances on one
 * database (docs/county-scale.md): each step is a conditional UPDATE whose row count decides
 * (store/assistance-requests.ts), so however the requests interleave, one acceptance wins and
 * the others are told someone else has it, and a request is closed once, one way.
 */

const NOW = new Date('2026-03-02T01:00:00.000Z');
const STAFF = 8;

const twins: ConsoleTwinPlatforms[] = [];
afterEach(async () => {
  await Promise.all(twins.splice(0).map((twin) => twin.close()));
});

interface Member {
  readonly instance: ConsoleTestPlatform;
  readonly browser: SignedInBrowser;
  readonly displayName: string;
}

async function setUp(requests: number) {
  const twin = await createConsoleTwinPlatforms({ now: () => NOW });
  twins.push(twin);
  const { a, b } = twin;
  const registered = await registerTerminal(
    a.sql,
    { id: 'kiosk-1', token: 'k'.repeat(43), stationId: 'station-1' },
    NOW,
  );
  if (!registered.ok) throw new Error(registered.error.kind);
  const requestIds: string[] = [];
  for (let index = 0; index < requests; index += 1) {
    const state = await a.sql.transaction((tx) =>
      recordAssistanceRequest(tx, a.sealer, 'kiosk-1', callbackRequestBody(), NOW),
    );
    requestIds.push(state.requestId);
  }
  const staff: Member[] = [];
  for (let index = 0; index < STAFF; index += 1) {
    // Alternate instances: half of the staff reach the platform through each.
    const instance = index % 2 === 0 ? a : b;
    const user = await instance.addUser(`staff.${index}`, 'stationStaff');
    staff.push({ instance, browser: await instance.signIn(user.username), displayName: user.displayName });
  }
  return { a, b, staff, requestIds };
}

const post = (member: Member, path: string, body: unknown) =>
  member.instance.request('POST', `/console/api${path}`, { as: member.browser, body });

// Two pools, eight sign-ins and three rounds: more than the default 5 s on PostgreSQL on a busy machine.
describe('help requests on two instances', { timeout: 60_000 }, () => {
  it('gives a request accepted by eight members of staff at once exactly one assignee; the others get 409', async () => {
    const { a, staff, requestIds } = await setUp(3);
    for (const requestId of requestIds) {
      const answers = await Promise.all(
        staff.map((member) => post(member, `/help-requests/${requestId}/assignment`, { assignee: 'me' })),
      );
      const won = answers.flatMap((answer, index) => (answer.status === 200 ? [staff[index]] : []));
      expect(won, requestId).toHaveLength(1);
      const refused = answers.filter((answer) => answer.status === 409);
      expect(refused).toHaveLength(STAFF - 1);
      for (const answer of refused)
        expect(answer.json<{ detail: string }>().detail).toBe(
          'another member of staff has already accepted this request',
        );
      const row = await a.sql.get<{ assignee_name: string; status: string }>(
        'SELECT assignee_name, status FROM assistance_requests WHERE request_id = ?',
        [requestId],
      );
      expect(row).toEqual({ assignee_name: won[0]?.displayName, status: 'assigned' });
      // Who has it may still hand it to an agent; nobody else may take it over.
      const winner = won[0] as Member;
      const handed = await post(winner, `/help-requests/${requestId}/assignment`, {
        assignee: 'agent',
        agentName: '王芳',
      });
      expect(handed.status).toBe(200);
      expect(handed.json<HelpRequestDetail>().request.assigneeName).toBe('王芳（帮办员）');
      const other = staff.find((member) => member !== winner) as Member;
      expect((await post(other, `/help-requests/${requestId}/assignment`, { assignee: 'me' })).status).toBe(409);
    }
  });

  it('closes a request once when completions and cancellations arrive at both instances at once', async () => {
    const { a, staff, requestIds } = await setUp(3);
    for (const requestId of requestIds) {
      const holder = staff[0] as Member;
      expect((await post(holder, `/help-requests/${requestId}/assignment`, { assignee: 'me' })).status).toBe(200);
      const answers = await Promise.all(
        staff.map((member, index) =>
          index % 2 === 0
            ? post(member, `/help-requests/${requestId}/completion`, { note: `办结 ${index}` })
            : post(member, `/help-requests/${requestId}/cancellation`, { reason: `撤回 ${index}` }),
        ),
      );
      const statuses = answers.map((answer) => answer.status);
      expect(
        statuses.filter((status) => status === 200),
        requestId,
      ).toHaveLength(1);
      expect(statuses.filter((status) => status === 409)).toHaveLength(STAFF - 1);
      const winner = answers.find((answer) => answer.status === 200)?.json<HelpRequestDetail>();
      const row = await a.sql.get<{ status: string }>('SELECT status FROM assistance_requests WHERE request_id = ?', [
        requestId,
      ]);
      expect(row?.status).toBe(winner?.request.status);
      // What the winner wrote is what is stored: one closing, not a mix of two.
      const detail = await a.request('GET', `/console/api/help-requests/${requestId}`, { as: holder.browser });
      const stored = detail.json<HelpRequestDetail>();
      expect([stored.completionNote, stored.cancelReason]).toEqual([winner?.completionNote, winner?.cancelReason]);
      expect(stored.history.filter((entry) => entry.event === 'completed' || entry.event === 'cancelled')).toHaveLength(
        1,
      );
    }
  });
});

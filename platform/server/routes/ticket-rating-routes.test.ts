import { afterEach, describe, expect, it } from 'vitest';
import type { Ticket } from '../../contract/queue';
import type { TicketForRating } from '../../contract/ticket-rating';
import { ratingBody, ticketRequestBody } from '../testing/bodies';
import { createTestPlatform, KIOSK_1, KIOSK_2, manualClock, type TestPlatform } from '../testing/harness';

// Monday 2 March 2026, 10:00 CST: the sample clerk is at work, tickets are issued.
const MONDAY_10 = '2026-03-02T10:00:00+08:00';
const TICKETS = `/api/v1/stations/${KIOSK_1.stationId}/tickets`;
const lookup = (ticketNo: string, stationId = KIOSK_1.stationId) =>
  `/api/v1/stations/${stationId}/finished-tickets/${ticketNo}`;

let platform: TestPlatform;
afterEach(async () => {
  await platform.close();
});

/** What the window page does when staff finish a ticket (another part builds it; here the row is set directly). */
async function finish(ticketId: string, at = '2026-03-02T02:20:00.000Z'): Promise<void> {
  await platform.sql.run(
    `INSERT INTO ticket_states (ticket_id, station_id, day, queue_service, status, window_no, called_at,
       started_at, finished_at, updated_at)
     SELECT ticket_id, station_id, day, service_code, 'finished', 1, ?, ?, ?, ? FROM tickets WHERE ticket_id = ?
     ON CONFLICT (ticket_id) DO UPDATE SET status = excluded.status, window_no = excluded.window_no,
       called_at = excluded.called_at, started_at = excluded.started_at, finished_at = excluded.finished_at,
       updated_at = excluded.updated_at`,
    [at, at, at, at, ticketId],
  );
}

describe('GET /api/v1/stations/{stationId}/finished-tickets/{ticketNo}', () => {
  it('answers notFound, notFinished, then finished and not rated, then rated', async () => {
    const clock = manualClock(MONDAY_10);
    platform = await createTestPlatform({ now: clock.now });
    const ticket = (await platform.request('POST', TICKETS, { body: ticketRequestBody() })).json<Ticket>();

    expect((await platform.request('GET', lookup('Z999'))).json<TicketForRating>()).toEqual({ status: 'notFound' });
    expect((await platform.request('GET', lookup(ticket.ticketNo))).json<TicketForRating>()).toEqual({
      status: 'notFinished',
      ticketNo: ticket.ticketNo,
    });

    await finish(ticket.ticketId);
    expect((await platform.request('GET', lookup(ticket.ticketNo))).json<TicketForRating>()).toEqual({
      status: 'finished',
      ticketId: ticket.ticketId,
      ticketNo: ticket.ticketNo,
      day: '2026-03-02',
      serviceCode: 'general',
      matterCode: null,
      finishedAt: '2026-03-02T02:20:00.000Z',
      rated: false,
    });

    const rated = await platform.request('POST', '/api/v1/ratings', {
      body: ratingBody({ subject: { kind: 'ticket', ref: ticket.ticketId } }),
    });
    expect(rated.status).toBe(201);
    expect((await platform.request('GET', lookup(ticket.ticketNo))).json<TicketForRating>()).toMatchObject({
      status: 'finished',
      rated: true,
    });
  });

  it("answers only for today's tickets, and only at the terminal's own station", async () => {
    const clock = manualClock(MONDAY_10);
    platform = await createTestPlatform({ now: clock.now });
    const ticket = (await platform.request('POST', TICKETS, { body: ticketRequestBody() })).json<Ticket>();
    await finish(ticket.ticketId);
    // Another station's kiosk may not ask about this station's tickets.
    expect((await platform.request('GET', lookup(ticket.ticketNo), { token: KIOSK_2.token })).status).toBe(403);
    // The same number tomorrow is another ticket (or none).
    clock.set('2026-03-03T09:00:00+08:00');
    expect((await platform.request('GET', lookup(ticket.ticketNo))).json<TicketForRating>()).toEqual({
      status: 'notFound',
    });
    expect((await platform.request('GET', lookup('a012'))).status).toBe(404);
  });
});

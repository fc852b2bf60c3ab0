import { afterEach, describe, expect, it } from 'vitest';
import { callBoard, callsAfter, stationCursor } from './board';
import { MONDAY_10, startDisplayPlatform, STATION, type DisplayPlatform } from './calls.testing';

let platform: DisplayPlatform;
afterEach(() => platform.close());

describe('call board', () => {
  it('is empty before the first call, with cursor 0', async () => {
    platform = await startDisplayPlatform();
    const board = await callBoard(platform.sql, STATION, new Date(MONDAY_10));
    expect(board).toMatchObject({ stationId: STATION, cursor: 0, current: [], recent: [] });
  });

  it('shows the latest call per window, window by window, with its label', async () => {
    platform = await startDisplayPlatform();
    await platform.openWindow(2, '综合受理窗口');
    const [a, b, c] = [await platform.issueTicket(), await platform.issueTicket(), await platform.issueTicket()];
    if (!a || !b || !c) throw new Error('tickets');
    await platform.announce(a, 'called', 1);
    await platform.announce(b, 'called', 2);
    const third = await platform.announce(c, 'called', 1);
    const board = await callBoard(platform.sql, STATION, new Date('2026-03-02T10:05:00+08:00'));
    expect(board.current.map((e) => [e.windowNo, e.ticketNo, e.windowLabel])).toEqual([
      [1, c.ticketNo, '1号窗口'],
      [2, b.ticketNo, '综合受理窗口'],
    ]);
    expect(board.cursor).toBe(third);
    expect(c.ticketNo.slice(1)).toBe('003');
    expect(board.current[0]?.speech).toBe(`请${c.ticketNo.slice(0, 1)}零零三号到一号窗口`);
  });

  it('keeps the last five, newest first, and a recall is its own entry', async () => {
    platform = await startDisplayPlatform();
    const tickets = [];
    for (let i = 0; i < 6; i += 1) tickets.push(await platform.issueTicket());
    const ids: number[] = [];
    for (const [i, ticket] of tickets.entries()) ids.push(await platform.announce(ticket, 'called', (i % 3) + 1));
    const first = tickets[5];
    if (!first) throw new Error('ticket');
    const recall = await platform.announce(first, 'recalled', 3);
    const board = await callBoard(platform.sql, STATION, new Date(MONDAY_10));
    expect(board.recent.map((e) => e.eventId)).toEqual([recall, ids[5], ids[4], ids[3], ids[2]]);
    expect(board.recent[0]).toMatchObject({ kind: 'recalled', ticketNo: first.ticketNo });
    expect(board.recent[0]?.speech.startsWith('再次呼叫，')).toBe(true);
    expect(board.current.find((e) => e.windowNo === 3)?.eventId).toBe(recall);
  });

  it('reads the calls after a cursor, oldest first, only the newest when many are waiting', async () => {
    platform = await startDisplayPlatform();
    const ids: number[] = [];
    for (let i = 0; i < 8; i += 1) ids.push(await platform.announce(await platform.issueTicket(), 'called', 1));
    const now = new Date(MONDAY_10);
    expect((await callsAfter(platform.sql, STATION, ids[5] ?? 0, now, 5)).map((e) => e.eventId)).toEqual(ids.slice(6));
    expect((await callsAfter(platform.sql, STATION, 0, now, 3)).map((e) => e.eventId)).toEqual(ids.slice(5));
    expect(await callsAfter(platform.sql, STATION, ids[7] ?? 0, now, 5)).toEqual([]);
  });

  it("announces only calls: a ticket's other steps move the cursor but show nothing", async () => {
    platform = await startDisplayPlatform();
    const ticket = await platform.issueTicket();
    const called = await platform.announce(ticket, 'called', 1);
    await platform.sql.run(
      "INSERT INTO ticket_events (ticket_id, station_id, kind, window_no, at) VALUES (?, ?, 'started', 1, ?)",
      [ticket.ticketId, STATION, new Date().toISOString()],
    );
    const board = await callBoard(platform.sql, STATION, new Date(MONDAY_10));
    expect(board.recent.map((e) => e.eventId)).toEqual([called]);
    expect(board.cursor).toBe(await stationCursor(platform.sql, STATION));
    expect(board.cursor).toBeGreaterThan(called);
  });

  it("starts each day empty: yesterday's calls are not today's board", async () => {
    platform = await startDisplayPlatform();
    await platform.announce(await platform.issueTicket(), 'called', 1);
    const tomorrow = await callBoard(platform.sql, STATION, new Date('2026-03-03T08:00:00+08:00'));
    expect(tomorrow.current).toEqual([]);
    expect(tomorrow.recent).toEqual([]);
    expect(tomorrow.cursor).toBeGreaterThan(0);
  });
});

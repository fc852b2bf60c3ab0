import { afterEach, describe, expect, it } from 'vitest';
import { callDisplayPaths, CallBoard, CallEntry } from '../../contract/call-display';
import {
  eventually,
  openSse,
  startDisplayPlatform,
  STATION,
  type DisplayPlatform,
  type SseClient,
} from './calls.testing';

let platform: DisplayPlatform;
const clients: SseClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await platform.close();
});

async function connect(headers: Record<string, string> = {}): Promise<SseClient> {
  const client = await openSse(`${platform.origin}${callDisplayPaths.stream(STATION)}`, headers);
  clients.push(client);
  return client;
}

describe('call display stream (real HTTP)', () => {
  it('sends the board on connect, then each call as its own event when the feed nudges', async () => {
    platform = await startDisplayPlatform();
    const first = await platform.issueTicket();
    const firstId = await platform.announce(first, 'called', 1);
    const client = await connect();
    expect(client.status).toBe(200);
    const hello = await client.next();
    expect(hello.event).toBe('board');
    expect(hello.id).toBe(String(firstId));
    expect(CallBoard.parse(JSON.parse(hello.data)).current.map((e) => e.ticketNo)).toEqual([first.ticketNo]);

    const second = await platform.issueTicket();
    const secondId = await platform.announce(second, 'called', 2);
    const call = await client.next();
    expect(call).toMatchObject({ event: 'call', id: String(secondId) });
    expect(CallEntry.parse(JSON.parse(call.data))).toMatchObject({
      ticketNo: second.ticketNo,
      windowNo: 2,
      kind: 'called',
    });

    const recallId = await platform.announce(second, 'recalled', 2);
    const recall = await client.next();
    expect(recall).toMatchObject({ event: 'call', id: String(recallId) });
    expect(CallEntry.parse(JSON.parse(recall.data)).kind).toBe('recalled');
  });

  it('resumes from Last-Event-ID: the calls missed while away come first, then the board', async () => {
    platform = await startDisplayPlatform();
    const seen = await platform.announce(await platform.issueTicket(), 'called', 1);
    const missedA = await platform.announce(await platform.issueTicket(), 'called', 2);
    const missedB = await platform.announce(await platform.issueTicket(), 'called', 1);
    const client = await connect({ 'last-event-id': String(seen) });
    expect(await client.next()).toMatchObject({ event: 'call', id: String(missedA) });
    expect(await client.next()).toMatchObject({ event: 'call', id: String(missedB) });
    expect(await client.next()).toMatchObject({ event: 'board', id: String(missedB) });
  });

  it('catches a call stored without a nudge (another process) by watching the cursor', async () => {
    platform = await startDisplayPlatform();
    const client = await connect();
    await client.next();
    const id = await platform.announce(await platform.issueTicket(), 'called', 1, { notify: false });
    expect(await client.next(3_000)).toMatchObject({ event: 'call', id: String(id) });
  });

  it('unsubscribes from the call feed when the display disconnects', async () => {
    platform = await startDisplayPlatform();
    const a = await connect();
    const b = await connect();
    await a.next();
    await b.next();
    expect(platform.feed.listenerCount()).toBe(2);
    a.close();
    await eventually(() => platform.feed.listenerCount() === 1);
    b.close();
    await eventually(() => platform.feed.listenerCount() === 0);
  });

  it('refuses more than eight streams for one station, so a looping display cannot pile them up', async () => {
    platform = await startDisplayPlatform();
    for (let i = 0; i < 8; i += 1) await (await connect()).next();
    const ninth = await connect();
    expect(ninth.status).toBe(503);
    expect(platform.feed.listenerCount()).toBe(8);
  });

  it('answers 404 for a station it does not know', async () => {
    platform = await startDisplayPlatform();
    const response = await fetch(`${platform.origin}${callDisplayPaths.stream('nowhere')}`);
    expect(response.status).toBe(404);
  });
});

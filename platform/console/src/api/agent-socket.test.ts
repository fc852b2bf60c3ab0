import { describe, expect, it } from 'vitest';
import type { PlatformToAgentVideoMessage } from '../../../contract/video-help';
import { agentSocketUrl, backoffMs, createAgentSocket, type AgentSocketStatus, type SocketLike } from './agent-socket';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: string[] = [];
  closedWith: number | null = null;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(data);
  }
  close(code?: number) {
    this.closedWith = code ?? 1005;
    this.readyState = 3;
  }
  // The platform's side of the fake:
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(data: unknown) {
    this.onmessage?.({ data: typeof data === 'string' ? data : JSON.stringify(data) });
  }
  drop(code: number) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
  frames() {
    return this.sent.map((text) => JSON.parse(text) as unknown);
  }
}

function harness() {
  const sockets: FakeSocket[] = [];
  const timers: Array<{ run: () => void; ms: number; cleared: boolean }> = [];
  const statuses: AgentSocketStatus[] = [];
  const frames: PlatformToAgentVideoMessage[] = [];
  const invalid: string[] = [];
  const client = createAgentSocket({
    url: 'ws://console.test/console/api/video-help/signal',
    onFrame: (frame) => frames.push(frame),
    onStatus: (status) => statuses.push(status),
    onInvalidFrame: (detail) => invalid.push(detail),
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    backoff: { initialMs: 1_000, maxMs: 8_000 },
    random: () => 0.5,
    setTimer: (run, ms) => {
      const timer = { run, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      (timer as { cleared: boolean }).cleared = true;
    },
  });
  const fire = () => {
    const next = timers.find((timer) => !timer.cleared);
    if (!next) throw new Error('no timer');
    next.cleared = true;
    next.run();
    return next.ms;
  };
  const last = () => {
    const socket = sockets.at(-1);
    if (!socket) throw new Error('no socket');
    return socket;
  };
  return { client, sockets, timers, statuses, frames, invalid, fire, last };
}

describe('agent socket', () => {
  it('connects on the page origin, with wss under https', () => {
    expect(agentSocketUrl({ protocol: 'https:', host: 'county.example:8443' })).toBe(
      'wss://county.example:8443/console/api/video-help/signal',
    );
    expect(agentSocketUrl({ protocol: 'http:', host: 'localhost:8080' })).toBe(
      'ws://localhost:8080/console/api/video-help/signal',
    );
  });

  it('goes on duty once open, with the chosen topics', () => {
    const h = harness();
    h.client.setDuty(true, ['socialSecurity']);
    expect(h.statuses.at(-1)).toEqual({ state: 'connecting', attempt: 0, afterCallEnded: false });
    h.last().open();
    expect(h.statuses.at(-1)).toEqual({ state: 'open' });
    expect(h.last().frames()).toEqual([{ t: 'duty', onDuty: true, topics: ['socialSecurity'] }]);
    h.client.setDuty(true, []);
    expect(h.last().frames().at(-1)).toEqual({ t: 'duty', onDuty: true, topics: [] });
  });

  it('passes on frames that satisfy the contract and drops the rest', () => {
    const h = harness();
    h.client.setDuty(true, []);
    h.last().open();
    h.last().receive({ t: 'queue', calls: [] });
    h.last().receive({ t: 'queue', calls: 'none' });
    h.last().receive('{not json');
    h.last().receive({ t: 'launchMissiles' });
    expect(h.frames).toEqual([{ t: 'queue', calls: [] }]);
    expect(h.invalid).toHaveLength(3);
  });

  it('refuses to send a frame the contract does not allow, or with no connection', () => {
    const h = harness();
    expect(h.client.send({ t: 'accept', callId: 'VC-20260301-0001' })).toBe(false);
    h.client.setDuty(true, []);
    h.last().open();
    expect(h.client.send({ t: 'accept', callId: 'VC-20260301-0001' })).toBe(true);
    expect(h.client.send({ t: 'hangUp', callId: 'VC-20260301-0001', note: 'x'.repeat(501) })).toBe(false);
    expect(h.last().frames().at(-1)).toEqual({ t: 'accept', callId: 'VC-20260301-0001' });
  });

  it('reconnects with growing delays while on duty and sends duty again', () => {
    const h = harness();
    h.client.setDuty(true, ['socialSecurity']);
    h.last().open();
    h.last().drop(1006);
    expect(h.statuses.at(-1)).toEqual({ state: 'lost', attempt: 1, retryInMs: 1_000, closeCode: 1006 });
    expect(h.fire()).toBe(1_000);
    h.last().drop(1006);
    expect(h.fire()).toBe(2_000);
    h.last().drop(1006);
    expect(h.fire()).toBe(4_000);
    h.last().drop(1006);
    expect(h.fire()).toBe(8_000);
    h.last().drop(1006);
    expect(h.fire()).toBe(8_000);
    h.last().open();
    expect(h.sockets).toHaveLength(6);
    expect(h.last().frames()).toEqual([{ t: 'duty', onDuty: true, topics: ['socialSecurity'] }]);
    // A good connection resets the delays.
    h.last().drop(1006);
    expect(h.fire()).toBe(1_000);
  });

  it('reopens at once after the platform closes a finished call (4000)', () => {
    const h = harness();
    h.client.setDuty(true, []);
    h.last().open();
    h.last().drop(4000);
    expect(h.fire()).toBe(0);
    expect(h.statuses.at(-1)).toEqual({ state: 'connecting', attempt: 0, afterCallEnded: true });
    expect(h.sockets).toHaveLength(2);
  });

  it('stops for good when the platform refuses the session or the role', () => {
    for (const [code, reason] of [
      [4401, 'unauthorised'],
      [4403, 'forbidden'],
    ] as const) {
      const h = harness();
      h.client.setDuty(true, []);
      h.last().open();
      h.last().drop(code);
      expect(h.statuses.at(-1)).toEqual({ state: 'refused', reason });
      expect(h.timers).toHaveLength(0);
    }
  });

  it('sends duty off and closes on 下岗, and does not reconnect', () => {
    const h = harness();
    h.client.setDuty(true, []);
    h.last().open();
    const socket = h.last();
    h.client.setDuty(false, []);
    expect(socket.frames().at(-1)).toEqual({ t: 'duty', onDuty: false, topics: [] });
    expect(socket.closedWith).toBe(1000);
    expect(h.statuses.at(-1)).toEqual({ state: 'closed' });
    socket.drop(1000);
    expect(h.timers).toHaveLength(0);
  });

  it('cancels a pending reconnect when going off duty', () => {
    const h = harness();
    h.client.setDuty(true, []);
    h.last().open();
    h.last().drop(1006);
    h.client.setDuty(false, []);
    expect(h.timers.every((timer) => timer.cleared)).toBe(true);
    expect(h.sockets).toHaveLength(1);
  });

  it('spreads the delays ±25 %', () => {
    expect(backoffMs(1, { initialMs: 1_000, maxMs: 30_000 }, () => 0)).toBe(750);
    expect(backoffMs(1, { initialMs: 1_000, maxMs: 30_000 }, () => 1)).toBe(1_250);
    expect(backoffMs(10, { initialMs: 1_000, maxMs: 30_000 }, () => 0.5)).toBe(30_000);
  });
});

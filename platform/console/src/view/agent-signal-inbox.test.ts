import { describe, expect, it } from 'vitest';
import type { PeerSignal } from '../../../contract/video-help';
import { createSignalInbox } from './agent-signal-inbox';

const offer: PeerSignal = { kind: 'description', description: { type: 'offer', sdp: 'v=0' } };
const candidate = (n: number): PeerSignal => ({
  kind: 'candidate',
  candidate: { candidate: `candidate:${n}`, sdpMid: '0', sdpMLineIndex: 0 },
});

describe('signal inbox', () => {
  it('holds signals until the peer exists, then delivers them in order, one finished before the next', async () => {
    const inbox = createSignalInbox('VC-20260301-0001', () => undefined);
    inbox.push(offer);
    inbox.push(candidate(1));
    const log: string[] = [];
    const done = inbox.attach(async (signal) => {
      log.push(`start ${signal.kind}`);
      // The offer takes a while (setRemoteDescription + createAnswer): the candidate must wait.
      await new Promise((resolve) => setTimeout(resolve, signal.kind === 'description' ? 20 : 0));
      log.push(`end ${signal.kind}`);
    });
    inbox.push(candidate(2));
    await done;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(log).toEqual([
      'start description',
      'end description',
      'start candidate',
      'end candidate',
      'start candidate',
      'end candidate',
    ]);
  });

  it('reports a failing signal and goes on with the next', async () => {
    const errors: unknown[] = [];
    const inbox = createSignalInbox('VC-20260301-0001', (error) => errors.push(error));
    const seen: PeerSignal[] = [];
    inbox.push(offer);
    inbox.push(candidate(1));
    await inbox.attach((signal) => {
      if (signal.kind === 'description') return Promise.reject(new Error('bad sdp'));
      seen.push(signal);
      return Promise.resolve();
    });
    expect(errors).toHaveLength(1);
    expect(seen).toEqual([candidate(1)]);
  });

  it('delivers nothing after it is closed', async () => {
    const inbox = createSignalInbox('VC-20260301-0001', () => undefined);
    inbox.push(offer);
    inbox.close();
    const seen: PeerSignal[] = [];
    await inbox.attach((signal) => {
      seen.push(signal);
      return Promise.resolve();
    });
    inbox.push(candidate(1));
    expect(seen).toEqual([]);
  });
});

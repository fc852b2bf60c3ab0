import type { PeerSignal } from '../../../contract/video-help';

/**
 * Holds one call's `signal` frames until its peer exists, then hands them over one at a time.
 * The kiosk offers as soon as the platform tells it the call was accepted, while the agent's
 * page is still opening its camera and microphone (getUserMedia waits for the devices, and for
 * the permission prompt the first time), so the offer and the first candidates arrive before
 * there is a peer to give them to. Each signal's handling finishes before the next starts: an
 * offer must be applied before its candidates (platform/webrtc/call-peer.ts receive()).
 */
export interface SignalInbox {
  readonly callId: string;
  push(signal: PeerSignal): void;
  /** Starts delivering, the held signals first; the returned promise settles when those are done. */
  attach(receive: (signal: PeerSignal) => Promise<void>): Promise<void>;
  /** Stops delivering; later signals are held again (the peer is gone, the call may not be). */
  detach(): void;
  /** Stops delivering and drops whatever is held (the call ended). */
  close(): void;
}

export function createSignalInbox(callId: string, onError: (error: unknown) => void): SignalInbox {
  let held: PeerSignal[] = [];
  let receiver: ((signal: PeerSignal) => Promise<void>) | null = null;
  let chain: Promise<void> = Promise.resolve();
  let closed = false;

  const deliver = (signal: PeerSignal) => {
    chain = chain.then(async () => {
      if (closed || !receiver) return;
      try {
        await receiver(signal);
      } catch (error) {
        onError(error);
      }
    });
  };

  return {
    callId,
    push(signal) {
      if (closed) return;
      if (receiver) deliver(signal);
      else held.push(signal);
    },
    attach(receive) {
      if (closed) return Promise.resolve();
      receiver = receive;
      const waiting = held;
      held = [];
      for (const signal of waiting) deliver(signal);
      return chain;
    },
    detach() {
      receiver = null;
    },
    close() {
      closed = true;
      held = [];
      receiver = null;
    },
  };
}

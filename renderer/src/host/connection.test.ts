import { describe, expect, it } from 'vitest';
import { createLinkStatusStore, type ConnectionMonitor, type ConnectionState } from './connection';

function monitor(initial: ConnectionState) {
  const listeners = new Set<(state: ConnectionState) => void>();
  const fake: ConnectionMonitor & { set(state: ConnectionState): void } = {
    state: initial,
    onStateChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(state) {
      for (const listener of listeners) listener(state);
    },
  };
  return fake;
}

describe('link status', () => {
  it('is not lost while the first connection is being made', () => {
    const source = monitor('connecting');
    const store = createLinkStatusStore(source);
    expect(store.getSnapshot()).toEqual({ lost: false, epoch: 0 });
    source.set('open');
    expect(store.getSnapshot()).toEqual({ lost: false, epoch: 0 });
  });

  it('stays lost through reconnect attempts and counts an epoch when the link is back', () => {
    const source = monitor('open');
    const store = createLinkStatusStore(source);
    let notified = 0;
    store.subscribe(() => (notified += 1));
    source.set('closed');
    expect(store.getSnapshot().lost).toBe(true);
    source.set('connecting');
    expect(store.getSnapshot().lost).toBe(true);
    source.set('closed');
    source.set('open');
    expect(store.getSnapshot()).toEqual({ lost: false, epoch: 1 });
    expect(notified).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { createCallFeed, CALLS_CHANNEL } from './call-feed';
import type { SqlDb } from './db/sql';

/** The channel part of a SqlDb, counting LISTENs: what SQLite's adapter does, in a few lines. */
function channel() {
  const listeners = new Set<(payload: string) => void>();
  const log: string[] = [];
  const sql: Pick<SqlDb, 'listen' | 'notify'> = {
    listen: (name, listener) => {
      log.push(`listen ${name}`);
      const own = (payload: string) => listener(payload);
      listeners.add(own);
      return Promise.resolve(() => {
        log.push(`unlisten ${name}`);
        listeners.delete(own);
        return Promise.resolve();
      });
    },
    notify: (name, payload) => {
      if (name === CALLS_CHANNEL) for (const listener of [...listeners]) listener(payload);
      return Promise.resolve();
    },
  };
  return { sql, log, listening: () => listeners.size };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('call feed', () => {
  it('nudges the listeners of the station announced at, and no others, in every feed on the channel', async () => {
    const { sql } = channel();
    const here = createCallFeed(sql);
    const there = createCallFeed(sql);
    const heard: string[] = [];
    here.subscribe('s1', () => heard.push('here s1-a'));
    here.subscribe('s1', () => heard.push('here s1-b'));
    here.subscribe('s2', () => heard.push('here s2'));
    there.subscribe('s1', () => heard.push('there s1'));
    await settle();
    here.notify('s1');
    await settle();
    expect(heard.sort()).toEqual(['here s1-a', 'here s1-b', 'there s1']);
  });

  it('listens from the first subscriber on and stops with the last, so closed displays do not pile up', async () => {
    const { sql, log, listening } = channel();
    const feed = createCallFeed(sql);
    const stopA = feed.subscribe('s1', () => undefined);
    const stopB = feed.subscribe('s2', () => undefined);
    await settle();
    expect(feed.listenerCount()).toBe(2);
    expect(listening()).toBe(1);
    stopA();
    stopA();
    expect(feed.listenerCount()).toBe(1);
    stopB();
    await settle();
    expect(feed.listenerCount()).toBe(0);
    expect(listening()).toBe(0);
    expect(log).toEqual([`listen ${CALLS_CHANNEL}`, `unlisten ${CALLS_CHANNEL}`]);
    feed.notify('s1');
  });

  it('still nudges its own displays when the notification cannot be sent', async () => {
    const feed = createCallFeed({
      listen: () => Promise.resolve(() => Promise.resolve()),
      notify: () => Promise.reject(new Error('connection lost')),
    });
    let heard = 0;
    feed.subscribe('s1', () => (heard += 1));
    feed.notify('s1');
    await settle();
    expect(heard).toBe(1);
  });
});

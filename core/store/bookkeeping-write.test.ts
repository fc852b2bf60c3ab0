import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDiskStore } from '../testing/disk-store';
import { bookkeepingWrite } from './bookkeeping-write';
import type { Store } from './open';

/** PRAGMA synchronous as SQLite numbers it. */
const NORMAL = 1;
const FULL = 2;

let disk: ReturnType<typeof openDiskStore>;
let store: Store;
beforeEach(() => {
  disk = openDiskStore('kiosk-bookkeeping-');
  store = disk.store;
});
afterEach(() => disk.close());

const synchronous = () => store.db.pragma('synchronous', { simple: true });

describe('bookkeepingWrite', () => {
  it('commits with synchronous=NORMAL and leaves the store at FULL for the next commit', () => {
    const during = bookkeepingWrite(store.db, () => synchronous());
    expect(during).toBe(NORMAL);
    expect(synchronous()).toBe(FULL);
  });

  it('puts FULL back when the write throws', () => {
    expect(() =>
      bookkeepingWrite(store.db, () => {
        throw new Error('constraint');
      }),
    ).toThrow('constraint');
    expect(synchronous()).toBe(FULL);
  });

  it('inside a transaction is part of it, with its durability', () => {
    const during = store.db.transaction(() => bookkeepingWrite(store.db, () => synchronous()))();
    expect(during).toBe(FULL);
    expect(synchronous()).toBe(FULL);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger';
import { bookkeepingWrite } from './bookkeeping-write';
import { openStore, type Store } from './open';

/** PRAGMA synchronous as SQLite numbers it. */
const NORMAL = 1;
const FULL = 2;

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-bookkeeping-'));
  const opened = openStore({ path: join(dir, 'kiosk.sqlite'), logger: silentLogger() });
  if (!opened.ok) throw new Error(opened.error.message);
  store = opened.value;
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

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

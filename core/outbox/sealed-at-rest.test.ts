import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger';
import { openStore } from '../store/open';
import { migrations } from '../store/migrations';
import { getOutboxItem, markSent } from './outbox-store';
import { holdsSealedData, sealPlainBodies } from './sealed-at-rest';
import { sendOutboxItem } from './send-item';
import { openedBody, testSealer } from '../testing/outbox';

const PHONE = '13912345678';
const ADDRESS = '东埠村三组十二号';
const at = '2026-11-21T08:00:00.000Z';
const sealer = testSealer();

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-seal-upgrade-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const path = () => join(dir, 'kiosk.sqlite');

/** A store as a kiosk before migration 0010 wrote it: bodies in clear. */
function olderStore(): Array<{ id: number; text: string }> {
  const store = openStore({ path: path(), logger: silentLogger(), migrations: migrations.slice(0, 9) });
  if (!store.ok) throw new Error(store.error.message);
  const { db } = store.value;
  const rows: Array<{ id: number; text: string }> = [];
  const insert = (key: string, body: unknown, state = 'pending', sentAt: string | null = null) => {
    const text = JSON.stringify(body);
    const id = Number(
      db
        .prepare(
          `INSERT INTO outbox (kind, idempotency_key, method, path, body, created_at, next_attempt_at, state, sent_at)
           VALUES ('assistance', ?, 'POST', '/assistance-requests', ?, ?, ?, ?, ?)`,
        )
        .run(key, text, at, state === 'pending' ? at : null, state, sentAt).lastInsertRowid,
    );
    rows.push({ id, text });
  };
  insert('older-key-0000000001', { kind: 'homeVisit', phone: PHONE, address: ADDRESS, needs: ['elderly'] });
  insert('older-key-0000000002', { kind: 'callback', phone: PHONE }, 'sent', at);
  insert('older-key-0000000003', { kind: 'callback', phone: `${PHONE}0` }, 'deadLetter');
  // Raw bytes stored unsealed, pending.
  const raw = Buffer.from(`{"note":"${ADDRESS}"}`);
  const id = Number(
    db
      .prepare(
        `INSERT INTO outbox (kind, idempotency_key, method, path, body, body_blob, content_type, sealed, created_at,
           next_attempt_at)
         VALUES ('other', 'older-key-0000000004', 'PUT', '/x', 'null', ?, 'application/json', 0, ?, ?)`,
      )
      .run(raw, at, at).lastInsertRowid,
  );
  rows.push({ id, text: raw.toString('utf8') });
  store.value.close();
  return rows;
}

function reopen(): { db: Database.Database; close: () => void } {
  const store = openStore({ path: path(), logger: silentLogger() });
  if (!store.ok) throw new Error(store.error.message);
  return store.value;
}

/** Every byte of the store's files. */
const storeBytes = () =>
  Buffer.concat(
    readdirSync(dir)
      .filter((name) => name.startsWith('kiosk.sqlite'))
      .map((name) => readFileSync(join(dir, name))),
  );

describe('sealPlainBodies (the start-up upgrade)', () => {
  it('seals what is still to be sent, drops what was sent, and leaves no clear bytes in the files', () => {
    const rows = olderStore();
    expect(storeBytes().includes(Buffer.from(PHONE))).toBe(true); // the older store had them in clear

    const store = reopen();
    expect(holdsSealedData(store.db)).toBe(false);
    expect(sealPlainBodies(store.db, sealer)).toEqual({ sealed: 3, dropped: 1 });
    expect(holdsSealedData(store.db)).toBe(true);

    const [pending, sent, refused, raw] = rows.map((row) => getOutboxItem(store.db, row.id));
    expect(openedBody(pending!, sealer)).toEqual(JSON.parse(rows[0]!.text));
    expect(openedBody(refused!, sealer)).toEqual(JSON.parse(rows[2]!.text));
    expect(refused?.state).toBe('deadLetter');
    expect(sent?.stored).toMatchObject({ kind: 'bytes', bytes: Buffer.alloc(0) });
    expect(raw?.stored).toMatchObject({ kind: 'bytes', contentType: 'application/json', sealed: true });
    expect(sealer.open((raw!.stored as { bytes: Buffer }).bytes).toString('utf8')).toBe(rows[3]!.text);
    expect(store.db.prepare(`SELECT count(*) FROM outbox WHERE body != 'null'`).pluck().get()).toBe(0);

    // Run again: nothing left to do.
    expect(sealPlainBodies(store.db, sealer)).toEqual({ sealed: 0, dropped: 0 });
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.close();
    // secure_delete zeroed the old cells; the WAL was checkpointed away.
    const bytes = storeBytes();
    for (const secret of [PHONE, ADDRESS]) expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
  });

  it('sends a sealed-by-upgrade body byte for byte as the clear one would have been sent', async () => {
    const rows = olderStore();
    const store = reopen();
    sealPlainBodies(store.db, sealer);
    const sentBodies: string[] = [];
    const fetch: typeof globalThis.fetch = (_input, init) => {
      sentBodies.push(typeof init?.body === 'string' ? init.body : 'not JSON text');
      // The answer is parsed with createAssistanceRequest's schema: a whole AssistanceRequestState.
      const state = {
        requestId: 'AR-20261121-0001',
        kind: 'callback',
        status: 'received',
        receivedAt: '2026-11-21T08:00:00.000Z',
        updatedAt: '2026-11-21T08:00:00.000Z',
        expectedContactWithinHours: 48,
      };
      return Promise.resolve(new Response(JSON.stringify(state), { status: 201 }));
    };
    const item = getOutboxItem(store.db, rows[0]!.id)!;
    const answer = await sendOutboxItem(
      { baseUrl: 'http://platform.test/api/v1', token: 't'.repeat(20), timeoutMs: 1000, fetch },
      item,
      sealer,
    );
    expect(answer.ok).toBe(true);
    // The platform fingerprints the body with its Idempotency-Key: it must not change.
    expect(sentBodies).toEqual([rows[0]!.text]);
    markSent(store.db, item.id, { requestId: 'AR-20261121-0001' }, new Date());
    store.close();
  });

  it('refuses, in the schema, a body written in clear after the upgrade', () => {
    olderStore();
    const store = reopen();
    expect(() =>
      store.db
        .prepare(
          `INSERT INTO outbox (kind, idempotency_key, method, path, body, created_at) VALUES ('rating', 'later-key-000000001', 'POST', '/ratings', ?, ?)`,
        )
        .run(JSON.stringify({ callbackPhone: PHONE }), at),
    ).toThrow(/stored sealed/);
    store.close();
  });
});

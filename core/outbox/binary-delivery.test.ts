import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmbeddedPlatform, type EmbeddedPlatform } from '../../platform/embedded';
import { silentLogger } from '../logging/logger';
import { createDataSealer } from './data-sealer';
import { startOutboxDelivery, type OutboxDelivery } from './delivery';
import { enqueueBinary, getOutboxItem } from './outbox-store';
import { sampleInspectionReport } from '../testing/outbox';
import { memoryStore } from '../testing/memory-store';

/** Bodies sealed at rest, opened at send time, against the real reference platform over HTTP. */
const TERMINAL = 'KIOSK-BINARY-01';
const TOKEN = 'binary-test-token-0123456789';
let dir: string;
let platform: EmbeddedPlatform;
let db: Database.Database;
let delivery: OutboxDelivery | null = null;
const sealer = createDataSealer(Buffer.alloc(32, 3));
const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(300, 0x41), Buffer.from('\n%%EOF\n')]);
const sha256 = createHash('sha256').update(pdf).digest('hex');

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-binary-outbox-'));
  platform = await startEmbeddedPlatform({
    dbPath: join(dir, 'platform.sqlite'),
    port: 0,
    terminals: [{ id: TERMINAL, token: TOKEN, stationId: 'TEST-STATION' }],
  });
  db = memoryStore();
});

afterEach(async () => {
  await delivery?.stop();
  delivery = null;
  await platform.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const start = () =>
  (delivery = startOutboxDelivery({
    db,
    platform: { baseUrl: platform.baseUrl, token: TOKEN, timeoutMs: 3_000 },
    logger: silentLogger(),
    now: () => new Date(),
    sealer,
  }));

describe('outbox items stored as bytes', { timeout: 20_000 }, () => {
  it('uploads a sealed material as its raw PDF bytes, which the platform hashes to the path', async () => {
    const { id } = enqueueBinary(db, {
      kind: 'material',
      operation: 'putMaterial',
      params: { sha256 },
      idempotencyKey: `c0ffee00-0000-4000-8000-000000000000:material:${sha256}`,
      bytes: sealer.seal(pdf),
      contentType: 'application/pdf',
      sealed: true,
    });
    await start().kick();
    const item = getOutboxItem(db, id);
    expect(item).toMatchObject({
      state: 'sent',
      response: { sha256, size: pdf.length, contentType: 'application/pdf' },
    });
    // Once the platform holds the bytes the outbox lets go of them.
    expect(item?.stored).toMatchObject({ kind: 'bytes', bytes: Buffer.alloc(0) });
  });

  it('opens a sealed JSON body at send time', async () => {
    const body = Buffer.from(JSON.stringify(sampleInspectionReport({ notes: 'sealed' })), 'utf8');
    const { id } = enqueueBinary(db, {
      kind: 'inspection',
      operation: 'postInspection',
      params: { terminalId: TERMINAL },
      bytes: sealer.seal(body),
      contentType: null,
      sealed: true,
    });
    await start().kick();
    expect(getOutboxItem(db, id)).toMatchObject({ state: 'sent', response: { inspectionId: expect.any(String) } });
  });

  it('dead-letters a sealed body that does not open with this key', async () => {
    const { id } = enqueueBinary(db, {
      kind: 'material',
      operation: 'putMaterial',
      params: { sha256 },
      bytes: createDataSealer(Buffer.alloc(32, 9)).seal(pdf),
      contentType: 'application/pdf',
      sealed: true,
    });
    await start().kick();
    expect(getOutboxItem(db, id)).toMatchObject({ state: 'deadLetter' });
  });
});

describe('data sealer', () => {
  it('round-trips, refuses altered bytes, and keys the identity index', () => {
    const sealed = sealer.seal(Buffer.from('王示例'));
    expect(sealer.open(sealed).toString('utf8')).toBe('王示例');
    expect(sealed.includes(Buffer.from('王示例'))).toBe(false);
    const altered = Buffer.from(sealed);
    altered[altered.length - 1] = (altered[altered.length - 1] ?? 0) ^ 1;
    expect(() => sealer.open(altered)).toThrow();
    expect(sealer.indexKey('residentIdCard', '370784194803150035')).toMatch(/^[0-9a-f]{64}$/);
    expect(sealer.indexKey('residentIdCard', '370784194803150035')).not.toBe(
      createDataSealer(Buffer.alloc(32, 4)).indexKey('residentIdCard', '370784194803150035'),
    );
  });
});

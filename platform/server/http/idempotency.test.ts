import { afterEach, describe, expect, it } from 'vitest';
import type { SqlQueries } from '../db/sql';
import { inspectionCount } from '../store/inspections';
import { heartbeatBody, inspectionBody } from '../testing/bodies';
import {
  createTestPlatform,
  createTwinPlatforms,
  KIOSK_1,
  KIOSK_2,
  newKey,
  type TestPlatform,
} from '../testing/harness';

/**
 * The middleware's answers on one instance. The endpoint is the inspection report: its handler
 * writes a row whose count shows how often the work ran. Two instances at once:
 * idempotency.concurrency.test.ts.
 */

const INSPECTIONS = `/api/v1/terminals/${KIOSK_1.id}/inspections`;
const HEARTBEATS = `/api/v1/terminals/${KIOSK_1.id}/heartbeats`;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanUp of cleanups.splice(0).reverse()) await cleanUp();
});
async function platformFor(options: Parameters<typeof createTestPlatform>[0] = {}): Promise<TestPlatform> {
  const platform = await createTestPlatform(options);
  cleanups.push(() => platform.close());
  return platform;
}
async function recordCount(platform: TestPlatform): Promise<number> {
  return (await platform.sql.get<{ count: number }>('SELECT count(*) AS count FROM idempotency_records'))?.count ?? -1;
}

/** Makes every insert into `table` fail (a full disk, say) until the returned function undoes it. */
async function failInserts(db: SqlQueries, table: string): Promise<() => Promise<void>> {
  const name = `${table}_fails`;
  if (db.engine === 'sqlite') {
    await db.exec(`CREATE TEMP TRIGGER ${name} BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    return () => db.exec(`DROP TRIGGER ${name}`);
  }
  await db.exec(`
    CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$;
    CREATE TRIGGER ${name} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}();
  `);
  return () => db.exec(`DROP TRIGGER ${name} ON ${table}; DROP FUNCTION ${name}();`);
}

describe('Idempotency-Key', () => {
  it('is required on every POST: missing → 400 idempotencyKeyMissing, and nothing is written', async () => {
    const platform = await platformFor();
    const response = await platform.request('POST', INSPECTIONS, { body: inspectionBody(), idempotencyKey: null });
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ code: 'idempotencyKeyMissing' });
    expect(await inspectionCount(platform.sql, KIOSK_1.id)).toBe(0);
  });

  it('must look like a key: too short → 400 idempotencyKeyInvalid', async () => {
    const platform = await platformFor();
    const response = await platform.request('POST', HEARTBEATS, { body: heartbeatBody(), idempotencyKey: 'abc' });
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ code: 'idempotencyKeyInvalid' });
  });

  it('replays the original status and body for the same key and body, and writes once', async () => {
    const platform = await platformFor();
    const key = newKey();
    const first = await platform.request('POST', INSPECTIONS, { body: inspectionBody(), idempotencyKey: key });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await platform.request('POST', INSPECTIONS, { body: inspectionBody(), idempotencyKey: key });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.text).toBe(first.text);
    expect(await inspectionCount(platform.sql, KIOSK_1.id)).toBe(1);
  });

  it('treats the quoted sf-string form of a key as the same key', async () => {
    const platform = await platformFor();
    const key = newKey();
    await platform.request('POST', INSPECTIONS, { body: inspectionBody(), idempotencyKey: key });
    const quoted = await platform.request('POST', INSPECTIONS, { body: inspectionBody(), idempotencyKey: `"${key}"` });
    expect(quoted.headers.get('idempotent-replayed')).toBe('true');
    expect(await inspectionCount(platform.sql, KIOSK_1.id)).toBe(1);
  });

  it('refuses the same key with a different body: 422 idempotencyKeyReused, no second write', async () => {
    const platform = await platformFor();
    const key = newKey();
    await platform.request('POST', INSPECTIONS, { body: inspectionBody(), idempotencyKey: key });
    const reused = await platform.request('POST', INSPECTIONS, {
      body: inspectionBody({ outcome: 'normal' }),
      idempotencyKey: key,
    });
    expect(reused.status).toBe(422);
    expect(reused.json()).toMatchObject({ code: 'idempotencyKeyReused' });
    expect(await inspectionCount(platform.sql, KIOSK_1.id)).toBe(1);
  });

  it('refuses the same key on a different path: the fingerprint covers the path', async () => {
    const platform = await platformFor();
    const key = newKey();
    await platform.request('POST', INSPECTIONS, { body: inspectionBody(), idempotencyKey: key });
    const elsewhere = await platform.request('POST', HEARTBEATS, { body: inspectionBody(), idempotencyKey: key });
    expect(elsewhere.status).toBe(422);
  });

  it('answers 409 while the first request with the key is still running, then replays its answer', async () => {
    const platform = await platformFor();
    platform.faults.update({ latencyMs: 300 });
    const key = newKey();
    const first = platform.request('POST', INSPECTIONS, { body: inspectionBody(), idempotencyKey: key });
    // Latency is injected after the key is claimed: once a delay was counted, the first request holds the key.
    await expect.poll(() => platform.faults.state().counters.delayed, { interval: 5, timeout: 5000 }).toBe(1);
    const duplicate = await platform.request('POST', INSPECTIONS, { body: inspectionBody(), idempotencyKey: key });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'idempotencyKeyInFlight' });
    expect((await first).status).toBe(201);
    platform.faults.update({ latencyMs: 0 });
    const later = await platform.request('POST', INSPECTIONS, { body: inspectionBody(), idempotencyKey: key });
    expect(later.headers.get('idempotent-replayed')).toBe('true');
    expect(await inspectionCount(platform.sql, KIOSK_1.id)).toBe(1);
  });

  it('keys on (terminal, key): another terminal may use the same key for its own request', async () => {
    const platform = await platformFor();
    const key = newKey();
    await platform.request('POST', INSPECTIONS, { body: inspectionBody(), idempotencyKey: key });
    const other = await platform.request('POST', `/api/v1/terminals/${KIOSK_2.id}/inspections`, {
      token: KIOSK_2.token,
      body: inspectionBody(),
      idempotencyKey: key,
    });
    expect(other.status).toBe(201);
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    expect(await inspectionCount(platform.sql, KIOSK_2.id)).toBe(1);
  });

  it('stores a validation failure like any answer, but never a 5xx', async () => {
    const platform = await platformFor();
    const key = newKey();
    const invalid = await platform.request('POST', INSPECTIONS, {
      body: { startedAt: 'yesterday' },
      idempotencyKey: key,
    });
    expect(invalid.status).toBe(422);
    expect(invalid.json()).toMatchObject({ code: 'validationFailed' });
    const replay = await platform.request('POST', INSPECTIONS, {
      body: { startedAt: 'yesterday' },
      idempotencyKey: key,
    });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await recordCount(platform)).toBe(1);

    await failInserts(platform.sql, 'inspections');
    const failed = await platform.request('POST', INSPECTIONS, { body: inspectionBody() });
    expect(failed.status).toBe(500);
    expect(await recordCount(platform)).toBe(1);
  });

  it('replays the stored answer on another instance of the same database: nothing is kept in memory', async () => {
    const twins = await createTwinPlatforms();
    cleanups.push(() => twins.close());
    const key = newKey();
    const first = await twins.a.request('POST', INSPECTIONS, { body: inspectionBody(), idempotencyKey: key });
    const replay = await twins.b.request('POST', INSPECTIONS, { body: inspectionBody(), idempotencyKey: key });
    expect(replay.status).toBe(first.status);
    expect(replay.text).toBe(first.text);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await inspectionCount(twins.b.sql, KIOSK_1.id)).toBe(1);
  });
});

describe('the stored answer and the business write share one transaction', () => {
  it('stores no answer when the business write fails, so the retry runs again', async () => {
    const platform = await platformFor();
    const restore = await failInserts(platform.sql, 'inspections');
    const key = newKey();
    const failed = await platform.request('POST', INSPECTIONS, { body: inspectionBody(), idempotencyKey: key });
    expect(failed.status).toBe(500);
    expect(await recordCount(platform)).toBe(0);

    await restore();
    const retry = await platform.request('POST', INSPECTIONS, { body: inspectionBody(), idempotencyKey: key });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(await inspectionCount(platform.sql, KIOSK_1.id)).toBe(1);
  });

  it('rolls the business write back when the answer cannot be stored', async () => {
    const platform = await platformFor();
    await failInserts(platform.sql, 'idempotency_records');
    const failed = await platform.request('POST', INSPECTIONS, { body: inspectionBody() });
    expect(failed.status).toBe(500);
    expect(await inspectionCount(platform.sql, KIOSK_1.id)).toBe(0);
  });
});

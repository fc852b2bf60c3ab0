import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { heartbeatCount } from '../store/heartbeats';
import { inspectionCount } from '../store/inspections';
import { heartbeatBody, inspectionBody } from '../testing/bodies';
import { createTestPlatform, KIOSK_1, KIOSK_2, makeTempDir, newKey, type TestPlatform } from '../testing/harness';

const HEARTBEATS = `/api/v1/terminals/${KIOSK_1.id}/heartbeats`;
const INSPECTIONS = `/api/v1/terminals/${KIOSK_1.id}/inspections`;

const cleanups: Array<() => void> = [];
afterEach(() =>
  cleanups
    .splice(0)
    .reverse()
    .forEach((cleanUp) => cleanUp()),
);
function platformFor(options: Parameters<typeof createTestPlatform>[0] = {}): TestPlatform {
  const platform = createTestPlatform(options);
  cleanups.push(() => platform.close());
  return platform;
}
const recordCount = (platform: TestPlatform) =>
  platform.db.prepare('SELECT count(*) FROM idempotency_records').pluck().get() as number;

describe('Idempotency-Key', () => {
  it('is required on every POST: missing → 400 idempotencyKeyMissing, and nothing is written', async () => {
    const platform = platformFor();
    const response = await platform.request('POST', HEARTBEATS, { body: heartbeatBody(), idempotencyKey: null });
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ code: 'idempotencyKeyMissing' });
    expect(heartbeatCount(platform.db, KIOSK_1.id)).toBe(0);
  });

  it('must look like a key: too short → 400 idempotencyKeyInvalid', async () => {
    const platform = platformFor();
    const response = await platform.request('POST', HEARTBEATS, { body: heartbeatBody(), idempotencyKey: 'abc' });
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ code: 'idempotencyKeyInvalid' });
  });

  it('replays the original status and body for the same key and body, and writes once', async () => {
    const platform = platformFor();
    const key = newKey();
    const first = await platform.request('POST', INSPECTIONS, { body: inspectionBody(), idempotencyKey: key });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await platform.request('POST', INSPECTIONS, { body: inspectionBody(), idempotencyKey: key });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.text).toBe(first.text);
    expect(inspectionCount(platform.db, KIOSK_1.id)).toBe(1);
  });

  it('treats the quoted sf-string form of a key as the same key', async () => {
    const platform = platformFor();
    const key = newKey();
    await platform.request('POST', HEARTBEATS, { body: heartbeatBody(), idempotencyKey: key });
    const quoted = await platform.request('POST', HEARTBEATS, { body: heartbeatBody(), idempotencyKey: `"${key}"` });
    expect(quoted.headers.get('idempotent-replayed')).toBe('true');
    expect(heartbeatCount(platform.db, KIOSK_1.id)).toBe(1);
  });

  it('refuses the same key with a different body: 422 idempotencyKeyReused, no second write', async () => {
    const platform = platformFor();
    const key = newKey();
    await platform.request('POST', HEARTBEATS, { body: heartbeatBody(), idempotencyKey: key });
    const reused = await platform.request('POST', HEARTBEATS, {
      body: heartbeatBody({ uptimeSeconds: 999 }),
      idempotencyKey: key,
    });
    expect(reused.status).toBe(422);
    expect(reused.json()).toMatchObject({ code: 'idempotencyKeyReused' });
    expect(heartbeatCount(platform.db, KIOSK_1.id)).toBe(1);
  });

  it('refuses the same key on a different path: the fingerprint covers the path', async () => {
    const platform = platformFor();
    const key = newKey();
    await platform.request('POST', HEARTBEATS, { body: heartbeatBody(), idempotencyKey: key });
    const elsewhere = await platform.request('POST', INSPECTIONS, { body: heartbeatBody(), idempotencyKey: key });
    expect(elsewhere.status).toBe(422);
  });

  it('answers 409 while the first request with the key is still running, then replays its answer', async () => {
    const platform = platformFor();
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
    expect(inspectionCount(platform.db, KIOSK_1.id)).toBe(1);
  });

  it('keys on (terminal, key): another terminal may use the same key for its own request', async () => {
    const platform = platformFor();
    const key = newKey();
    await platform.request('POST', HEARTBEATS, { body: heartbeatBody(), idempotencyKey: key });
    const other = await platform.request('POST', `/api/v1/terminals/${KIOSK_2.id}/heartbeats`, {
      token: KIOSK_2.token,
      body: heartbeatBody(),
      idempotencyKey: key,
    });
    expect(other.status).toBe(202);
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    expect(heartbeatCount(platform.db, KIOSK_2.id)).toBe(1);
  });

  it('stores a validation failure like any answer, but never a 5xx', async () => {
    const platform = platformFor();
    const key = newKey();
    const invalid = await platform.request('POST', HEARTBEATS, { body: { sentAt: 'yesterday' }, idempotencyKey: key });
    expect(invalid.status).toBe(422);
    expect(invalid.json()).toMatchObject({ code: 'validationFailed' });
    const replay = await platform.request('POST', HEARTBEATS, { body: { sentAt: 'yesterday' }, idempotencyKey: key });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(recordCount(platform)).toBe(1);

    platform.db.exec(
      "CREATE TEMP TRIGGER heartbeat_fails BEFORE INSERT ON heartbeats BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    const failed = await platform.request('POST', HEARTBEATS, { body: heartbeatBody() });
    expect(failed.status).toBe(500);
    expect(recordCount(platform)).toBe(1);
  });

  it('replays the stored answer after the server restarts on the same database file', async () => {
    const temp = makeTempDir();
    cleanups.push(() => temp.remove());
    const dbPath = join(temp.dir, 'platform.db');
    const key = newKey();
    const before = createTestPlatform({ dbPath });
    const first = await before.request('POST', INSPECTIONS, { body: inspectionBody(), idempotencyKey: key });
    before.close();

    const after = platformFor({ dbPath, sealer: before.sealer });
    const replay = await after.request('POST', INSPECTIONS, { body: inspectionBody(), idempotencyKey: key });
    expect(replay.status).toBe(first.status);
    expect(replay.text).toBe(first.text);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(inspectionCount(after.db, KIOSK_1.id)).toBe(1);
  });
});

describe('the stored answer and the business write share one transaction', () => {
  it('stores no answer when the business write fails, so the retry runs again', async () => {
    const platform = platformFor();
    platform.db.exec(
      "CREATE TEMP TRIGGER heartbeat_fails BEFORE INSERT ON heartbeats BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    const key = newKey();
    const failed = await platform.request('POST', HEARTBEATS, { body: heartbeatBody(), idempotencyKey: key });
    expect(failed.status).toBe(500);
    expect(recordCount(platform)).toBe(0);

    platform.db.exec('DROP TRIGGER heartbeat_fails');
    const retry = await platform.request('POST', HEARTBEATS, { body: heartbeatBody(), idempotencyKey: key });
    expect(retry.status).toBe(202);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(heartbeatCount(platform.db, KIOSK_1.id)).toBe(1);
  });

  it('rolls the business write back when the answer cannot be stored', async () => {
    const platform = platformFor();
    platform.db.exec(
      "CREATE TEMP TRIGGER record_fails BEFORE INSERT ON idempotency_records BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    const failed = await platform.request('POST', HEARTBEATS, { body: heartbeatBody() });
    expect(failed.status).toBe(500);
    expect(heartbeatCount(platform.db, KIOSK_1.id)).toBe(0);
  });
});

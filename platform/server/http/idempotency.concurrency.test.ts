import { afterEach, describe, expect, it } from 'vitest';
import type { InspectionReceipt } from '../../contract/terminals';
import { inspectionBody } from '../testing/bodies';
import { createTwinPlatforms, KIOSK_1, newKey, type CheckedResponse, type TwinPlatforms } from '../testing/harness';

/**
 * Idempotency-Key with two platform instances on one database (docs/county-scale.md), every
 * request fired at once. The endpoint is the inspection report: each stored report is a row with
 * a number of the day, so a second run of the work would show as a second row and a gap or
 * duplicate in the numbers. On PostgreSQL each instance has its own connection pool and the
 * requests really overlap; the stored record's primary key (terminal, key) admits one commit and
 * the loser's whole transaction rolls back (http/idempotency.ts commitIdempotent).
 */

const INSPECTIONS = `/api/v1/terminals/${KIOSK_1.id}/inspections`;
const KEYS = 20;
// 2 March in China Standard Time: reports are numbered INSP-20260302-NNNN.
const NOW = new Date('2026-03-02T02:00:00Z');

let twins: TwinPlatforms;
afterEach(() => twins.close());

interface Sent {
  readonly key: number;
  readonly instance: 'a' | 'b';
  readonly response: CheckedResponse;
}

const replayed = (response: CheckedResponse) => response.headers.get('idempotent-replayed') === 'true';

async function storedCounts(): Promise<{ inspections: number; records: number }> {
  const inspections = await twins.a.sql.get<{ count: number }>('SELECT count(*) AS count FROM inspections');
  const records = await twins.b.sql.get<{ count: number }>('SELECT count(*) AS count FROM idempotency_records');
  return { inspections: inspections?.count ?? -1, records: records?.count ?? -1 };
}

// Generous timeout: sixty overlapping requests on two pools, on a 2-core CI machine. No assertion depends on speed.
describe('Idempotency-Key on two instances at once', { timeout: 60_000 }, () => {
  it('does the work once per key: one answer, every other one its replay or 409 while it runs', async () => {
    twins = await createTwinPlatforms({ now: () => new Date(NOW) });
    const keys = Array.from({ length: KEYS }, () => newKey());
    const bodies = keys.map((_, i) => inspectionBody({ notes: `巡检 ${i}` }));
    const send = (key: number, instance: 'a' | 'b'): Promise<Sent> =>
      twins[instance]
        .request('POST', INSPECTIONS, { body: bodies[key], idempotencyKey: keys[key] })
        .then((response) => ({ key, instance, response }));
    // Each key to both instances, and a second time to a: a kiosk retrying while its first try runs.
    const sent = await Promise.all(keys.flatMap((_, key) => [send(key, 'a'), send(key, 'b'), send(key, 'a')]));

    const originals = new Map<number, CheckedResponse>();
    for (let key = 0; key < KEYS; key += 1) {
      const answers = sent.filter((entry) => entry.key === key);
      const fresh = answers.filter((entry) => entry.response.status === 201 && !replayed(entry.response));
      expect(fresh, `key ${key}: exactly one request did the work`).toHaveLength(1);
      const original = fresh[0]!.response;
      originals.set(key, original);
      for (const { instance, response } of answers.filter((entry) => entry !== fresh[0])) {
        if (response.status === 409) {
          // In flight is known only to the instance running it; the other instance replays.
          expect(instance).toBe('a');
          expect(response.json()).toMatchObject({ code: 'idempotencyKeyInFlight' });
        } else {
          expect(response.status).toBe(201);
          expect(replayed(response)).toBe(true);
          expect(response.text).toBe(original.text);
        }
      }
    }

    // One row per key, numbered without a gap or a duplicate: no loser's write survived.
    expect(await storedCounts()).toEqual({ inspections: KEYS, records: KEYS });
    const ids = [...originals.values()].map((response) => response.json<InspectionReceipt>().inspectionId).sort();
    expect(ids).toEqual(Array.from({ length: KEYS }, (_, i) => `INSP-20260302-${String(i + 1).padStart(4, '0')}`));

    // Afterwards every retry, on either instance, is the stored answer.
    for (let key = 0; key < KEYS; key += 1) {
      for (const instance of ['a', 'b'] as const) {
        const { response } = await send(key, instance);
        expect(replayed(response)).toBe(true);
        expect(response.text).toBe(originals.get(key)?.text);
      }
    }
    expect(await storedCounts()).toEqual({ inspections: KEYS, records: KEYS });
  });

  it('refuses a different body under the same key with 422, whichever instance stored first', async () => {
    twins = await createTwinPlatforms({ now: () => new Date(NOW) });
    const keys = Array.from({ length: KEYS }, () => newKey());
    const sent = await Promise.all(
      keys.flatMap((key, i) =>
        (['a', 'b'] as const).map((instance) =>
          twins[instance]
            .request('POST', INSPECTIONS, {
              body: inspectionBody({ notes: `巡检 ${i} 经 ${instance}` }),
              idempotencyKey: key,
            })
            .then((response) => ({ key: i, instance, response })),
        ),
      ),
    );
    for (let key = 0; key < KEYS; key += 1) {
      const statuses = sent
        .filter((entry) => entry.key === key)
        .map((entry) => entry.response.status)
        .sort();
      expect(statuses, `key ${key}`).toEqual([201, 422]);
      const refused = sent.find((entry) => entry.key === key && entry.response.status === 422);
      expect(refused?.response.json()).toMatchObject({ code: 'idempotencyKeyReused' });
    }
    expect(await storedCounts()).toEqual({ inspections: KEYS, records: KEYS });

    // A third body later is refused on both instances, and stores nothing.
    for (const instance of ['a', 'b'] as const) {
      const late = await twins[instance].request('POST', INSPECTIONS, {
        body: inspectionBody({ notes: 'later' }),
        idempotencyKey: keys[0],
      });
      expect(late.status).toBe(422);
    }
    expect(await storedCounts()).toEqual({ inspections: KEYS, records: KEYS });
  });
});

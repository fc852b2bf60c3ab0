import { describe, expect, it } from 'vitest';
import { ephemeralSealer } from '../sealing/sealer';
import { caseProgress } from '../store/case-progress';
import { openTestDatabase } from '../testing/test-database';
import { applicationStateSql } from './application-state';
import { seeder, index64 } from './testing/seed';

/** The SQL state of an application, on either engine, agrees with the progress residents see (store/case-progress.ts). */
describe('application state in SQL', () => {
  // 97 moments, one statement each: on PostgreSQL (a cloned database, a round trip each) more than
  // the default 5 s on a loaded machine.
  it('matches caseProgress at every moment of a promised case, picked up or mailed', { timeout: 60_000 }, async () => {
    const sealer = ephemeralSealer();
    const database = await openTestDatabase(sealer);
    const db = database.db;
    const seed = seeder(db, sealer);
    await seed.terminal('k1', 'station-1');
    const acceptedAt = '2026-03-02T01:00:00.000Z';
    for (const [caseNo, delivery] of [
      ['P', 'pickUp'],
      ['M', 'mail'],
    ] as const)
      await seed.application({
        caseNo,
        day: '2026-03-02',
        seq: caseNo === 'P' ? 1 : 2,
        terminalId: 'k1',
        stationId: 'station-1',
        applicantIndex: index64('x'),
        caseType: 'promised',
        promisedBy: '2026-03-16',
        delivery,
        acceptedAt,
      });
    await seed.application({
      caseNo: 'I',
      day: '2026-03-02',
      seq: 3,
      terminalId: 'k1',
      stationId: 'station-1',
      applicantIndex: index64('x'),
      acceptedAt,
    });
    // One statement per moment, for the three cases at once.
    const sql = `SELECT a.case_no AS "caseNo", ${applicationStateSql(db.engine, 'a')} AS state FROM applications a`;
    const seen = new Set<string>();
    // Every 7 hours for four weeks: through every phase, never landing on a boundary to the millisecond.
    for (let hours = -1; hours < 28 * 24; hours += 7) {
      const now = new Date(Date.parse(acceptedAt) + hours * 3_600_000 + 1234);
      const states = new Map(
        (await db.all<{ caseNo: string; state: string }>(sql, { now: now.toISOString() })).map((row) => [
          row.caseNo,
          row.state,
        ]),
      );
      for (const caseNo of ['P', 'M', 'I']) {
        const expected = caseProgress(
          {
            caseNo,
            matter: { matterCode: 'M-000001', matterVersion: 1, matterName: '事项' },
            caseType: caseNo === 'I' ? 'instant' : 'promised',
            confirmedAt: acceptedAt,
            acceptedAt,
            promisedBy: caseNo === 'I' ? null : '2026-03-16',
            delivery:
              caseNo === 'M'
                ? {
                    method: 'mail',
                    recipient: '张*',
                    phone: '138****1234',
                    region: { regionCode: '370784', province: '山东省', city: '潍坊市', county: '安丘市' },
                  }
                : { method: 'pickUp', servicePointId: 'station-1' },
            pickUpPlace: null,
          },
          now,
        ).state;
        const actual = states.get(caseNo);
        expect(actual, `${caseNo} at +${hours} h`).toBe(expected);
        seen.add(String(actual));
      }
    }
    expect([...seen].sort()).toEqual(['accepted', 'completed', 'inReview', 'mailed', 'readyForPickup']);
    await database.close();
  });
});

import { addDays, instantAt } from '../../../contract/china-time';
import type { SqlQueries } from '../../db/sql';
import type { PlatformSealer } from '../../sealing/sealer';
import { index64, seeder } from './seed';

/**
 * A county's applications generated straight into the platform's tables, with sealed bodies like
 * real ones: `stations` stations × `days` days × `perStationDay` applications, one transaction
 * per day. A 差评 with a callback every 50th application, a rating every 5th.
 */

export interface GeneratedLedger {
  readonly applications: number;
  readonly from: string;
  readonly to: string;
}

const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴'];
const GIVEN = ['建国', '秀英', '明', '丽', '志强', '桂兰', '海', '玉珍', '军', '凤英'];
const MATTERS = ['城乡居民养老保险参保登记', '居民医保缴费', '高龄津贴申领', '残疾人两项补贴', '农村危房改造申请'];

export async function generateLedgerYear(
  db: SqlQueries,
  sealer: PlatformSealer,
  options: { stations: number; days: number; perStationDay: number; from?: string },
): Promise<GeneratedLedger> {
  const from = options.from ?? '2025-01-01';
  const stationIds = Array.from({ length: options.stations }, (_, i) => `st-${String(i + 1).padStart(3, '0')}`);
  await db.transaction(async (tx) => {
    const seed = seeder(tx, sealer);
    for (const stationId of stationIds) await seed.terminal(`k-${stationId}`, stationId);
  });
  let total = 0;
  for (let d = 0; d < options.days; d += 1) {
    const day = addDays(from, d);
    const compact = day.replaceAll('-', '');
    const dayStart = instantAt(day, 8 * 60).getTime();
    await db.transaction(async (tx) => {
      const seed = seeder(tx, sealer);
      let seq = 0;
      let ratingSeq = 0;
      let orderSeq = 0;
      for (const stationId of stationIds) {
        for (let n = 0; n < options.perStationDay; n += 1) {
          seq += 1;
          total += 1;
          const caseNo = `370784-${compact}-${String(seq).padStart(6, '0')}`;
          const acceptedAt = new Date(dayStart + n * 60_000).toISOString();
          await seed.application({
            caseNo,
            day,
            seq,
            terminalId: `k-${stationId}`,
            stationId,
            matterCode: `M-00000${total % MATTERS.length}`,
            matterName: MATTERS[total % MATTERS.length],
            name: `${SURNAMES[total % 10]}${GIVEN[(total >> 3) % 10]}`,
            applicantIndex: index64(`p${total % 40_000}`),
            agent: total % 7 === 0,
            caseType: total % 3 === 0 ? 'promised' : 'instant',
            promisedBy: addDays(day, 14),
            delivery: total % 6 === 0 ? 'mail' : 'pickUp',
            acceptedAt,
          });
          if (total % 5 !== 0) continue;
          ratingSeq += 1;
          const bad = total % 50 === 0;
          const ratingId = `RT-${compact}-${ratingSeq}`;
          await seed.rating({
            ratingId,
            day,
            seq: ratingSeq,
            terminalId: `k-${stationId}`,
            stationId,
            level: bad ? 2 : 5,
            subjectRef: caseNo,
            at: acceptedAt,
          });
          if (!bad) continue;
          orderSeq += 1;
          await seed.workOrder({
            workOrderNo: `WO-${compact}-${orderSeq}`,
            day,
            seq: orderSeq,
            ratingId,
            followUpBy: addDays(day, 21),
            callbackAt: acceptedAt,
            satisfied: true,
          });
        }
      }
    });
  }
  return { applications: total, from, to: addDays(from, options.days - 1) };
}

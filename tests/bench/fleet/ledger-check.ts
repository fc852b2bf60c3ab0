import type { DatabaseConfig } from '../../../platform/server/db/database-config';
import { openDatabase } from '../../../platform/server/db/open-database';
import type { SqlDb } from '../../../platform/server/db/sql';
import { loadDataKey } from '../../../platform/server/sealing/data-key-file';
import { createPlatformSealer } from '../../../platform/server/sealing/sealer';
import type { SimulatedKiosk } from './simulated-kiosk';

/**
 * The books of a fleet run: what every kiosk was told (the answers its outbox kept, the ticket
 * numbers it printed) against what the platform stored. Lost: an item the kiosk holds an answer
 * for, or still holds unsent, that the platform does not have. Duplicated: anything the platform
 * stored more often than the kiosk sent it. Both must be 0.
 */
export interface LedgerCheck {
  /** Items the kiosks queued (materials, applications, ratings, help requests, offline tickets) plus online tickets. */
  readonly items: number;
  readonly lost: number;
  readonly duplicated: number;
  /** Left in outboxes (pending or refused) when the run ended. */
  readonly unsent: number;
  /** Online tickets the platform issued whose answer never reached the kiosk (a timeout after commit). */
  readonly issuedUnanswered: number;
  readonly problems: readonly string[];
}

interface SentRow {
  kind: string;
  state: string;
  response: string | null;
}

const counted = (values: Iterable<string>): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
};

export async function checkFleetLedger(
  config: DatabaseConfig,
  dataKeyFile: string,
  kiosks: readonly SimulatedKiosk[],
): Promise<LedgerCheck> {
  const key = loadDataKey(dataKeyFile, { createIfMissing: false });
  if (!key.ok) throw new Error(`ledger check: ${key.error.kind}`);
  const opened = await openDatabase(config, createPlatformSealer(key.value.key));
  if (!opened.ok) throw new Error(`ledger check: ${JSON.stringify(opened.error)}`);
  const db = opened.value;
  try {
    return await compare(db, kiosks);
  } finally {
    await db.close();
  }
}

async function compare(db: SqlDb, kiosks: readonly SimulatedKiosk[]): Promise<LedgerCheck> {
  const problems: string[] = [];
  let items = 0;
  let lost = 0;
  let duplicated = 0;
  let unsent = 0;
  let issuedUnanswered = 0;
  const note = (problem: string) => {
    if (problems.length < 20) problems.push(problem);
  };

  const rowsBy = async (sql: string) => {
    const rows = await db.all<{ owner: string; id: string }>(sql);
    const by = new Map<string, string[]>();
    for (const row of rows) by.set(row.owner, [...(by.get(row.owner) ?? []), row.id]);
    return by;
  };
  const applications = await rowsBy('SELECT terminal_id AS owner, case_no AS id FROM applications');
  const ratings = await rowsBy('SELECT terminal_id AS owner, rating_id AS id FROM ratings');
  const requests = await rowsBy('SELECT terminal_id AS owner, request_id AS id FROM assistance_requests');
  const tickets = await rowsBy('SELECT station_id AS owner, ticket_no AS id FROM tickets');
  const materials = await rowsBy('SELECT uploaded_by AS owner, sha256 AS id FROM materials');

  /** Every told id once on the platform, and nothing there the kiosk did not send. */
  const reconcile = (what: string, who: string, told: readonly string[], stored: readonly string[]) => {
    items += told.length;
    const storedCounts = counted(stored);
    for (const [id, times] of counted(told)) {
      const found = storedCounts.get(id) ?? 0;
      if (found === 0) {
        lost += times;
        note(`${who}: ${what} ${id} was answered but is not stored`);
      } else if (times > 1) {
        duplicated += times - 1;
        note(`${who}: ${what} ${id} was told to ${times} items`);
      }
      if (found > 1) {
        duplicated += found - 1;
        note(`${who}: ${what} ${id} stored ${found} times`);
      }
    }
    for (const [id, found] of storedCounts) {
      if (!told.includes(id)) {
        duplicated += found;
        note(`${who}: ${what} ${id} stored but never told to the kiosk`);
      }
    }
  };

  for (const kiosk of kiosks) {
    const { terminalId, stationId } = kiosk.spec;
    const rows = kiosk.db.prepare('SELECT kind, state, response FROM outbox ORDER BY id').all() as SentRow[];
    const told = {
      application: [] as string[],
      rating: [] as string[],
      assistance: [] as string[],
      material: [] as string[],
    };
    const offlineTickets: string[] = [];
    for (const row of rows) {
      if (row.state !== 'sent') {
        unsent += 1;
        lost += 1;
        note(`${terminalId}: a ${row.kind} item is still ${row.state}`);
        continue;
      }
      const answer = JSON.parse(row.response ?? 'null') as Record<string, unknown> | null;
      switch (row.kind) {
        case 'application':
          told.application.push(String(answer?.['caseNo']));
          break;
        case 'rating':
          told.rating.push(String(answer?.['ratingId']));
          break;
        case 'assistance':
          told.assistance.push(String(answer?.['requestId']));
          break;
        case 'material':
          told.material.push(String(answer?.['sha256']));
          break;
        case 'offlineTickets': {
          const accepted = (answer?.['accepted'] as Array<{ ticketNo: string }> | undefined) ?? [];
          const rejected = (answer?.['rejected'] as unknown[] | undefined) ?? [];
          if (rejected.length > 0) note(`${terminalId}: offline tickets refused: ${JSON.stringify(rejected)}`);
          offlineTickets.push(...accepted.map((ticket) => ticket.ticketNo));
          break;
        }
        default:
          note(`${terminalId}: unexpected outbox kind ${row.kind}`);
      }
    }
    reconcile('application', terminalId, told.application, applications.get(terminalId) ?? []);
    reconcile('rating', terminalId, told.rating, ratings.get(terminalId) ?? []);
    reconcile('help request', terminalId, told.assistance, requests.get(terminalId) ?? []);
    reconcile('material', terminalId, told.material, materials.get(terminalId) ?? []);
    // Every number printed for a resident is in the station's queue once; an online ticket whose
    // answer was lost on the way is the platform's only extra, and it is counted on its own.
    const printed = kiosk.tickets.map((ticket) => ticket.ticketNo);
    const offlinePrinted = kiosk.tickets.filter((ticket) => ticket.how === 'offline').map((ticket) => ticket.ticketNo);
    for (const ticketNo of offlinePrinted) {
      if (!offlineTickets.includes(ticketNo))
        note(`${terminalId}: offline ticket ${ticketNo} printed but not accepted`);
    }
    const stored = tickets.get(stationId) ?? [];
    const storedCounts = counted(stored);
    items += printed.length;
    for (const [ticketNo, times] of counted(printed)) {
      const found = storedCounts.get(ticketNo) ?? 0;
      if (found === 0) {
        lost += times;
        note(`${stationId}: ticket ${ticketNo} printed but not in the queue`);
      }
      if (times > 1 || found > 1) {
        duplicated += Math.max(times, found) - 1;
        note(`${stationId}: ticket ${ticketNo} printed ${times}×, stored ${found}×`);
      }
    }
    for (const ticketNo of storedCounts.keys()) if (!printed.includes(ticketNo)) issuedUnanswered += 1;
  }
  return { items, lost, duplicated, unsent, issuedUnanswered, problems };
}

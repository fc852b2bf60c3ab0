import type Database from 'better-sqlite3';
import type {
  AssistanceKind,
  AssistanceRequest,
  AssistanceRequestState,
  AssistanceStatus,
} from '../../contract/assistance';
import type { PlatformSealer } from '../sealing/sealer';
import { chinaDay, compactChinaDay } from '../time';
import { recordArrival } from './arrivals';
import { dailyId, nextDaySequence } from './day-sequence';

/**
 * Assistance requests (帮办代办). The id, AR-YYYYMMDD-NNNN, is short enough to read out over the
 * phone. How soon staff get in touch depends on the kind: an agent at the station is urgent.
 * The request itself (name, phone, address, note) is stored sealed.
 */

const SEALED = 'assistance_requests.sealed_request';

const CONTACT_WITHIN_HOURS: Record<AssistanceKind, number> = {
  agentAtStation: 1,
  callback: 24,
  homeVisit: 48,
};

interface Row {
  requestId: string;
  kind: AssistanceKind;
  status: AssistanceStatus;
  receivedAt: string;
  updatedAt: string;
}

const toState = (row: Row): AssistanceRequestState => ({
  ...row,
  expectedContactWithinHours: CONTACT_WITHIN_HOURS[row.kind],
});

export function recordAssistanceRequest(
  db: Database.Database,
  sealer: PlatformSealer,
  terminalId: string,
  request: AssistanceRequest,
  now: Date,
): AssistanceRequestState {
  const day = chinaDay(now);
  const seq = nextDaySequence(db, 'assistance_requests', day);
  const requestId = dailyId('AR', compactChinaDay(now), seq);
  const at = now.toISOString();
  db.prepare(
    `INSERT INTO assistance_requests
       (request_id, day, seq, terminal_id, station_id, kind, status, requested_at, sealed_request, received_at,
        updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'received', ?, ?, ?, ?)`,
  ).run(
    requestId,
    day,
    seq,
    terminalId,
    request.stationId,
    request.kind,
    request.requestedAt,
    sealer.sealJson(SEALED, requestId, request),
    at,
    at,
  );
  recordArrival(db, 'assistanceRequest', requestId, now);
  return toState({ requestId, kind: request.kind, status: 'received', receivedAt: at, updatedAt: at });
}

/** Only the terminal that made the request may read it back. */
export function findAssistanceRequest(
  db: Database.Database,
  terminalId: string,
  requestId: string,
): AssistanceRequestState | undefined {
  const row = db
    .prepare(
      `SELECT request_id AS requestId, kind, status, received_at AS receivedAt, updated_at AS updatedAt
       FROM assistance_requests WHERE request_id = ? AND terminal_id = ?`,
    )
    .get(requestId, terminalId) as Row | undefined;
  return row && toState(row);
}

export function assistanceRequestCount(db: Database.Database): number {
  return db.prepare('SELECT count(*) FROM assistance_requests').pluck().get() as number;
}

import type Database from 'better-sqlite3';
import type {
  AssistanceContactChannel,
  AssistanceContactOnRecord,
  AssistanceContactOutcome,
  AssistanceKind,
  AssistanceRequest,
  AssistanceRequestState,
  AssistanceSearch,
  AssistanceStatus,
} from '../../contract/assistance';
import { stationSettingsOf } from '../help-requests/station-settings-store';
import type { PlatformSealer } from '../sealing/sealer';
import { chinaDay, compactChinaDay } from '../time';
import { recordArrival } from './arrivals';
import { dailyId, nextDaySequence } from './day-sequence';

/**
 * Assistance requests (帮办代办). The id, AR-YYYYMMDD-NNNN, is short enough to read out over the
 * phone. How soon staff get in touch depends on the kind and the station's settings
 * (platform/contract/console/station-settings.ts): an agent at the station is urgent.
 * The request itself (name, phone, address, note) is stored sealed; who asked, when they signed
 * in with the ID card, only as the keyed identity index (the ID number is not in the sealed body).
 * Staff's notes on contacts and on completion are sealed too: they may name people.
 */

const SEALED = 'assistance_requests.sealed_request';
const SEALED_COMPLETION = 'assistance_requests.sealed_completion';
const SEALED_NOTE = 'assistance_contacts.sealed_note';

/** What a request holds once sealed: everything the resident gave except their ID number. */
export type StoredAssistanceBody = AssistanceRequest extends infer Kind
  ? Kind extends AssistanceRequest
    ? Omit<Kind, 'requester'>
    : never
  : never;

/** Why it was closed, as staff wrote it. */
export type AssistanceClosing =
  { readonly kind: 'done'; readonly note: string } | { readonly kind: 'cancelled'; readonly reason: string };

export interface AssistanceRow {
  readonly requestId: string;
  readonly stationId: string;
  readonly kind: AssistanceKind;
  readonly status: AssistanceStatus;
  readonly receivedAt: string;
  readonly updatedAt: string;
  readonly assigneeUserId: number | null;
  readonly assigneeName: string | null;
  readonly acceptedAt: string | null;
  readonly completedAt: string | null;
  readonly hasRequester: boolean;
}

export interface AssistanceContactRow {
  readonly contactId: number;
  readonly at: string;
  readonly channel: AssistanceContactChannel;
  readonly outcome: AssistanceContactOutcome;
  readonly staffUserId: number;
  readonly staffName: string;
  readonly recordedAt: string;
}

const COLUMNS = `request_id AS requestId, station_id AS stationId, kind, status, received_at AS receivedAt,
  updated_at AS updatedAt, assignee_user_id AS assigneeUserId, assignee_name AS assigneeName,
  accepted_at AS acceptedAt, completed_at AS completedAt, requester_index IS NOT NULL AS hasRequester`;

type RawRow = Omit<AssistanceRow, 'hasRequester'> & { hasRequester: number };
const fromRaw = (row: RawRow): AssistanceRow => ({ ...row, hasRequester: row.hasRequester === 1 });

export function contactWithinHours(db: Database.Database, stationId: string, kind: AssistanceKind): number {
  return stationSettingsOf(db, stationId).helpRequests.contactWithinHours[kind];
}

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
  const { requester, ...body } = request;
  const requesterIndex = requester ? sealer.identityIndex(requester.idType, requester.idNumber) : null;
  db.prepare(
    `INSERT INTO assistance_requests
       (request_id, day, seq, terminal_id, station_id, kind, status, requested_at, sealed_request, received_at,
        updated_at, requester_index)
     VALUES (?, ?, ?, ?, ?, ?, 'received', ?, ?, ?, ?, ?)`,
  ).run(
    requestId,
    day,
    seq,
    terminalId,
    request.stationId,
    request.kind,
    request.requestedAt,
    sealer.sealJson(SEALED, requestId, body satisfies StoredAssistanceBody),
    at,
    at,
    requesterIndex,
  );
  recordArrival(db, 'assistanceRequest', requestId, now);
  return residentState(db, sealer, findAssistanceRow(db, requestId) as AssistanceRow);
}

export function findAssistanceRow(db: Database.Database, requestId: string): AssistanceRow | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM assistance_requests WHERE request_id = ?`).get(requestId) as
    RawRow | undefined;
  return row && fromRaw(row);
}

export function openAssistanceBody(
  db: Database.Database,
  sealer: PlatformSealer,
  requestId: string,
): StoredAssistanceBody {
  const sealed = db
    .prepare('SELECT sealed_request FROM assistance_requests WHERE request_id = ?')
    .pluck()
    .get(requestId);
  return sealer.openJson<StoredAssistanceBody>(SEALED, requestId, sealed as Buffer);
}

export function assistanceContacts(db: Database.Database, requestId: string): AssistanceContactRow[] {
  return db
    .prepare(
      `SELECT c.contact_id AS contactId, c.at, c.channel, c.outcome, c.staff_user_id AS staffUserId,
         coalesce(u.display_name, '') AS staffName, c.recorded_at AS recordedAt
       FROM assistance_contacts c LEFT JOIN console_users u ON u.user_id = c.staff_user_id
       WHERE c.request_id = ? ORDER BY c.at, c.contact_id`,
    )
    .all(requestId) as AssistanceContactRow[];
}

export function openContactNote(db: Database.Database, sealer: PlatformSealer, contactId: number): string | null {
  const sealed = db.prepare('SELECT sealed_note FROM assistance_contacts WHERE contact_id = ?').pluck().get(contactId);
  return sealed ? sealer.openJson<string>(SEALED_NOTE, String(contactId), sealed as Buffer) : null;
}

export function openClosing(
  db: Database.Database,
  sealer: PlatformSealer,
  requestId: string,
): AssistanceClosing | null {
  const sealed = db
    .prepare('SELECT sealed_completion FROM assistance_requests WHERE request_id = ?')
    .pluck()
    .get(requestId);
  return sealed ? sealer.openJson<AssistanceClosing>(SEALED_COMPLETION, requestId, sealed as Buffer) : null;
}

/** What the resident may see of their request: no names of staff beyond the handler, no notes. */
function residentState(db: Database.Database, sealer: PlatformSealer, row: AssistanceRow): AssistanceRequestState {
  const contacts: AssistanceContactOnRecord[] = assistanceContacts(db, row.requestId).map(
    ({ at, channel, outcome }) => ({
      at,
      channel,
      outcome,
    }),
  );
  return {
    requestId: row.requestId,
    kind: row.kind,
    status: row.status,
    receivedAt: row.receivedAt,
    updatedAt: row.updatedAt,
    expectedContactWithinHours: contactWithinHours(db, row.stationId, row.kind),
    matter: openAssistanceBody(db, sealer, row.requestId).matter,
    handlerName: row.assigneeName,
    contacts,
    completedAt: row.status === 'done' ? row.completedAt : null,
  };
}

/** Only the terminal that made the request may read it back. */
export function findAssistanceRequest(
  db: Database.Database,
  sealer: PlatformSealer,
  terminalId: string,
  requestId: string,
): AssistanceRequestState | undefined {
  const row = db
    .prepare(`SELECT ${COLUMNS} FROM assistance_requests WHERE request_id = ? AND terminal_id = ?`)
    .get(requestId, terminalId) as RawRow | undefined;
  return row && residentState(db, sealer, fromRaw(row));
}

/** The card-verified person's own requests, newest first; nobody else's. */
export function searchAssistanceRequests(
  db: Database.Database,
  sealer: PlatformSealer,
  search: AssistanceSearch,
): AssistanceRequestState[] {
  const index = sealer.identityIndex(search.idType, search.idNumber);
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM assistance_requests WHERE requester_index = ?
       ORDER BY received_at DESC, request_id DESC LIMIT 50`,
    )
    .all(index) as RawRow[];
  return rows.map((row) => residentState(db, sealer, fromRaw(row)));
}

/** Requests of some stations (all when `stationIds` is null), optionally of one status set and kind. */
export function listAssistanceRows(
  db: Database.Database,
  filter: {
    readonly stationIds: readonly string[] | null;
    readonly statuses: readonly AssistanceStatus[];
    readonly kind?: AssistanceKind;
  },
): AssistanceRow[] {
  if (filter.stationIds?.length === 0 || filter.statuses.length === 0) return [];
  const where = [`status IN (${filter.statuses.map(() => '?').join(', ')})`];
  const args: unknown[] = [...filter.statuses];
  if (filter.stationIds) {
    where.push(`station_id IN (${filter.stationIds.map(() => '?').join(', ')})`);
    args.push(...filter.stationIds);
  }
  if (filter.kind) {
    where.push('kind = ?');
    args.push(filter.kind);
  }
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM assistance_requests WHERE ${where.join(' AND ')} ORDER BY received_at, request_id`)
    .all(...args) as RawRow[];
  return rows.map(fromRaw);
}

export function lastContactOf(
  db: Database.Database,
  requestId: string,
): { count: number; last: { at: string; outcome: AssistanceContactOutcome } | null } {
  const contacts = assistanceContacts(db, requestId);
  const last = contacts.at(-1);
  return { count: contacts.length, last: last ? { at: last.at, outcome: last.outcome } : null };
}

export type AssistanceChange =
  | { readonly kind: 'assign'; readonly userId: number; readonly assigneeName: string }
  | {
      readonly kind: 'contact';
      readonly userId: number;
      readonly at: string;
      readonly channel: AssistanceContactChannel;
      readonly outcome: AssistanceContactOutcome;
      readonly note: string | null;
    }
  | { readonly kind: 'complete'; readonly note: string }
  | { readonly kind: 'cancel'; readonly reason: string };

export type ChangeRefusal = 'closed' | 'notAccepted';

const CLOSED: readonly AssistanceStatus[] = ['done', 'cancelled'];

/**
 * One step of a request, in a transaction that re-reads its status, so two members of staff
 * acting at once cannot complete a cancelled request. Accepting again reassigns; contacts and
 * completion need someone to have accepted it; a closed request takes no more steps.
 */
export function changeAssistanceRequest(
  db: Database.Database,
  sealer: PlatformSealer,
  requestId: string,
  change: AssistanceChange,
  now: Date,
): ChangeRefusal | null {
  const at = now.toISOString();
  return db.transaction((): ChangeRefusal | null => {
    const row = findAssistanceRow(db, requestId);
    if (!row) throw new Error(`${requestId} vanished inside its change`);
    if (CLOSED.includes(row.status)) return 'closed';
    switch (change.kind) {
      case 'assign':
        db.prepare(
          `UPDATE assistance_requests SET assignee_user_id = ?, assignee_name = ?, accepted_at = coalesce(accepted_at, ?),
             status = CASE status WHEN 'received' THEN 'assigned' ELSE status END, updated_at = ?
           WHERE request_id = ?`,
        ).run(change.userId, change.assigneeName, at, at, requestId);
        return null;
      case 'contact': {
        if (row.status === 'received') return 'notAccepted';
        const { lastInsertRowid } = db
          .prepare(
            `INSERT INTO assistance_contacts (request_id, at, channel, outcome, staff_user_id, recorded_at)
             VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(requestId, change.at, change.channel, change.outcome, change.userId, at);
        const contactId = Number(lastInsertRowid);
        if (change.note)
          db.prepare('UPDATE assistance_contacts SET sealed_note = ? WHERE contact_id = ?').run(
            sealer.sealJson(SEALED_NOTE, String(contactId), change.note),
            contactId,
          );
        db.prepare(`UPDATE assistance_requests SET status = 'inProgress', updated_at = ? WHERE request_id = ?`).run(
          at,
          requestId,
        );
        return null;
      }
      case 'complete':
        if (row.status === 'received') return 'notAccepted';
        return close(db, sealer, requestId, 'done', { kind: 'done', note: change.note }, at);
      case 'cancel':
        return close(db, sealer, requestId, 'cancelled', { kind: 'cancelled', reason: change.reason }, at);
    }
  })();
}

function close(
  db: Database.Database,
  sealer: PlatformSealer,
  requestId: string,
  status: 'done' | 'cancelled',
  closing: AssistanceClosing,
  at: string,
): null {
  db.prepare(
    `UPDATE assistance_requests SET status = ?, completed_at = ?, sealed_completion = ?, updated_at = ? WHERE request_id = ?`,
  ).run(status, at, sealer.sealJson(SEALED_COMPLETION, requestId, closing), at, requestId);
  return null;
}

export function assistanceRequestCount(db: Database.Database): number {
  return db.prepare('SELECT count(*) FROM assistance_requests').pluck().get() as number;
}

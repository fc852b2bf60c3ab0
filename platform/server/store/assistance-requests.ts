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
import type { SqlQueries, SqlValue } from '../db/sql';
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

const COLUMNS = `request_id AS "requestId", station_id AS "stationId", kind, status, received_at AS "receivedAt",
  updated_at AS "updatedAt", assignee_user_id AS "assigneeUserId", assignee_name AS "assigneeName",
  accepted_at AS "acceptedAt", completed_at AS "completedAt",
  CASE WHEN requester_index IS NOT NULL THEN 1 ELSE 0 END AS "hasRequester"`;

type RawRow = Omit<AssistanceRow, 'hasRequester'> & { hasRequester: number };
const fromRaw = (row: RawRow): AssistanceRow => ({ ...row, hasRequester: row.hasRequester === 1 });

/**
 * A video call (视频帮办) is contact itself: it is answered within minutes or ends (noAnswer, then
 * a callback request of its own), so it has no station setting; one hour keeps an unanswered one
 * from looking on time in the inbox.
 */
const VIDEO_CONTACT_WITHIN_HOURS = 1;

export async function contactWithinHours(db: SqlQueries, stationId: string, kind: AssistanceKind): Promise<number> {
  if (kind === 'video') return VIDEO_CONTACT_WITHIN_HOURS;
  return (await stationSettingsOf(db, stationId)).helpRequests.contactWithinHours[kind];
}

/** Stores a request the kiosk sent; call inside the transaction that stores its answer (commitIdempotent). */
export async function recordAssistanceRequest(
  db: SqlQueries,
  sealer: PlatformSealer,
  terminalId: string,
  request: AssistanceRequest,
  now: Date,
): Promise<AssistanceRequestState> {
  const day = chinaDay(now);
  const seq = await nextDaySequence(db, 'assistance_requests', day);
  const requestId = dailyId('AR', compactChinaDay(now), seq);
  const at = now.toISOString();
  const { requester, ...body } = request;
  const requesterIndex = requester ? sealer.identityIndex(requester.idType, requester.idNumber) : null;
  await db.run(
    `INSERT INTO assistance_requests
       (request_id, day, seq, terminal_id, station_id, kind, status, requested_at, sealed_request, received_at,
        updated_at, requester_index)
     VALUES (?, ?, ?, ?, ?, ?, 'received', ?, ?, ?, ?, ?)`,
    [
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
    ],
  );
  await recordArrival(db, 'assistanceRequest', requestId, now);
  const row = await findAssistanceRow(db, requestId);
  if (!row) throw new Error(`${requestId} vanished in the transaction that stored it`);
  return residentState(db, sealer, row);
}

export async function findAssistanceRow(db: SqlQueries, requestId: string): Promise<AssistanceRow | undefined> {
  const row = await db.get<RawRow>(`SELECT ${COLUMNS} FROM assistance_requests WHERE request_id = ?`, [requestId]);
  return row && fromRaw(row);
}

export async function openAssistanceBody(
  db: SqlQueries,
  sealer: PlatformSealer,
  requestId: string,
): Promise<StoredAssistanceBody> {
  const row = await db.get<{ sealed_request: Buffer }>(
    'SELECT sealed_request FROM assistance_requests WHERE request_id = ?',
    [requestId],
  );
  if (!row) throw new Error(`no assistance request ${requestId} to open`);
  return sealer.openJson<StoredAssistanceBody>(SEALED, requestId, row.sealed_request);
}

export function assistanceContacts(db: SqlQueries, requestId: string): Promise<AssistanceContactRow[]> {
  return db.all<AssistanceContactRow>(
    `SELECT c.contact_id AS "contactId", c.at, c.channel, c.outcome, c.staff_user_id AS "staffUserId",
       coalesce(u.display_name, '') AS "staffName", c.recorded_at AS "recordedAt"
     FROM assistance_contacts c LEFT JOIN console_users u ON u.user_id = c.staff_user_id
     WHERE c.request_id = ? ORDER BY c.at, c.contact_id`,
    [requestId],
  );
}

export async function openContactNote(
  db: SqlQueries,
  sealer: PlatformSealer,
  contactId: number,
): Promise<string | null> {
  const row = await db.get<{ sealed_note: Buffer | null }>(
    'SELECT sealed_note FROM assistance_contacts WHERE contact_id = ?',
    [contactId],
  );
  return row?.sealed_note ? sealer.openJson<string>(SEALED_NOTE, String(contactId), row.sealed_note) : null;
}

export async function openClosing(
  db: SqlQueries,
  sealer: PlatformSealer,
  requestId: string,
): Promise<AssistanceClosing | null> {
  const row = await db.get<{ sealed_completion: Buffer | null }>(
    'SELECT sealed_completion FROM assistance_requests WHERE request_id = ?',
    [requestId],
  );
  return row?.sealed_completion
    ? sealer.openJson<AssistanceClosing>(SEALED_COMPLETION, requestId, row.sealed_completion)
    : null;
}

/** What the resident may see of their request: no names of staff beyond the handler, no notes. */
async function residentState(
  db: SqlQueries,
  sealer: PlatformSealer,
  row: AssistanceRow,
): Promise<AssistanceRequestState> {
  const contacts: AssistanceContactOnRecord[] = (await assistanceContacts(db, row.requestId)).map(
    ({ at, channel, outcome }) => ({ at, channel, outcome }),
  );
  return {
    requestId: row.requestId,
    kind: row.kind,
    status: row.status,
    receivedAt: row.receivedAt,
    updatedAt: row.updatedAt,
    expectedContactWithinHours: await contactWithinHours(db, row.stationId, row.kind),
    matter: (await openAssistanceBody(db, sealer, row.requestId)).matter,
    handlerName: row.assigneeName,
    contacts,
    completedAt: row.status === 'done' ? row.completedAt : null,
  };
}

/** Only the terminal that made the request may read it back. */
export async function findAssistanceRequest(
  db: SqlQueries,
  sealer: PlatformSealer,
  terminalId: string,
  requestId: string,
): Promise<AssistanceRequestState | undefined> {
  const row = await db.get<RawRow>(
    `SELECT ${COLUMNS} FROM assistance_requests WHERE request_id = ? AND terminal_id = ?`,
    [requestId, terminalId],
  );
  return row && residentState(db, sealer, fromRaw(row));
}

/** The card-verified person's own requests, newest first; nobody else's. */
export async function searchAssistanceRequests(
  db: SqlQueries,
  sealer: PlatformSealer,
  search: AssistanceSearch,
): Promise<AssistanceRequestState[]> {
  const index = sealer.identityIndex(search.idType, search.idNumber);
  const rows = await db.all<RawRow>(
    `SELECT ${COLUMNS} FROM assistance_requests WHERE requester_index = ?
     ORDER BY received_at DESC, request_id DESC LIMIT 50`,
    [index],
  );
  const states: AssistanceRequestState[] = [];
  for (const row of rows) states.push(await residentState(db, sealer, fromRaw(row)));
  return states;
}

/** Requests of some stations (all when `stationIds` is null), optionally of one status set and kind. */
export async function listAssistanceRows(
  db: SqlQueries,
  filter: {
    readonly stationIds: readonly string[] | null;
    readonly statuses: readonly AssistanceStatus[];
    readonly kind?: AssistanceKind;
  },
): Promise<AssistanceRow[]> {
  if (filter.stationIds?.length === 0 || filter.statuses.length === 0) return [];
  const where = [`status IN (${filter.statuses.map(() => '?').join(', ')})`];
  const args: SqlValue[] = [...filter.statuses];
  if (filter.stationIds) {
    where.push(`station_id IN (${filter.stationIds.map(() => '?').join(', ')})`);
    args.push(...filter.stationIds);
  }
  if (filter.kind) {
    where.push('kind = ?');
    args.push(filter.kind);
  }
  const rows = await db.all<RawRow>(
    `SELECT ${COLUMNS} FROM assistance_requests WHERE ${where.join(' AND ')} ORDER BY received_at, request_id`,
    args,
  );
  return rows.map(fromRaw);
}

export async function lastContactOf(
  db: SqlQueries,
  requestId: string,
): Promise<{ count: number; last: { at: string; outcome: AssistanceContactOutcome } | null }> {
  const contacts = await assistanceContacts(db, requestId);
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

/** closed: done or cancelled; notAccepted: nobody has accepted it yet; taken: another member of staff has. */
export type ChangeRefusal = 'closed' | 'notAccepted' | 'taken';

/**
 * One step of a request. Every step is an UPDATE whose WHERE states what the step needs, and its
 * row count decides (docs/county-scale.md): two members of staff acting at once on two instances
 * queue on the row's lock, and the second one's condition is checked again against the first
 * one's result (PostgreSQL re-evaluates the WHERE of a waiting UPDATE; SQLite runs one writer at
 * a time). So two acceptances at once leave exactly one assignee, and nothing completes a
 * cancelled request. Only when no row changed is the row read, to say why.
 *
 * - accept: while nobody has it (received), or again by the one who has it (to hand it to an
 *   agent): someone else's acceptance is 'taken';
 * - contact and complete: once accepted (assigned or in progress);
 * - cancel: any open request; a closed request takes no more steps.
 */
export async function changeAssistanceRequest(
  db: SqlQueries,
  sealer: PlatformSealer,
  requestId: string,
  change: AssistanceChange,
  now: Date,
): Promise<ChangeRefusal | null> {
  const at = now.toISOString();
  return db.transaction(async (tx): Promise<ChangeRefusal | null> => {
    const changed = await applyChange(tx, sealer, requestId, change, at);
    if (changed) return null;
    const row = await findAssistanceRow(tx, requestId);
    if (!row) throw new Error(`${requestId} vanished inside its change`);
    if (CLOSED.includes(row.status)) return 'closed';
    if (row.status === 'received') return 'notAccepted';
    if (change.kind === 'assign') return 'taken';
    throw new Error(`${change.kind} of ${requestId} in status ${row.status} changed nothing`);
  });
}

const CLOSED: readonly AssistanceStatus[] = ['done', 'cancelled'];

/** True when the step applied; false when the request's state refused it (no row changed). */
async function applyChange(
  tx: SqlQueries,
  sealer: PlatformSealer,
  requestId: string,
  change: AssistanceChange,
  at: string,
): Promise<boolean> {
  switch (change.kind) {
    case 'assign': {
      // The condition is the guarantee: 'received' (nobody has it) or already this user's.
      const { changes } = await tx.run(
        `UPDATE assistance_requests SET assignee_user_id = :userId, assignee_name = :name,
           accepted_at = coalesce(accepted_at, :at), status = CASE status WHEN 'received' THEN 'assigned' ELSE status END,
           updated_at = :at
         WHERE request_id = :requestId
           AND (status = 'received' OR (status IN ('assigned', 'inProgress') AND assignee_user_id = :userId))`,
        { userId: change.userId, name: change.assigneeName, at, requestId },
      );
      return changes === 1;
    }
    case 'contact': {
      // First the conditional UPDATE (it takes the row's lock), then the contact under it.
      const { changes } = await tx.run(
        `UPDATE assistance_requests SET status = 'inProgress', updated_at = ?
         WHERE request_id = ? AND status IN ('assigned', 'inProgress')`,
        [at, requestId],
      );
      if (changes !== 1) return false;
      const inserted = await tx.get<{ contact_id: number }>(
        `INSERT INTO assistance_contacts (request_id, at, channel, outcome, staff_user_id, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING contact_id`,
        [requestId, change.at, change.channel, change.outcome, change.userId, at],
      );
      if (!inserted) throw new Error('a contact insert returned no id');
      if (change.note)
        await tx.run('UPDATE assistance_contacts SET sealed_note = ? WHERE contact_id = ?', [
          sealer.sealJson(SEALED_NOTE, String(inserted.contact_id), change.note),
          inserted.contact_id,
        ]);
      return true;
    }
    case 'complete':
      return close(tx, sealer, requestId, 'done', { kind: 'done', note: change.note }, at, ['assigned', 'inProgress']);
    case 'cancel':
      return close(tx, sealer, requestId, 'cancelled', { kind: 'cancelled', reason: change.reason }, at, [
        'received',
        'assigned',
        'inProgress',
      ]);
  }
}

/** Closes the request only from one of the `from` statuses (the WHERE decides, see above). */
async function close(
  tx: SqlQueries,
  sealer: PlatformSealer,
  requestId: string,
  status: 'done' | 'cancelled',
  closing: AssistanceClosing,
  at: string,
  from: readonly AssistanceStatus[],
): Promise<boolean> {
  const { changes } = await tx.run(
    `UPDATE assistance_requests SET status = ?, completed_at = ?, sealed_completion = ?, updated_at = ?
     WHERE request_id = ? AND status IN (${from.map(() => '?').join(', ')})`,
    [status, at, sealer.sealJson(SEALED_COMPLETION, requestId, closing), at, requestId, ...from],
  );
  return changes === 1;
}

export async function assistanceRequestCount(db: SqlQueries): Promise<number> {
  const row = await db.get<{ count: number }>('SELECT count(*) AS count FROM assistance_requests');
  return row?.count ?? 0;
}

import type { HelpHistoryEntry, HelpInboxItem, HelpRequestDetail } from '../../contract/console/help-views';
import type { SqlQueries } from '../db/sql';
import type { PlatformSealer } from '../sealing/sealer';
import {
  assistanceContacts,
  contactWithinHours,
  lastContactOf,
  openAssistanceBody,
  openClosing,
  openContactNote,
  type AssistanceRow,
} from '../store/assistance-requests';

/**
 * How a help request looks in the staff inbox. Overdue means nobody has got in touch yet (the
 * request is received or assigned) and the station's time limit for its kind has passed; once a
 * contact is recorded the promise to the resident is kept, whatever its outcome.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export async function contactDueAt(db: SqlQueries, row: AssistanceRow): Promise<Date> {
  return new Date(Date.parse(row.receivedAt) + (await contactWithinHours(db, row.stationId, row.kind)) * HOUR_MS);
}

const overdueBy = (row: AssistanceRow, due: Date, now: Date): boolean =>
  (row.status === 'received' || row.status === 'assigned') && now.getTime() > due.getTime();

export async function isOverdue(db: SqlQueries, row: AssistanceRow, now: Date): Promise<boolean> {
  return overdueBy(row, await contactDueAt(db, row), now);
}

export async function inboxItem(
  db: SqlQueries,
  sealer: PlatformSealer,
  row: AssistanceRow,
  stationName: string,
  now: Date,
): Promise<HelpInboxItem> {
  const body = await openAssistanceBody(db, sealer, row.requestId);
  const { count, last } = await lastContactOf(db, row.requestId);
  const due = await contactDueAt(db, row);
  const end = row.completedAt === null ? now.getTime() : Date.parse(row.completedAt);
  return {
    requestId: row.requestId,
    stationId: row.stationId,
    stationName,
    kind: row.kind,
    status: row.status,
    matter: body.matter,
    requesterName: body.requesterName ?? null,
    receivedAt: row.receivedAt,
    waitedMinutes: Math.max(0, Math.floor((end - Date.parse(row.receivedAt)) / MINUTE_MS)),
    contactDueAt: due.toISOString(),
    overdue: overdueBy(row, due, now),
    assigneeName: row.assigneeName,
    contactCount: count,
    lastContact: last,
  };
}

export async function requestDetail(
  db: SqlQueries,
  sealer: PlatformSealer,
  row: AssistanceRow,
  stationName: string,
  now: Date,
): Promise<HelpRequestDetail> {
  const body = await openAssistanceBody(db, sealer, row.requestId);
  const contacts = [];
  for (const contact of await assistanceContacts(db, row.requestId))
    contacts.push({
      contactId: contact.contactId,
      at: contact.at,
      channel: contact.channel,
      outcome: contact.outcome,
      note: await openContactNote(db, sealer, contact.contactId),
      staffName: contact.staffName,
      recordedAt: contact.recordedAt,
    });
  const closing = await openClosing(db, sealer, row.requestId);
  const history: HelpHistoryEntry[] = [{ at: row.receivedAt, event: 'received', detail: null }];
  if (row.acceptedAt) history.push({ at: row.acceptedAt, event: 'accepted', detail: row.assigneeName });
  for (const contact of contacts) history.push({ at: contact.at, event: 'contacted', detail: contact.outcome });
  if (closing && row.completedAt)
    history.push(
      closing.kind === 'done'
        ? { at: row.completedAt, event: 'completed', detail: closing.note }
        : { at: row.completedAt, event: 'cancelled', detail: closing.reason },
    );
  history.sort((a, b) => a.at.localeCompare(b.at));
  return {
    request: await inboxItem(db, sealer, row, stationName, now),
    // A video call (kind 'video') has no phone: the call itself is the contact.
    phone: body.kind === 'video' ? null : (body.phone ?? null),
    address: body.kind === 'homeVisit' ? body.address : null,
    preferredTime: body.kind === 'callback' ? body.preferredTime : null,
    preferredDate: body.kind === 'homeVisit' ? body.preferredDate : null,
    needs: body.needs,
    note: body.note ?? null,
    caseNo: body.caseNo,
    signedInWithCard: row.hasRequester,
    contacts,
    completionNote: closing?.kind === 'done' ? closing.note : null,
    cancelReason: closing?.kind === 'cancelled' ? closing.reason : null,
    history,
  };
}

/** Overdue first, then the longest waiting; closed requests after them, the latest closed first. */
export function inboxOrder(a: HelpInboxItem, b: HelpInboxItem): number {
  const closedA = a.status === 'done' || a.status === 'cancelled';
  const closedB = b.status === 'done' || b.status === 'cancelled';
  if (closedA !== closedB) return closedA ? 1 : -1;
  if (closedA) return b.receivedAt.localeCompare(a.receivedAt);
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  return a.receivedAt.localeCompare(b.receivedAt) || a.requestId.localeCompare(b.requestId);
}

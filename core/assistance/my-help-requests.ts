import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type {
  AssistanceKind,
  AssistanceRequest,
  AssistanceRequestState,
  AssistanceSearch,
  AssistanceSearchResult,
} from '../../platform/contract/assistance';
import type { MyHelpRequest, MyHelpRequests, PendingHelpRequest } from '../api/help-follow-up';
import type { DataSealer } from '../outbox';
import { callPlatform } from '../platform-client/client';
import type { HttpOptions, PlatformError } from '../platform-client/http';
import { ok, type Result } from '../pure/result';

/**
 * 我的求助进度: the card-verified resident's help requests. The platform finds them by the
 * identity the kiosk sent with each request (the number in a POST body, never in a URL); the
 * ones saved here and not delivered yet are found by opening their sealed outbox bodies, since
 * the local table does not keep who asked.
 */

/** `searchAssistanceRequests`: changes nothing, so a fresh Idempotency-Key per search. */
export async function searchHelpRequests(
  options: HttpOptions,
  search: AssistanceSearch,
): Promise<Result<AssistanceSearchResult, PlatformError>> {
  const answer = await callPlatform(options, 'searchAssistanceRequests', {
    body: search,
    idempotencyKey: randomUUID(),
  });
  return answer.ok ? ok(answer.value.body) : answer;
}

export function toMyHelpRequest(state: AssistanceRequestState): MyHelpRequest {
  const last = state.contacts?.at(-1);
  return {
    requestId: state.requestId,
    kind: state.kind,
    status: state.status,
    matterName: state.matter?.matterName ?? null,
    handlerName: state.handlerName ?? null,
    lastContact: last ? { at: last.at, outcome: last.outcome } : null,
    receivedAt: state.receivedAt,
    completedAt: state.completedAt ?? null,
    expectedContactWithinHours: state.expectedContactWithinHours,
  };
}

interface PendingRow {
  local_ref: string;
  kind: AssistanceKind;
  requested_at: string;
  body_blob: Buffer | null;
}

/** This person's requests saved at this kiosk that the platform has not received yet. */
export function pendingHelpRequestsOf(
  db: Database.Database,
  sealer: DataSealer,
  person: AssistanceSearch,
): PendingHelpRequest[] {
  const rows = db
    .prepare(
      `SELECT a.local_ref, a.kind, a.requested_at, o.body_blob FROM assistance_request a
       JOIN outbox o ON o.id = a.outbox_id WHERE o.state <> 'sent'
       ORDER BY a.requested_at DESC LIMIT 50`,
    )
    .all() as PendingRow[];
  return rows.flatMap((row) => {
    if (!row.body_blob || row.body_blob.byteLength === 0) return [];
    const body = JSON.parse(sealer.open(row.body_blob).toString('utf8')) as AssistanceRequest;
    const requester = body.requester;
    const theirs = requester?.idType === person.idType && requester.idNumber === person.idNumber;
    return theirs ? [{ localRef: row.local_ref, kind: row.kind, requestedAt: row.requested_at }] : [];
  });
}

export function myHelpRequests(
  searched: Result<AssistanceSearchResult, PlatformError>,
  pendingHere: PendingHelpRequest[],
): MyHelpRequests {
  return {
    platform: searched.ok ? 'reachable' : 'unreachable',
    requests: searched.ok ? searched.value.requests.map(toMyHelpRequest) : [],
    pendingHere,
  };
}

import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { AssistanceRequestId } from '../../platform/contract/assistance';
import type { KioskAssistanceKind } from '../api/care';
import type { KioskAssistanceRequest } from './assistance-request';
import { enqueue, getOutboxItem, type DataSealer } from '../outbox';
import { DEFAULT_CONTACT_WITHIN_HOURS } from './assistance-request';
import { compactChinaDay } from '../time/china-time';

/**
 * Help requests made at this kiosk (migration 0009). The row and its outbox row are written in
 * one transaction; the platform's AR-… id and contact promise are read from the outbox response.
 */

export interface StoredAssistanceRequest {
  readonly localRef: string;
  readonly kind: KioskAssistanceKind;
  readonly matterCode: string | null;
  readonly requestedAt: string;
  readonly outboxId: number;
}

export interface AssistanceRequestDelivery {
  readonly status: 'delivered' | 'savedOffline';
  /** The platform's AR-… id once delivered, else the local reference. */
  readonly reference: string;
  readonly expectedContactWithinHours: number;
}

interface HelpRow {
  local_ref: string;
  kind: KioskAssistanceKind;
  matter_code: string | null;
  requested_at: string;
  outbox_id: number;
}

/** `HLP-20261121-3FA9C2`: short enough to read out on the phone, dated in China time. */
export function newLocalAssistanceRef(at: Date): string {
  return `HLP-${compactChinaDay(at)}-${randomBytes(3).toString('hex').toUpperCase()}`;
}

export type SaveHelpOutcome =
  | { readonly kind: 'saved'; readonly stored: StoredAssistanceRequest }
  | { readonly kind: 'sameConfirmation'; readonly stored: StoredAssistanceRequest };

export function saveAssistanceRequest(
  db: Database.Database,
  sealer: DataSealer,
  request: { readonly confirmationId: string; readonly localRef: string; readonly body: KioskAssistanceRequest },
  now: Date,
): SaveHelpOutcome {
  return db.transaction((): SaveHelpOutcome => {
    const earlier = findAssistanceByConfirmation(db, request.confirmationId);
    if (earlier) return { kind: 'sameConfirmation', stored: earlier };
    // The key comes from the resident's confirmation: a retry can never reach the platform as a new request.
    const queued = enqueue(
      db,
      sealer,
      {
        kind: 'assistance',
        operation: 'createAssistanceRequest',
        body: request.body,
        idempotencyKey: `${request.confirmationId}:assistance`,
      },
      now,
    );
    const stored: StoredAssistanceRequest = {
      localRef: request.localRef,
      kind: request.body.kind,
      matterCode: request.body.matter?.matterCode ?? null,
      requestedAt: request.body.requestedAt,
      outboxId: queued.id,
    };
    db.prepare(
      `INSERT INTO assistance_request (local_ref, confirmation_id, kind, matter_code, requested_at, offline, outbox_id)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      stored.localRef,
      request.confirmationId,
      stored.kind,
      stored.matterCode,
      stored.requestedAt,
      request.body.offline ? 1 : 0,
      stored.outboxId,
    );
    return { kind: 'saved', stored };
  })();
}

export function findAssistanceByConfirmation(
  db: Database.Database,
  confirmationId: string,
): StoredAssistanceRequest | null {
  const row = db
    .prepare(
      `SELECT local_ref, kind, matter_code, requested_at, outbox_id FROM assistance_request WHERE confirmation_id = ?`,
    )
    .get(confirmationId) as HelpRow | undefined;
  return row
    ? {
        localRef: row.local_ref,
        kind: row.kind,
        matterCode: row.matter_code,
        requestedAt: row.requested_at,
        outboxId: row.outbox_id,
      }
    : null;
}

const AssistanceAnswer = z.object({
  requestId: AssistanceRequestId,
  expectedContactWithinHours: z.number().int().min(0),
});

export function assistanceRequestDelivery(
  db: Database.Database,
  stored: StoredAssistanceRequest,
): AssistanceRequestDelivery {
  const item = getOutboxItem(db, stored.outboxId);
  const answer = item?.state === 'sent' ? AssistanceAnswer.safeParse(item.response) : null;
  return {
    status: item?.state === 'sent' ? 'delivered' : 'savedOffline',
    reference: answer?.success ? answer.data.requestId : stored.localRef,
    expectedContactWithinHours: answer?.success
      ? answer.data.expectedContactWithinHours
      : DEFAULT_CONTACT_WITHIN_HOURS[stored.kind],
  };
}

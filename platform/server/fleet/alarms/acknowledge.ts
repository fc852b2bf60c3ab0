import { err, ok, type Result } from '../../../../core/pure/result';
import type { Notice } from './notices';
import { alarmKey, severityOf, type RuleId } from './rules';
import type { Acknowledgement, FleetState } from './state';

/**
 * An owner acknowledges an open (or flapping) alarm: "I have seen it, someone is on the way".
 * The alarm stays open until its condition ends; the acknowledgement ends with it, so the next
 * raise of the same rule needs a new one. Who may acknowledge which kiosk is the caller's check.
 */

export type AcknowledgeError =
  | { readonly code: 'noOpenAlarm'; readonly kioskId: string; readonly ruleId: RuleId }
  | { readonly code: 'alreadyAcknowledged'; readonly acknowledged: Acknowledgement }
  | { readonly code: 'invalidAcknowledgement'; readonly problem: string };

export interface AcknowledgeRequest {
  readonly kioskId: string;
  readonly ruleId: RuleId;
  /** The console user's id: kept with the alarm and put in the notice for the audit log. */
  readonly by: string;
  readonly note?: string;
}

export function acknowledge(
  state: FleetState,
  request: AcknowledgeRequest,
  now: Date,
): Result<{ state: FleetState; notice: Notice }, AcknowledgeError> {
  if (request.by.trim() === '')
    return err({ code: 'invalidAcknowledgement', problem: 'by: who acknowledges is missing' });
  if (request.note !== undefined && request.note.length > 500) {
    return err({ code: 'invalidAcknowledgement', problem: 'note: longer than 500 characters' });
  }
  const alarm = state.kiosks[request.kioskId]?.rules[request.ruleId]?.alarm;
  if (!alarm || alarm.phase === 'quiet') {
    return err({ code: 'noOpenAlarm', kioskId: request.kioskId, ruleId: request.ruleId });
  }
  if (alarm.acknowledged) return err({ code: 'alreadyAcknowledged', acknowledged: alarm.acknowledged });

  const at = Math.max(now.getTime(), state.evaluatedAt);
  const acknowledged: Acknowledgement = {
    by: request.by,
    at,
    ...(request.note === undefined ? {} : { note: request.note }),
  };
  const next = structuredClone(state);
  const rule = next.kiosks[request.kioskId]?.rules[request.ruleId];
  if (!rule || rule.alarm.phase === 'quiet') throw new Error('the copied state lost the alarm it was checked for');
  rule.alarm = { ...rule.alarm, acknowledged };
  next.evaluatedAt = at;
  return ok({
    state: next,
    notice: {
      kind: 'acknowledged',
      key: alarmKey(request.kioskId, request.ruleId),
      kioskId: request.kioskId,
      ruleId: request.ruleId,
      severity: severityOf(request.ruleId),
      at,
      raisedAt: alarm.raisedAt,
      by: request.by,
      ...(request.note === undefined ? {} : { note: request.note }),
    },
  });
}

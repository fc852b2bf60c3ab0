import type { ConsoleOperationId } from '../../../contract/console/endpoints';

/**
 * What a change is called in the audit log, and what it was about. Every POST of the console
 * table has a name here (the record type makes a new endpoint name one); a GET is audited only
 * when refused, as `access.denied`.
 */

const POST_ACTIONS: Partial<Record<ConsoleOperationId, string>> = {
  login: 'login.succeeded',
  logout: 'logout',
  changePassword: 'password.changed',
  issueCommand: 'command.issued',
  revokeKiosk: 'kiosk.revoked',
  acknowledgeAlarm: 'alarm.acknowledged',
  createEnrolmentCode: 'enrolmentCode.created',
  approveEnrolment: 'enrolment.approved',
  rejectEnrolment: 'enrolment.rejected',
  createUser: 'user.created',
  setUserDisabled: 'user.disabledChanged',
  defineQueueWindow: 'queueWindow.defined',
  openQueueWindow: 'queueWindow.opened',
  pauseQueueWindow: 'queueWindow.paused',
  closeQueueWindow: 'queueWindow.closed',
  callNextTicket: 'ticket.called',
  recallTicket: 'ticket.recalled',
  startTicket: 'ticket.started',
  finishTicket: 'ticket.finished',
  noShowTicket: 'ticket.noShow',
  transferTicket: 'ticket.transferred',
  assignHelpRequest: 'helpRequest.assigned',
  addHelpContact: 'helpRequest.contactRecorded',
  completeHelpRequest: 'helpRequest.completed',
  cancelHelpRequest: 'helpRequest.cancelled',
  putStationSettings: 'stationSettings.changed',
  recordWorkOrderCallback: 'workOrder.callbackRecorded',
  recordWorkOrderFix: 'workOrder.fixRecorded',
  closeWorkOrder: 'workOrder.closed',
  publishWorkCalendar: 'workCalendar.published',
  uploadVideoCallRecording: 'videoCall.recordingStored',
};

export function auditAction(operationId: ConsoleOperationId, body: unknown): string {
  if (operationId === 'setUserDisabled' && typeof body === 'object' && body !== null && 'disabled' in body)
    return body.disabled === true ? 'user.disabled' : 'user.enabled';
  return POST_ACTIONS[operationId] ?? `${operationId}.requested`;
}

const BODY_IDS = ['terminalId', 'stationId', 'username', 'userId', 'kind'] as const;

/** `terminalId=kiosk-1 kind=restartApp`: the path's ids, then the ids a body names (never free text). */
export function auditTarget(params: unknown, body: unknown): string | null {
  const parts: string[] = [];
  if (typeof params === 'object' && params !== null)
    for (const [key, value] of Object.entries(params)) parts.push(`${key}=${String(value)}`);
  if (typeof body === 'object' && body !== null)
    for (const key of BODY_IDS) {
      const value = (body as Record<string, unknown>)[key];
      if (typeof value === 'string' && !parts.some((part) => part.startsWith(`${key}=`))) parts.push(`${key}=${value}`);
    }
  return parts.length > 0 ? parts.join(' ').slice(0, 200) : null;
}

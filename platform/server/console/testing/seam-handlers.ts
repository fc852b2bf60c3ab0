import type { ConsoleOperationId } from '../../../contract/console/endpoints';
import { err } from '../../../../core/pure/result';
import type { ConsoleHandlers, FleetOperationId } from '../handler-types';

/**
 * Fleet handlers for testing the HTTP layer's side of the seam: each records that it was reached
 * (with the user and input it was given) and answers a refusal naming itself, so a test can tell
 * "the route layer let it through" from "the route layer refused" without a fleet behind it.
 */

export interface SeamCall {
  readonly operationId: ConsoleOperationId;
  readonly username: string;
  readonly params: unknown;
  readonly query: unknown;
  readonly body: unknown;
}

const EVERY_FLEET_OPERATION = {
  getFleet: true,
  getKiosk: true,
  issueCommand: true,
  getCommand: true,
  getScreenshot: true,
  revokeKiosk: true,
  listAlarms: true,
  acknowledgeAlarm: true,
  createEnrolmentCode: true,
  listEnrolments: true,
  approveEnrolment: true,
  rejectEnrolment: true,
} as const satisfies Record<FleetOperationId, true>;

export const FLEET_OPERATIONS = Object.keys(EVERY_FLEET_OPERATION) as FleetOperationId[];

export function recordingFleetHandlers(calls: SeamCall[]): ConsoleHandlers<FleetOperationId> {
  const handlers: Partial<Record<FleetOperationId, unknown>> = {};
  for (const operationId of FLEET_OPERATIONS)
    handlers[operationId] = (call: { user: { username: string }; params: unknown; query: unknown; body: unknown }) => {
      calls.push({
        operationId,
        username: call.user.username,
        params: call.params,
        query: call.query,
        body: call.body,
      });
      return err({ kind: 'conflict', detail: `reached ${operationId}` });
    };
  return handlers as ConsoleHandlers<FleetOperationId>;
}

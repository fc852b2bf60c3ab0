import type { ConsoleHandlers, StaffOperationId } from './console/handler-types';
import type { PlatformContext } from './http/types';
import { createWorkOrderConsoleHandlers } from './work-orders';

/**
 * The console operations behind station staff's work, one area per folder: queue calling
 * (platform/server/queue-calling/), call displays (platform/server/call-display/), help requests
 * (platform/server/help-requests/), 差评 work orders and the working calendar
 * (platform/server/work-orders/), statistics and the 台账 export (platform/server/statistics/).
 * Each area answers for its own operations; the HTTP layer (console/http/console-api.ts) has
 * already checked the session, CSRF token, role and input shape.
 */
export function createStaffConsoleHandlers(ctx: PlatformContext): Partial<ConsoleHandlers<StaffOperationId>> {
  void ctx;
  return {
    // queue calling
    // call displays
    // help requests
    // work orders and calendar
    ...createWorkOrderConsoleHandlers(ctx),
    // statistics and export
  };
}

import type { ConsoleHandlers, StaffOperationId } from './console/handler-types';
import { createHelpConsoleHandlers } from './help-requests';
import type { PlatformContext } from './http/types';
import { createStatisticsConsoleHandlers } from './statistics';
import { createQueueConsoleHandlers } from './queue-calling/console-handlers';

/**
 * The console operations behind station staff's work, one area per folder: queue calling
 * (platform/server/queue-calling/), call displays (platform/server/call-display/), help requests
 * (platform/server/help-requests/), 差评 work orders and the working calendar
 * (platform/server/work-orders/), statistics and the 台账 export (platform/server/statistics/).
 * Each area answers for its own operations; the HTTP layer (console/http/console-api.ts) has
 * already checked the session, CSRF token, role and input shape.
 */
export function createStaffConsoleHandlers(ctx: PlatformContext): Partial<ConsoleHandlers<StaffOperationId>> {
  return {
    // queue calling
    ...createQueueConsoleHandlers(ctx),
    // call displays
    // help requests
    ...createHelpConsoleHandlers(ctx),
    // work orders and calendar
    // statistics and export
    ...createStatisticsConsoleHandlers(ctx),
  };
}

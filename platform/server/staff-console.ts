import type { ConsoleHandlers, StaffOperationId } from './console/handler-types';
import { createHelpConsoleHandlers } from './help-requests';
import type { PlatformContext } from './http/types';
import { createStatisticsConsoleHandlers } from './statistics';
import { createQueueConsoleHandlers } from './queue-calling/console-handlers';
import { createVideoConsoleHandlers } from './video-help/recordings';
import { createWorkOrderConsoleHandlers } from './work-orders';

/**
 * The console operations behind station staff's work, one area per folder: queue calling
 * (platform/server/queue-calling/), help requests
 * (platform/server/help-requests/), 差评 work orders and the working calendar
 * (platform/server/work-orders/), statistics and the 台账 export (platform/server/statistics/).
 * Each area answers for its own operations; the HTTP layer (console/http/console-api.ts) has
 * already checked the session, CSRF token, role and input shape.
 */
export function createStaffConsoleHandlers(ctx: PlatformContext): Partial<ConsoleHandlers<StaffOperationId>> {
  return {
    // queue calling
    ...createQueueConsoleHandlers(ctx),
    // help requests
    ...createHelpConsoleHandlers(ctx),
    // work orders and calendar
    ...createWorkOrderConsoleHandlers(ctx),
    // statistics and export
    ...createStatisticsConsoleHandlers(ctx),
    // 视频帮办 recordings
    ...createVideoConsoleHandlers(ctx),
  };
}

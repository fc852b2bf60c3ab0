import type { VideoHelpAvailability } from '../../contract/video-help';
import { onEndpoint } from '../http/route';
import type { PlatformApp, PlatformContext } from '../http/types';
import type { VideoHelpSettings } from './config';
import { agentsFor, loadQueueSnapshot } from './queue-snapshot';

/**
 * GET VIDEO_HELP_AVAILABILITY_PATH (terminal token): whether the county runs 视频帮办, how many
 * agents on duty may take this kiosk's station (any topic), how many residents wait, and whether
 * the consent screen asks about recording. Kiosk core adds its own devices (faceCamera,
 * microphone) before offering it.
 */
export function registerVideoHelpRoutes(
  app: PlatformApp,
  ctx: PlatformContext,
  settings: VideoHelpSettings | null,
): void {
  onEndpoint(app, 'getVideoHelpAvailability', async (c) => {
    if (settings === null)
      return c.json({ enabled: false, agentsOnDuty: 0, waiting: 0, recording: 'off' } satisfies VideoHelpAvailability);
    const snapshot = await loadQueueSnapshot(ctx.sql, ctx.sealer, ctx.now(), { withCalls: false });
    return c.json({
      enabled: true,
      agentsOnDuty: agentsFor(snapshot, c.get('terminal').stationId, null),
      waiting: snapshot.waiting.length,
      recording: settings.recording,
    } satisfies VideoHelpAvailability);
  });
}

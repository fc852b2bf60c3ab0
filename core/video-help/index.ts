import type { KioskContract } from '../api/contract';
import type { EventBus } from '../api/events';
import type { DeviceManager } from '../devices/types';
import type { Logger } from '../logging/logger';
import type { HttpOptions } from '../platform-client/http';
import type { Reachability } from '../platform-client/reachability';
import type { ResidentSession } from '../session/resident-session-types';
import { createAvailabilityCheck, type VideoHelpSetup } from './availability';
import { buildVideoHelpHandlers } from './handlers';
import { createVideoHelpSignalling } from './signalling-client';

export type { VideoHelpSetup } from './availability';

export interface VideoHelpServiceDeps {
  /** From the station config; undefined: video help is not configured (tests of other areas). */
  readonly setup: VideoHelpSetup | undefined;
  readonly devices: Pick<DeviceManager, 'snapshot' | 'reportMedia'>;
  /** The tracked platform options (core/platform-client/reachability.ts): base URL and terminal token. */
  readonly platform: HttpOptions;
  readonly reachability: () => Reachability;
  readonly session: Pick<ResidentSession, 'applicant' | 'onEnd' | 'recordCompleted'>;
  readonly events: EventBus<KioskContract>;
  readonly logger: Logger;
  readonly clock?: () => number;
  readonly pingIntervalMs?: number;
}

export interface VideoHelpService {
  readonly handlers: ReturnType<typeof buildVideoHelpHandlers>;
  /** The kiosk stops: any call ends and its socket closes. */
  stop(): Promise<void>;
}

/**
 * 视频帮办 in core (docs/video-help.md): the availability answer, the platform socket and the
 * handlers. A call lives no longer than the resident's visit: every end of the session (结束办理,
 * the idle reset, another person's card, a technician taking over; all run the session's end)
 * ends the call with `sessionEnded`.
 */
export function createVideoHelpService(deps: VideoHelpServiceDeps): VideoHelpService {
  const availability = createAvailabilityCheck({
    setup: deps.setup,
    devices: deps.devices,
    platform: deps.platform,
    reachability: deps.reachability,
    logger: deps.logger,
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
  // The call as the visit's record of services: once an agent answered, the resident was served
  // and may rate it (好差评, subject kind assistance, the help request's number), like a ticket.
  let served: { matterCode: string | null; requestId: string | null } | null = null;
  const signalling = createVideoHelpSignalling({
    platform: deps.platform,
    logger: deps.logger,
    onMessage: (message) => {
      if (message.t === 'queued' && served) served.requestId = message.requestId;
      if (message.t === 'accepted' && served?.requestId) {
        deps.session.recordCompleted({
          kind: 'assistance',
          ref: served.requestId,
          title: '视频帮办',
          matterCode: served.matterCode,
        });
        served = null;
      }
      deps.events.emit('videoHelp.message', message);
    },
    ...(deps.pingIntervalMs ? { pingIntervalMs: deps.pingIntervalMs } : {}),
  });
  const stopListening = deps.session.onEnd(() => signalling.end('sessionEnded'));
  const handlers = buildVideoHelpHandlers({
    availability,
    signalling,
    devices: deps.devices,
    requesterName: () => deps.session.applicant()?.person.name ?? null,
  });
  const start = handlers['videoHelp.start'];
  return {
    handlers: {
      ...handlers,
      'videoHelp.start': (input, ctx) => {
        served = { matterCode: input.matter?.matterCode ?? null, requestId: null };
        return start(input, ctx);
      },
    },
    async stop() {
      stopListening();
      await signalling.close();
    },
  };
}

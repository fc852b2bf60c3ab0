import type { KioskContract } from '../api/contract';
import type { Handlers } from '../api/types';
import type { DeviceManager } from '../devices/types';
import { err, ok } from '../pure/result';
import type { VideoHelpAvailabilityCheck } from './availability';
import type { VideoHelpSignalling } from './signalling-client';

type VideoHelpMethods = `videoHelp.${'availability' | 'start' | 'send' | 'end'}` | 'media.reportStatus';

export interface VideoHelpHandlerDeps {
  readonly availability: VideoHelpAvailabilityCheck;
  readonly signalling: VideoHelpSignalling;
  readonly devices: Pick<DeviceManager, 'reportMedia'>;
  /** The signed-in applicant's name for staff to address them by; null when nobody signed in. */
  readonly requesterName: () => string | null;
}

/** 视频帮办 as the renderer calls it (core/api/video-help.ts). */
export function buildVideoHelpHandlers(deps: VideoHelpHandlerDeps): Pick<Handlers<KioskContract>, VideoHelpMethods> {
  return {
    'videoHelp.availability': async () => ok(await deps.availability.check()),

    'videoHelp.start': async (input) => {
      if (deps.signalling.inCall()) return err({ code: 'alreadyInCall', message: 'a video help call is already on' });
      // The choice was offered a moment ago; asked again (cached) so a stale screen cannot start a call.
      const view = await deps.availability.check();
      if (!view.offered) return err({ code: 'notAvailable', message: `video help is not offered now: ${view.reason}` });
      const name = deps.requesterName()?.trim().slice(0, 64);
      const started = await deps.signalling.start({
        t: 'request',
        topic: input.topic,
        matter: input.matter,
        // Recording is asked only where the county records; a consent the screen should not have asked is dropped.
        consent: { ...input.consent, recording: input.consent.recording && view.recording === 'withConsent' },
        elderMode: input.elderMode,
        ...(name ? { requesterName: name } : {}),
      });
      if (started.ok) return ok({});
      if (started.error.kind === 'alreadyInCall') return err({ code: 'alreadyInCall', message: started.error.message });
      return err({
        code: 'notAvailable',
        message: `the platform's video help could not be reached: ${started.error.message}`,
      });
    },

    'videoHelp.send': (frame) => {
      const sent = deps.signalling.send(frame);
      return sent.ok ? ok({}) : err({ code: 'noCall', message: 'no video call is on' });
    },

    'videoHelp.end': ({ reason }) => {
      deps.signalling.end(reason);
      return ok({});
    },

    'media.reportStatus': ({ device, ...report }) => {
      deps.devices.reportMedia(device, report);
      return ok({});
    },
  };
}

import type { KioskContract } from '../api/contract';
import type { Handlers } from '../api/types';
import { err, ok } from '../pure/result';

type VideoHelpMethods = `videoHelp.${'availability' | 'start' | 'send' | 'end'}` | 'media.reportStatus';

/**
 * GROUNDWORK (issue 17): the kiosk answers that video help is not configured until core's
 * signalling client lands (core/video-help/). Replaced by that work; not a finished feature.
 */
export function buildVideoHelpHandlers(): Pick<Handlers<KioskContract>, VideoHelpMethods> {
  return {
    'videoHelp.availability': () => ok({ offered: false, reason: 'notConfigured' }),
    'videoHelp.start': () => err({ code: 'notAvailable' as const, message: 'video help is not configured' }),
    'videoHelp.send': () => err({ code: 'noCall' as const, message: 'no video call is on' }),
    'videoHelp.end': () => ok({}),
    'media.reportStatus': () => ok({}),
  };
}

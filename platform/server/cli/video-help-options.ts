import { err, ok, type Result } from '../../../core/pure/result';
import type { VideoHelpOptions } from '../video-help/config';

/**
 * `npm run platform` flags for 视频帮办 (docs/video-help.md), turned into the settings
 * video-help/config.ts checks at start. `--video-help` alone enables it with the defaults (no ICE
 * servers: LAN and loopback peers connect by host candidates); any of the other flags enables it
 * too. Absent: video help is off.
 *
 *   --stun <url>, --turn <url>   repeatable; TURN needs --turn-secret-file (coturn's
 *                                static-auth-secret, a file so the secret is not on the command line)
 *   --ice-transport-policy all|relay
 *   --video-recording off|with-consent
 *   --video-answer-within <seconds>
 */

export const VIDEO_HELP_CLI_OPTIONS = {
  'video-help': { type: 'boolean' },
  stun: { type: 'string', multiple: true },
  turn: { type: 'string', multiple: true },
  'turn-secret-file': { type: 'string' },
  'ice-transport-policy': { type: 'string' },
  'video-recording': { type: 'string' },
  'video-answer-within': { type: 'string' },
} as const;

export const VIDEO_HELP_USAGE = `[--video-help] [--stun <url>]… [--turn <url>]… [--turn-secret-file <file>]
    [--ice-transport-policy all|relay] [--video-recording off|with-consent] [--video-answer-within <seconds>]`;

export interface VideoHelpCliValues {
  readonly 'video-help'?: boolean;
  readonly stun?: readonly string[];
  readonly turn?: readonly string[];
  readonly 'turn-secret-file'?: string;
  readonly 'ice-transport-policy'?: string;
  readonly 'video-recording'?: string;
  readonly 'video-answer-within'?: string;
}

/** undefined: video help stays off. */
export function videoHelpOptionsFrom(values: VideoHelpCliValues): Result<VideoHelpOptions | undefined, string> {
  const stun = values.stun ?? [];
  const turn = values.turn ?? [];
  const secretFile = values['turn-secret-file'];
  const policy = values['ice-transport-policy'];
  const recording = values['video-recording'];
  const answerWithin = values['video-answer-within'];
  const any =
    values['video-help'] === true ||
    stun.length > 0 ||
    turn.length > 0 ||
    [secretFile, policy, recording, answerWithin].some((value) => value !== undefined);
  if (!any) return ok(undefined);
  if (stun.some((url) => !/^stuns?:/.test(url))) return err('--stun takes stun: or stuns: URLs');
  if (turn.length > 0 && secretFile === undefined) return err('--turn needs --turn-secret-file');
  if (turn.length === 0 && secretFile !== undefined) return err('--turn-secret-file needs at least one --turn');
  if (policy !== undefined && policy !== 'all' && policy !== 'relay')
    return err('--ice-transport-policy takes all or relay');
  if (recording !== undefined && recording !== 'off' && recording !== 'with-consent')
    return err('--video-recording takes off or with-consent');
  if (answerWithin !== undefined && !/^[0-9]+$/.test(answerWithin))
    return err('--video-answer-within takes a whole number of seconds');
  return ok({
    iceServers: stun.length > 0 ? [{ urls: [...stun] }] : [],
    ...(turn.length > 0 && secretFile !== undefined ? { turn: { urls: [...turn], secretFile } } : {}),
    ...(policy === undefined ? {} : { iceTransportPolicy: policy }),
    ...(recording === undefined ? {} : { recording: recording === 'with-consent' ? 'withConsent' : 'off' }),
    ...(answerWithin === undefined ? {} : { answerWithinSeconds: Number(answerWithin) }),
  });
}

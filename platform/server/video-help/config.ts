import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { err, ok, type Result } from '../../../core/pure/result';
import { IceServer } from '../../contract/video-help';

/**
 * The county's 视频帮办 settings (docs/video-help.md). Absent: the platform runs no video help
 * and tells kiosks so (availability `enabled: false`).
 *
 * - iceServers: STUN (and static TURN) servers as browsers take them; none is right on a LAN or
 *   loopback, where host candidates connect directly.
 * - turn: a coturn server with `use-auth-secret`: the platform mints a credential per call from
 *   the shared secret (ice-plan.ts), valid `ttlSeconds`, so no long-lived TURN password sits on a
 *   kiosk or in a browser.
 * - iceTransportPolicy 'relay': every call through TURN (kiosks behind symmetric NAT; the test).
 * - recording: 'off' (default) or 'withConsent' (asked on the kiosk, per call).
 * - answerWithinSeconds: how long a resident waits before the platform ends the wait (noAnswer)
 *   and the kiosk offers a callback. reconnectGraceSeconds: how long a dropped socket may take to
 *   come back before the call ends (connectionLost).
 */
export const VideoHelpOptions = z
  .strictObject({
    iceServers: z.array(IceServer).max(10).default([]),
    turn: z
      .strictObject({
        urls: z.array(z.string().regex(/^turns?:/)).min(1),
        /** The coturn static-auth-secret itself, or a file holding it (preferred: not in a config). */
        secret: z.string().min(16).optional(),
        secretFile: z.string().min(1).optional(),
        ttlSeconds: z.number().int().min(60).max(86_400).default(3_600),
      })
      .refine((turn) => (turn.secret === undefined) !== (turn.secretFile === undefined), {
        message: 'give the TURN secret or its file, one of them',
      })
      .optional(),
    iceTransportPolicy: z.enum(['all', 'relay']).default('all'),
    recording: z.enum(['off', 'withConsent']).default('off'),
    answerWithinSeconds: z.number().int().min(10).max(3_600).default(120),
    reconnectGraceSeconds: z.number().int().min(1).max(120).default(10),
  })
  .refine(
    (options) => options.iceTransportPolicy === 'all' || options.turn !== undefined || hasTurn(options.iceServers),
    {
      message: "iceTransportPolicy 'relay' needs a TURN server",
    },
  );
export type VideoHelpOptions = z.input<typeof VideoHelpOptions>;

export interface VideoHelpSettings {
  readonly iceServers: readonly IceServer[];
  readonly turn: { readonly urls: readonly string[]; readonly secret: string; readonly ttlSeconds: number } | null;
  readonly iceTransportPolicy: 'all' | 'relay';
  readonly recording: 'off' | 'withConsent';
  readonly answerWithinMs: number;
  readonly reconnectGraceMs: number;
}

function hasTurn(servers: readonly IceServer[]): boolean {
  return servers.some((server) => server.urls.some((url) => /^turns?:/.test(url)));
}

/** Null: video help is off. Reads the TURN secret file here, so a missing file stops start-up. */
export function resolveVideoHelpSettings(input: unknown): Result<VideoHelpSettings | null, string> {
  if (input === undefined || input === null || input === false) return ok(null);
  const parsed = VideoHelpOptions.safeParse(input);
  if (!parsed.success) {
    return err(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'videoHelp'}: ${issue.message}`).join('; '),
    );
  }
  const options = parsed.data;
  let turn: VideoHelpSettings['turn'] = null;
  if (options.turn) {
    let secret = options.turn.secret;
    if (secret === undefined && options.turn.secretFile !== undefined) {
      try {
        secret = readFileSync(options.turn.secretFile, 'utf8').trim();
      } catch (error) {
        return err(`videoHelp.turn.secretFile: cannot read ${options.turn.secretFile}: ${String(error)}`);
      }
      if (secret.length < 16) return err('videoHelp.turn.secretFile: the secret must be at least 16 characters');
    }
    turn = { urls: options.turn.urls, secret: secret ?? '', ttlSeconds: options.turn.ttlSeconds };
  }
  return ok({
    iceServers: options.iceServers,
    turn,
    iceTransportPolicy: options.iceTransportPolicy,
    recording: options.recording,
    answerWithinMs: options.answerWithinSeconds * 1000,
    reconnectGraceMs: options.reconnectGraceSeconds * 1000,
  });
}

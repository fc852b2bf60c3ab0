import { createHmac } from 'node:crypto';
import type { IcePlan } from '../../contract/video-help';
import type { VideoHelpSettings } from './config';

/**
 * The ICE servers both browsers of one call get. A TURN credential follows coturn's "TURN REST
 * API" scheme (draft-uberti-behave-turn-rest-00, coturn's `use-auth-secret`): the username is
 * `<expiry unix seconds>:<callId>` and the password base64(HMAC-SHA1(secret, username)). coturn
 * recomputes it from the same secret, so nothing is stored and a leaked credential dies with its
 * expiry; the call id in the name lets coturn's log be matched to a call.
 */
export function icePlanFor(settings: VideoHelpSettings, callId: string, now: Date): IcePlan {
  const iceServers = settings.iceServers.map((server) => ({ ...server, urls: [...server.urls] }));
  if (settings.turn) {
    const expiry = Math.floor(now.getTime() / 1000) + settings.turn.ttlSeconds;
    const username = `${expiry}:${callId}`;
    iceServers.push({
      urls: [...settings.turn.urls],
      username,
      credential: turnPassword(settings.turn.secret, username),
    });
  }
  return { iceServers, iceTransportPolicy: settings.iceTransportPolicy };
}

export function turnPassword(secret: string, username: string): string {
  return createHmac('sha1', secret).update(username).digest('base64');
}

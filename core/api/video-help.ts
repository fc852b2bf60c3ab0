import { z } from 'zod';
import { MatterRef } from '../../platform/contract/common';
import {
  HelpTopic,
  KioskCallMessage,
  PlatformToKioskVideoMessage,
  VideoConsent,
} from '../../platform/contract/video-help';

/**
 * 视频帮办 as the renderer drives it through core (docs/video-help.md). The renderer owns the
 * media (getUserMedia, RTCPeerConnection); core owns the platform socket, because the terminal's
 * token never reaches the page. Core relays the renderer's frames up and the platform's frames
 * down as `videoHelp.message` events, keeps nothing of a call on disk, and ends the call when the
 * resident's visit ends.
 */

/** Why 视频帮办 is not offered now; the renderer hides the choice (and says why to technicians). */
export const VideoHelpUnavailableReason = z.enum([
  /** The config has no videoHelp section, or it is disabled. */
  'notConfigured',
  'noFaceCamera',
  'noMicrophone',
  /** The platform is not reachable (the call needs it live; a callback still works offline). */
  'platformUnreachable',
  /** The platform runs no video help (no ICE plan configured). */
  'platformDisabled',
  'noAgentOnDuty',
]);
export type VideoHelpUnavailableReason = z.infer<typeof VideoHelpUnavailableReason>;

export const VideoHelpAvailabilityView = z.discriminatedUnion('offered', [
  z.object({
    offered: z.literal(true),
    agentsOnDuty: z.number().int().min(1),
    waiting: z.number().int().min(0),
    /** 'withConsent': the consent screen asks about recording too. */
    recording: z.enum(['off', 'withConsent']),
    /** From the config: the face camera's and microphone's labels to pick by (getUserMedia). */
    faceCameraLabel: z.string().nullable(),
    microphoneLabel: z.string().nullable(),
    /** Emulated devices (development): the renderer draws a test face and tone instead. */
    emulated: z.boolean(),
  }),
  z.object({ offered: z.literal(false), reason: VideoHelpUnavailableReason }),
]);
export type VideoHelpAvailabilityView = z.infer<typeof VideoHelpAvailabilityView>;

export const StartVideoHelpInput = z
  .object({
    topic: HelpTopic,
    matter: MatterRef.nullable(),
    consent: VideoConsent,
    elderMode: z.boolean(),
  })
  .strict();
export type StartVideoHelpInput = z.infer<typeof StartVideoHelpInput>;

/** Every frame the renderer may send during a call: all the kiosk's frames but the first (core sends that). */
export const VideoHelpOutgoing = KioskCallMessage;
export type VideoHelpOutgoing = z.infer<typeof VideoHelpOutgoing>;

/**
 * What the renderer hears: the platform's frames as they came, or core's own word on the socket
 * (`link`): 'lost' when it dropped during a call (core ends the call; the platform ends it too
 * after its grace period), 'closed' after the call ended normally.
 */
export const VideoHelpIncoming = z.union([
  PlatformToKioskVideoMessage,
  z.object({ t: z.literal('link'), state: z.enum(['lost', 'closed']) }).strict(),
]);
export type VideoHelpIncoming = z.infer<typeof VideoHelpIncoming>;

import { z } from 'zod';
import { IsoDateTime } from '../common';
import { VideoCallId } from '../video-help';
import type { ConsoleEndpoint } from './endpoint-shape';
import { STATION_WORKERS } from './endpoint-shape';

/**
 * 视频帮办 on the console's HTTP side (the call itself runs over the agent's WebSocket,
 * platform/contract/video-help.ts). Part of CONSOLE_ENDPOINTS (endpoints.ts).
 *
 * The recording: only where the county records and the resident consented, the agent's console
 * records the call (MediaRecorder, WebM) and uploads it once after the call; the platform seals
 * it at rest and forgets it with the call's help request (service-record retention).
 */

export const VIDEO_RECORDING_CONTENT_TYPES = ['video/webm'] as const;
/** 200 MB: about an hour of a 400 kbit/s call. */
export const VIDEO_RECORDING_MAX_BYTES = 200 * 1024 * 1024;

export const VideoCallPathParams = z.strictObject({ callId: VideoCallId });

export const VideoCallRecordingStored = z
  .strictObject({ callId: VideoCallId, bytes: z.number().int().min(1), storedAt: IsoDateTime })
  .meta({ id: 'VideoCallRecordingStored', description: 'The recording of a call, sealed and stored.' });
export type VideoCallRecordingStored = z.infer<typeof VideoCallRecordingStored>;

export const VIDEO_ENDPOINTS = [
  {
    operationId: 'uploadVideoCallRecording',
    method: 'post',
    path: '/video-calls/{callId}/recording',
    summary: "Store the recording of a call you took (the resident consented; the body is the call's WebM)",
    roles: STATION_WORKERS,
    pathParams: VideoCallPathParams,
    upload: { contentTypes: VIDEO_RECORDING_CONTENT_TYPES, maxBytes: VIDEO_RECORDING_MAX_BYTES },
    status: 201,
    response: VideoCallRecordingStored,
  },
] as const satisfies readonly ConsoleEndpoint[];

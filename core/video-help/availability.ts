import type { DeviceStatus } from '../api/devices';
import type { VideoHelpAvailabilityView } from '../api/video-help';
import type { DeviceManager } from '../devices/types';
import type { Logger } from '../logging/logger';
import { describePlatformError, platformRequest, type HttpOptions, type PlatformError } from '../platform-client/http';
import type { Reachability } from '../platform-client/reachability';
import { err, ok, type Result } from '../pure/result';
import { VideoHelpAvailability } from '../../platform/contract/video-help';
import type { MediaDeviceConfig, VideoHelpConfig } from '../../kiosk-config/schema';
import { AVAILABILITY_PATH } from './platform-urls';

/** 视频帮办's part of the station config (kiosk-config/schema.ts). */
export interface VideoHelpSetup {
  readonly videoHelp: VideoHelpConfig | undefined;
  readonly faceCamera: MediaDeviceConfig | undefined;
  readonly microphone: MediaDeviceConfig | undefined;
}

export interface AvailabilityDeps {
  readonly setup: VideoHelpSetup | undefined;
  readonly devices: Pick<DeviceManager, 'snapshot'>;
  readonly platform: HttpOptions;
  readonly reachability: () => Reachability;
  readonly logger: Logger;
  /** Milliseconds, for the cache. */
  readonly clock?: () => number;
  /** How long the platform's answer stands; a resident tapping 帮办求助 again does not ask again. */
  readonly cacheMs?: number;
}

export interface VideoHelpAvailabilityCheck {
  check(): Promise<VideoHelpAvailabilityView>;
}

/** The resident is waiting on this answer: a platform that does not answer in 4 s counts as unreachable. */
const MAX_WAIT_MS = 4_000;

const works = (status: DeviceStatus | undefined) => status?.state === 'online' || status?.state === 'busy';

/**
 * Whether to offer 视频帮办 now, and the first reason not to (core/api/video-help.ts): the config
 * enables it, a face camera and a microphone are configured and working (as the page last
 * reported them), and the platform answers that it runs video help with an agent on duty. The
 * kiosk's own conditions are checked first and cost nothing; the platform is asked only when they
 * hold, at most once per `cacheMs` (a failed answer is cached too, so a tapping resident does not
 * flood a platform that is struggling). Never throws: a platform error is `platformUnreachable`.
 */
export function createAvailabilityCheck(deps: AvailabilityDeps): VideoHelpAvailabilityCheck {
  const log = deps.logger.child({ component: 'video-help' });
  const clock = deps.clock ?? Date.now;
  const cacheMs = deps.cacheMs ?? 3_000;
  const platform = { ...deps.platform, timeoutMs: Math.min(deps.platform.timeoutMs, MAX_WAIT_MS) };
  let cached: { at: number; answer: Promise<Result<VideoHelpAvailability, PlatformError>> } | null = null;

  const askPlatform = () => {
    const now = clock();
    if (cached && now - cached.at < cacheMs) return cached.answer;
    const answer = platformRequest(platform, { method: 'GET', path: AVAILABILITY_PATH, schema: VideoHelpAvailability })
      .then((response): Result<VideoHelpAvailability, PlatformError> => {
        if (!response.ok) return response;
        if (response.value.body === null) return err({ kind: 'invalidResponse', message: 'no body' });
        return ok(response.value.body);
      })
      .catch((error: unknown): Result<VideoHelpAvailability, PlatformError> => {
        // platformRequest does not throw; a bug in it must still not reach the resident as a crash.
        log.error({ err: error }, 'asking the platform about video help failed unexpectedly');
        return err({ kind: 'unreachable', message: String(error) });
      });
    cached = { at: now, answer };
    return answer;
  };

  return {
    async check(): Promise<VideoHelpAvailabilityView> {
      const setup = deps.setup;
      if (!setup?.videoHelp?.enabled) return { offered: false, reason: 'notConfigured' };
      const devices = deps.devices.snapshot().devices;
      const find = (kind: DeviceStatus['device']) => devices.find((d) => d.device === kind);
      if (!setup.faceCamera || !works(find('faceCamera'))) return { offered: false, reason: 'noFaceCamera' };
      if (!setup.microphone || !works(find('microphone'))) return { offered: false, reason: 'noMicrophone' };
      if (deps.reachability() === 'unreachable') {
        // Known down: a refused or timed-out request would only make the resident wait. The
        // heartbeat, outbox and catalog sync keep asking and flip this back when it answers.
        return { offered: false, reason: 'platformUnreachable' };
      }

      const answer = await askPlatform();
      if (!answer.ok) {
        // 404: a platform that has no video help at all (older than issue 17).
        if (answer.error.kind === 'http' && answer.error.status === 404)
          return { offered: false, reason: 'platformDisabled' };
        log.warn(
          { error: describePlatformError(answer.error) },
          'video help availability: the platform did not answer',
        );
        return { offered: false, reason: 'platformUnreachable' };
      }
      const platformView = answer.value;
      if (!platformView.enabled) return { offered: false, reason: 'platformDisabled' };
      if (platformView.agentsOnDuty < 1) return { offered: false, reason: 'noAgentOnDuty' };
      return {
        offered: true,
        agentsOnDuty: platformView.agentsOnDuty,
        waiting: platformView.waiting,
        recording: platformView.recording,
        faceCameraLabel: setup.faceCamera.mode === 'real' ? (setup.faceCamera.deviceLabel ?? null) : null,
        microphoneLabel: setup.microphone.mode === 'real' ? (setup.microphone.deviceLabel ?? null) : null,
        // Development: the page uses Chromium's fake devices (a test pattern and a tone) for either.
        emulated: setup.faceCamera.mode === 'emulated' || setup.microphone.mode === 'emulated',
      };
    },
  };
}

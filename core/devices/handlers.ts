import type { KioskContract } from '../api/contract';
import { err, ok } from '../pure/result';
import type { Handlers } from '../api/types';
import type { DeviceManager } from './types';
import type { CaptureStaging } from '../session/capture-staging';

type DeviceMethods =
  'devices.snapshot' | 'camera.reportStatus' | 'capture.stage' | 'capture.discard' | 'session.end' | 'dev.emulator';

export interface DeviceHandlerDeps {
  readonly devices: DeviceManager;
  readonly captures: CaptureStaging;
  /** Forgets everything of the resident: card data, staged captures. */
  readonly endResidentSession: () => void;
  readonly devMode: boolean;
}

/** Devices, captured materials and the resident session, as the renderer calls them. */
export function buildDeviceHandlers(deps: DeviceHandlerDeps): Pick<Handlers<KioskContract>, DeviceMethods> {
  return {
    'devices.snapshot': () => ok(deps.devices.snapshot()),
    'camera.reportStatus': (report) => {
      deps.devices.reportCamera(report);
      return ok({});
    },
    'capture.stage': (input) => {
      const staged = deps.captures.stage(input);
      if (!staged.ok) return err(staged.error);
      return ok({ captureId: staged.value.captureId, bytes: staged.value.pdf.length, sha256: staged.value.sha256 });
    },
    'capture.discard': ({ captureId }) => {
      deps.captures.discard(captureId);
      return ok({});
    },
    'session.end': () => {
      deps.endResidentSession();
      return ok({});
    },
    'dev.emulator': ({ device, action, argument }) => {
      // A station's kiosk never lets the page flip devices, whatever the page asks.
      if (!deps.devMode) return err({ code: 'notAvailable', message: 'emulator controls exist in dev builds only' });
      const result = deps.devices.emulator(device, action, argument);
      if (!result.ok) {
        return err(
          result.error === 'notAvailable'
            ? { code: 'notAvailable', message: `${device} is a real device, not an emulator` }
            : { code: 'unknownAction', message: `the ${device} emulator has no action ${action}` },
        );
      }
      return ok(deps.devices.snapshot());
    },
  };
}

import type { DeviceStatus, JourneyAvailability } from '../api/devices';

const works = (status: DeviceStatus | undefined) => status?.state === 'online' || status?.state === 'busy';

/**
 * Which journeys may start (docs/design-anchors.md §6.1). A missing camera stops self-service submission but not
 * guides, tickets or progress; a missing printer moves tickets and receipts to the screen; a
 * missing reader leaves typing the ID number; a missing keypad leaves rating on screen; the scan
 * hints and 扫亮证码 show only while a configured scanner works; 视频帮办 only while a configured face
 * camera and microphone both work.
 */
export function journeyAvailability(devices: readonly DeviceStatus[]): JourneyAvailability {
  const find = (kind: DeviceStatus['device']) => devices.find((d) => d.device === kind);
  return {
    idCardSignIn: works(find('idCardReader')),
    selfServiceSubmission: works(find('documentCamera')),
    output: works(find('printer')) ? 'paper' : 'screen',
    keypadRating: works(find('evaluationKeypad')),
    // Absent where the config names no scanner: then no screen offers scanning.
    scanCodes: works(find('qrScanner')),
    // Both absent where the config names none; the platform's side (agents on duty) is videoHelp.availability's.
    videoHelp: works(find('faceCamera')) && works(find('microphone')),
  };
}

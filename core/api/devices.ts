import { z } from 'zod';
import { DeviceCode as HeartbeatDeviceCode } from '../../platform/contract/terminals';
import { DeviceStatus as PlatformDeviceState } from '../../platform/contract/common';

/**
 * The device vocabulary shared by drivers, core and the renderer. States follow XFS4IoT
 * Common.Status.device (docs/design-anchors.md §2), reduced to what a village station
 * can act on; the recommended action follows XFS4IoT ErrorEvent actions, mapped to "村管理员可处理"
 * (clear) vs "需报修" (maintenance).
 */

/**
 * The peripherals (a subset of the platform's DeviceKind, same names). The QR scanner, the face
 * camera and the microphone are optional: each is in a snapshot only where the config names it.
 * The document camera, face camera and microphone belong to the page (getUserMedia), which reports
 * their state (`camera.reportStatus`, `media.reportStatus`).
 */
export const DeviceKind = z.enum([
  'idCardReader',
  'printer',
  'evaluationKeypad',
  'documentCamera',
  'qrScanner',
  'faceCamera',
  'microphone',
]);
export type DeviceKind = z.infer<typeof DeviceKind>;

/** The same six states the platform receives in heartbeats and inspection reports. */
export const DeviceState = PlatformDeviceState;
export type DeviceState = z.infer<typeof DeviceState>;

export const RecommendedAction = z
  .enum(['none', 'clear', 'maintenance', 'configuration', 'suspend'])
  .describe(
    'none: nothing to do; clear: station staff can fix it (paper, cover, card left in); ' +
      'maintenance: call an engineer; configuration: the config names a wrong port or model; ' +
      'suspend: the device recovers by itself (reconnecting)',
  );
export type RecommendedAction = z.infer<typeof RecommendedAction>;

/**
 * Machine-readable detail behind a state, one list with the platform's heartbeat
 * (platform/contract/terminals.ts DeviceCode), so a code the kiosk shows is a code the county
 * console can name. The renderer turns a code into words (`devices:code.<code>`); the `detail`
 * string is English for logs and technicians, never shown to residents and never holding
 * personal data.
 */
export const DeviceCode = HeartbeatDeviceCode;
export type DeviceCode = z.infer<typeof DeviceCode>;

export const DeviceIdentity = z.object({
  model: z.string().max(120),
  serial: z.string().max(120).nullable(),
  firmware: z.string().max(120).nullable(),
});
export type DeviceIdentity = z.infer<typeof DeviceIdentity>;

export const DeviceStatus = z.object({
  device: DeviceKind,
  mode: z.enum(['real', 'emulated']),
  /** Where it is attached, e.g. "/dev/serial/by-id/usb-…", "tcp 10.0.0.5:9100", "emulator on /dev/pts/4". */
  link: z.string().max(300),
  state: DeviceState,
  code: DeviceCode,
  action: RecommendedAction,
  /** Conditions worth knowing while the device still works, e.g. paperNearEnd. */
  warnings: z.array(DeviceCode),
  detail: z.string().max(500),
  identity: DeviceIdentity.nullable(),
  since: z.iso.datetime({ offset: true }).describe('when the state last changed'),
  lastError: z
    .object({ code: DeviceCode, detail: z.string().max(500), at: z.iso.datetime({ offset: true }) })
    .nullable(),
});
export type DeviceStatus = z.infer<typeof DeviceStatus>;

/**
 * Which journeys may start given the devices (docs/design-anchors.md §6.1): no camera → no self-service submission,
 * but guides, tickets and progress still work; no printer → tickets and receipts on screen.
 */
export const JourneyAvailability = z.object({
  idCardSignIn: z.boolean().describe('false: offer typing the ID number instead'),
  selfServiceSubmission: z.boolean(),
  output: z.enum(['paper', 'screen']).describe('where tickets and receipts go'),
  keypadRating: z.boolean().describe('false: rate on screen only'),
  scanCodes: z
    .boolean()
    .describe('a QR scanner is configured and works: screens offer scanning receipts, slips, tickets and 亮证码'),
  videoHelp: z
    .boolean()
    .describe(
      "a face camera and a microphone are configured and work: 视频帮办 may be offered (the platform's side: videoHelp.availability)",
    ),
});
export type JourneyAvailability = z.infer<typeof JourneyAvailability>;

export const DevicesSnapshot = z.object({
  devices: z.array(DeviceStatus),
  journeys: JourneyAvailability,
});
export type DevicesSnapshot = z.infer<typeof DevicesSnapshot>;

/** What the renderer may know about a card that was read: enough to greet, never the whole number. */
export const MaskedCard = z.object({
  cardType: z.enum(['resident', 'hkMacaoTaiwan', 'foreignPermanent2017', 'foreignPermanent2023']),
  /** 张*三 / Z*** */
  nameMasked: z.string(),
  /** 3701********9973 */
  idNumberMasked: z.string(),
});
export type MaskedCard = z.infer<typeof MaskedCard>;

export const IdCardEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('present') }),
  z.object({ type: z.literal('read'), card: MaskedCard }),
  z.object({ type: z.literal('removed') }),
  z.object({
    type: z.literal('failed'),
    code: z.enum(['readFailed', 'unrecognisedCard', 'invalidCardData', 'readerError']),
  }),
]);
export type IdCardEvent = z.infer<typeof IdCardEvent>;

export const RatingLevel = z.number().int().min(1).max(5);
export const KeypadPress = z.object({
  /** 5 非常满意 … 1 非常不满意; null for a key with no level in the configured map. */
  level: RatingLevel.nullable(),
  /** The key as the device reported it, e.g. "report:01" or "usage:0x1e", for the key test. */
  key: z.string().max(40),
});
export type KeypadPress = z.infer<typeof KeypadPress>;

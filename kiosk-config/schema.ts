import { z } from 'zod';
import { Station } from './station';

/**
 * Everything a station's kiosk is configured with. Unknown keys are rejected so a typo
 * (`"prnter"`) stops start-up with a message instead of being silently ignored.
 */

const Port = z.number().int().min(0).max(65535);
const BaudRate = z.literal([9600, 19200, 38400, 57600, 115200]);

/**
 * A serial device path: /dev/bianmin/idcard or /dev/bianmin/scanner (the stable names of
 * packaging/udev/), /dev/serial/by-id/* (stable across replugs), /dev/tty*.
 */
const SerialPath = z.string().regex(/^\/dev\/[A-Za-z0-9/_.:-]+$/, 'a device path under /dev, e.g. /dev/serial/by-id/…');

/**
 * A USB printer-class node: /dev/usb/lp* as usblp names it, or the stable name the station's udev
 * rules give a known printer (packaging/udev/70-bianmin-kiosk.rules), which survives a replug into
 * another socket and a second printer-class device.
 */
const UsbPrinterPath = z
  .string()
  .regex(
    /^\/dev\/(?:usb\/lp[0-9]+|bianmin\/printer)$/,
    'a USB printer-class device, e.g. /dev/bianmin/printer or /dev/usb/lp0',
  );

/**
 * Emulated devices speak the real bytes over a socat PTY pair (`pty`, the default: the real
 * serialport binding on both ends) or an in-memory pair (`memory`, when socat is not installed).
 */
const Emulated = z
  .object({
    mode: z.literal('emulated'),
    link: z.enum(['pty', 'memory']).default('pty'),
  })
  .strict();

const RatingLevel = z.number().int().min(1).max(5);
const HexByte = z.string().regex(/^0x[0-9a-fA-F]{2}$/, 'a byte written as 0x00 … 0xff');

/**
 * How a button-type 评价器 reports a press. No public protocol exists (docs/devices/keypad.md
 * §2), so both maps are configuration: take the values from the vendor document.
 */
const HidKeypad = z
  .object({
    mode: z.literal('real'),
    link: z.literal('hid'),
    vendorId: z.number().int().min(0).max(0xffff),
    productId: z.number().int().min(0).max(0xffff),
    /**
     * The byte of the input report that carries the key, counted as hidapi delivers the report: a
     * keypad with numbered reports puts the report id in byte 0, so its key is usually byte 1.
     */
    reportByte: z.number().int().min(0).max(63).default(0),
    /** Report byte value → 好差评 level (5 非常满意 … 1 非常不满意). */
    levels: z.record(HexByte, RatingLevel).default({ '0x01': 5, '0x02': 4, '0x03': 3, '0x04': 2, '0x05': 1 }),
  })
  .strict();

/**
 * A keypad that types keys (USB HID boot keyboard, docs/devices/keypad.md §3). Read through
 * hidraw by VID/PID, which Linux allows while the kernel keeps driving the keyboard, so its keys
 * are counted as ratings even when no rating screen has focus.
 */
const WedgeKeypad = z
  .object({
    mode: z.literal('real'),
    link: z.literal('keyboardWedge'),
    vendorId: z.number().int().min(0).max(0xffff),
    productId: z.number().int().min(0).max(0xffff),
    /** Key name (1…9, 0, KP1…KP9, KP0, F1…F12, A…Z, Enter) → level. */
    levels: z
      .record(z.string().regex(/^(?:[0-9A-Z]|KP[0-9]|F(?:[1-9]|1[0-2])|Enter)$/), RatingLevel)
      .default({ '5': 5, '4': 4, '3': 3, '2': 2, '1': 1 }),
  })
  .strict();

const UsbId = z.number().int().min(0).max(0xffff);
/** A scanner's read ends after this much silence, suffix or not (drivers/scanner/serial-framing.ts). */
const InterCharacterTimeoutMs = z.number().int().min(20).max(1000).default(100);
/** Longer reads are refused as noise; our own codes are under 100 bytes, licence codes a few hundred. */
const MaxScanBytes = z.number().int().min(64).max(8192).default(2048);
const ScanEncoding = z.enum(['utf-8', 'gbk']).default('utf-8');

/**
 * The QR/barcode scanner (扫码器), drivers/scanner. Optional: a station without one leaves it out,
 * and then no screen offers scanning.
 */
const QrScannerConfig = z.union([
  Emulated.extend({
    /** Which kind of scanner the emulator is: bytes over the PTY pair, or HID reports in memory. */
    interface: z.enum(['serial', 'hidPos', 'keyboardWedge']).default('serial'),
  }).strict(),
  /**
   * USB CDC-ACM (/dev/ttyACM*, best by /dev/serial/by-id/…) or RS-232. Suffix, prefix and encoding
   * must match what the scanner was set to with its configuration barcodes.
   */
  z
    .object({
      mode: z.literal('real'),
      link: z.literal('serial'),
      path: SerialPath,
      /** Ignored by CDC-ACM; RS-232 scanners ship at 9600. */
      baudRate: BaudRate.default(9600),
      suffix: z.enum(['CR', 'CRLF', 'LF', 'TAB', 'none']).default('CR'),
      prefix: z.string().max(8).default(''),
      encoding: ScanEncoding,
      interCharacterTimeoutMs: InterCharacterTimeoutMs,
      maxBytes: MaxScanBytes,
    })
    .strict(),
  /** HID POS mode (USB HID Point of Sale, Bar Code Scanner page 0x8C), read over hidraw. */
  z
    .object({
      mode: z.literal('real'),
      link: z.literal('hidPos'),
      vendorId: UsbId,
      productId: UsbId,
      serialNumber: z.string().min(1).max(120).optional(),
      encoding: ScanEncoding,
      maxBytes: MaxScanBytes,
    })
    .strict(),
  /**
   * A scanner that types (boot keyboard reports), read over hidraw by VID/PID; ASCII codes only.
   * Its keystrokes also reach the screen unless X is told to ignore it (kiosk-config/README.md).
   */
  z
    .object({
      mode: z.literal('real'),
      link: z.literal('keyboardWedge'),
      vendorId: UsbId,
      productId: UsbId,
      serialNumber: z.string().min(1).max(120).optional(),
      terminator: z.enum(['Enter', 'Tab', 'none']).default('Enter'),
      interCharacterTimeoutMs: InterCharacterTimeoutMs,
      maxBytes: MaxScanBytes,
    })
    .strict(),
]);

/**
 * A device the page opens through getUserMedia for 视频帮办 (the face camera, the microphone).
 * Emulated: Chromium's fake capture devices (a test pattern and a tone).
 */
const MediaDeviceConfig = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('emulated') }).strict(),
  z
    .object({
      mode: z.literal('real'),
      deviceLabel: z
        .string()
        .trim()
        .min(1)
        .max(120)
        .optional()
        .describe('pick the device whose label contains this; left out: the first one'),
    })
    .strict(),
]);

/** An estimate for the 巡检单 ("about N receipts left"); an 80 mm × 80 m roll holds about 400. */
const receiptsPerPaperRoll = z.number().int().min(50).max(5000).default(400);

export const DevicesConfig = z
  .object({
    idCardReader: z.discriminatedUnion('mode', [
      Emulated.extend({ pollIntervalMs: z.number().int().min(100).max(2000).default(300) }).strict(),
      z
        .object({
          mode: z.literal('real'),
          path: SerialPath,
          baudRate: BaudRate.default(115200),
          /** How often to ask a reader that does not answer; one that answers is asked again after a short gap (docs/devices/id-card.md §11). */
          pollIntervalMs: z.number().int().min(100).max(2000).default(300),
        })
        .strict(),
    ]),
    printer: z.discriminatedUnion('mode', [
      Emulated.extend({ paperWidthMm: z.literal([58, 80]).default(80), receiptsPerPaperRoll }).strict(),
      z
        .object({
          mode: z.literal('real'),
          connection: z.discriminatedUnion('link', [
            z.object({ link: z.literal('serial'), path: SerialPath, baudRate: BaudRate.default(115200) }).strict(),
            z
              .object({
                link: z.literal('usb'),
                path: UsbPrinterPath,
              })
              .strict(),
            z.object({ link: z.literal('tcp'), host: z.string().min(1), port: Port.default(9100) }).strict(),
          ]),
          /** GB18030 on most Chinese firmware; some models are GBK-only (docs/devices/printer.md §3). */
          encoding: z.enum(['gb18030', 'gbk']).default('gb18030'),
          paperWidthMm: z.literal([58, 80]).default(80),
          /** Status dialect: Epson-style DLE EOT 1–4 (SNBC, Epson, most Chinese kiosk printers). */
          statusModel: z.enum(['escpos']).default('escpos'),
          receiptsPerPaperRoll,
        })
        .strict(),
    ]),
    evaluationKeypad: z.union([Emulated, HidKeypad, WedgeKeypad]),
    documentCamera: z.discriminatedUnion('mode', [
      Emulated,
      z.object({ mode: z.literal('real'), deviceLabel: z.string().min(1).optional() }).strict(),
    ]),
    qrScanner: QrScannerConfig.optional().describe('the QR/barcode scanner; left out: the station has none'),
    faceCamera: MediaDeviceConfig.optional().describe(
      '视频帮办: the camera facing the resident; left out: the station has none and offers no video help',
    ),
    microphone: MediaDeviceConfig.optional().describe(
      '视频帮办: the microphone; left out: the station has none and offers no video help',
    ),
  })
  .strict();

/**
 * 远程视频帮办 (docs/video-help.md). Offered only where this is enabled, a face camera and a
 * microphone are configured and working, and the platform runs video help with an agent on duty.
 */
export const VideoHelpConfig = z
  .object({
    enabled: z.boolean().describe('offer 视频帮办 in 帮办求助 when the devices and the platform allow it'),
  })
  .strict();

/**
 * Technician (巡检) access: the PIN is stored only as a scrypt hash (`npm run hash-pin -- <pin>`),
 * so a copied config file does not give the PIN away. The hash records the PIN's length
 * (`pin$6$scrypt$…`); a production build refuses the sample PIN, a hash without a length (the
 * older `scrypt$…` format) and PINs under 6 digits (core/app/deployment-rules.ts).
 */
export const TechnicianConfig = z
  .object({
    pinHash: z
      .string()
      .regex(
        /^(pin\$[0-9]{1,2}\$)?scrypt\$[0-9]+\$[0-9]+\$[0-9]+\$[A-Za-z0-9_-]{16,}\$[A-Za-z0-9_-]{32,}$/,
        'a hash from `npm run hash-pin -- <pin>`: pin$digits$scrypt$N$r$p$salt$hash',
      ),
    /**
     * Five wrong PINs refuse entry for this long; each further five (without a right PIN between)
     * double it, up to lockoutMaxMinutes.
     */
    lockoutMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    lockoutMaxMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .default(24 * 60),
    /** A technician session ends after this long without a call. */
    sessionIdleMinutes: z.number().int().min(1).max(120).default(15),
    /** … and after this long in any case, busy or not. */
    sessionMaxMinutes: z
      .number()
      .int()
      .min(15)
      .max(12 * 60)
      .default(4 * 60),
  })
  .strict();

export const PlatformConfig = z.discriminatedUnion('mode', [
  z
    .object({
      mode: z.literal('embedded').describe('run the reference platform inside the kiosk process'),
      port: Port.default(0).describe('0 picks a free port'),
      dataKeyFile: z
        .string()
        .min(1)
        .optional()
        .describe(
          "the embedded platform's own data key (it seals the platform's records); relative to the config file; default: platform-data-key beside data.keyFile",
        ),
      retention: z
        .object({
          idempotencyDays: z.number().int().positive().optional(),
          applicationDays: z.number().int().positive().optional(),
          serviceRecordDays: z.number().int().positive().optional(),
        })
        .strict()
        .optional()
        .describe('how long the embedded platform keeps its records (platform/README.md: defaults and minimums)'),
    })
    .strict(),
  z
    .object({
      mode: z.literal('remote'),
      baseUrl: z
        .url({ protocol: /^https?$/ })
        .describe(
          'https, e.g. https://platform.example.gov.cn/api/v1 (http only to loopback, on a development checkout)',
        ),
      tokenFile: z
        .string()
        .min(1)
        .describe(
          "file holding this terminal's bearer token, readable by no one else (chmod 600); relative to the config file",
        ),
      timeoutMs: z.number().int().min(500).max(120_000).default(10_000),
    })
    .strict(),
]);

/**
 * Voice mode (语音播报, 长辈版): the offline speech engine. espeak-ng is Debian's `espeak-ng` package;
 * `none` switches speech off (the screens then offer no voice). Stations configured before speech
 * existed get espeak-ng.
 */
export const SpeechConfig = z
  .object({
    engine: z.enum(['espeak-ng', 'none']).default('espeak-ng'),
    espeakPath: z
      .string()
      .regex(/^\/[^\0]*$/, 'an absolute path to the espeak-ng program, e.g. /usr/bin/espeak-ng')
      .optional()
      .describe('the espeak-ng program; /usr/bin/espeak-ng when left out'),
    prepareAtStart: z
      .boolean()
      .default(true)
      .describe(
        'synthesise every fixed prompt into the disk cache at start, so the first word of a screen comes at once',
      ),
  })
  .strict();

/**
 * How long the kiosk keeps what it must not keep for ever (GB/T 35273 §6.1: the shortest time the
 * purpose needs). Records of a resident's visit serve the delivery to the platform; once the
 * platform confirmed it, the platform holds the case and the kiosk's copy only answers "cases
 * saved here" and reprints for a while. Undelivered and refused (dead-letter) items are kept
 * whatever these say, until delivered or until staff act on them.
 */
export const DEFAULT_RETENTION = { deliveredDays: 30, printerOutputDays: 1, logDays: 14 } as const;

export const RetentionConfig = z
  .object({
    deliveredDays: z
      .number()
      .int()
      .min(0)
      .max(3650)
      .default(DEFAULT_RETENTION.deliveredDays)
      .describe(
        'days after the platform confirmed delivery before an application (with its scans), rating or help request ' +
          'and its outbox row are deleted from the kiosk; 0 = at the next daily purge',
      ),
    printerOutputDays: z
      .number()
      .int()
      .min(0)
      .max(365)
      .default(DEFAULT_RETENTION.printerOutputDays)
      .describe("days the emulated printer's receipt files (text and PNG) are kept"),
    logDays: z
      .number()
      .int()
      .min(1)
      .max(365)
      .default(DEFAULT_RETENTION.logDays)
      .describe('days the log files are kept'),
  })
  .strict();

/**
 * Fleet reporting (docs/fleet.md): the heartbeat to the platform, the event catalogue and the
 * daily automatic self-inspection. Configs written before it get the defaults.
 */
export const DEFAULT_FLEET = { enabled: true, heartbeatSeconds: 60, selfInspectionAt: '06:30' } as const;

export const FleetConfig = z
  .object({
    enabled: z
      .boolean()
      .default(DEFAULT_FLEET.enabled)
      .describe('send heartbeats, events and the daily self-inspection to the platform'),
    heartbeatSeconds: z
      .number()
      .int()
      .min(10)
      .max(3600)
      .default(DEFAULT_FLEET.heartbeatSeconds)
      .describe("seconds between heartbeats (±20 % jitter) until the platform's answer sets another"),
    selfInspectionAt: z
      .string()
      .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'HH:MM, 00:00 to 23:59')
      .default(DEFAULT_FLEET.selfInspectionAt)
      .describe(
        'China time of the daily automatic self-inspection (postponed 10 minutes while a resident is at the kiosk)',
      ),
  })
  .strict();

export const KioskConfig = z
  .object({
    station: Station,
    terminal: z
      .object({
        id: z.string().regex(/^[A-Za-z0-9-]{3,64}$/, 'letters, digits and hyphens, 3 to 64 long'),
        name: z.string().trim().min(1).max(40),
        /** Used by the embedded platform only, to register this terminal with a known token. */
        embeddedToken: z
          .string()
          .regex(/^[A-Za-z0-9._~+/-]{16,512}=*$/, 'a bearer token (RFC 6750 token68) of 16 to 512 characters')
          .optional(),
      })
      .strict(),
    platform: PlatformConfig,
    devices: DevicesConfig,
    technician: TechnicianConfig.optional().describe('without it, technician mode cannot be entered'),
    ui: z
      .object({
        defaultLocale: z.enum(['zh-CN', 'en']).default('zh-CN'),
        orientation: z.enum(['auto', 'portrait', 'landscape']).default('auto'),
        attractAfterIdleSeconds: z.number().int().min(15).max(3600).default(120),
      })
      .strict(),
    catalog: z
      .object({
        syncIntervalMinutes: z.number().int().min(1).max(1440).default(15),
        staleAfterHours: z
          .number()
          .int()
          .min(1)
          .max(24 * 60)
          .default(72),
      })
      .strict(),
    host: z
      .object({
        port: Port.default(0).describe('browser host port on 127.0.0.1; 0 picks a free one'),
      })
      .strict(),
    data: z
      .object({
        dir: z.string().min(1).describe('where the store and logs live; relative to the config file'),
        keyFile: z
          .string()
          .min(1)
          .optional()
          .describe(
            'the data key (seals personal data at rest), outside data.dir; relative to the config file. ' +
              'Left out: .kiosk-keys/data-key beside the data folder',
          ),
      })
      .strict(),
    retention: RetentionConfig.default(DEFAULT_RETENTION),
    logging: z
      .object({
        level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
      })
      .strict(),
    speech: SpeechConfig.default({ engine: 'espeak-ng', prepareAtStart: true }),
    fleet: FleetConfig.default(DEFAULT_FLEET),
    videoHelp: VideoHelpConfig.optional().describe('远程视频帮办; left out: not offered'),
  })
  .strict();

export type KioskConfig = z.infer<typeof KioskConfig>;
export type DevicesConfig = z.infer<typeof DevicesConfig>;
export type QrScannerConfig = z.infer<typeof QrScannerConfig>;
export type PlatformConfig = z.infer<typeof PlatformConfig>;
export type TechnicianConfig = z.infer<typeof TechnicianConfig>;
export type SpeechConfig = z.infer<typeof SpeechConfig>;
export type RetentionConfig = z.infer<typeof RetentionConfig>;
export type FleetConfig = z.infer<typeof FleetConfig>;
export type VideoHelpConfig = z.infer<typeof VideoHelpConfig>;
export type MediaDeviceConfig = z.infer<typeof MediaDeviceConfig>;

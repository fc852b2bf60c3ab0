import { z } from 'zod';
import { Station } from './station';

/**
 * Everything a station's kiosk is configured with. Unknown keys are rejected so a typo
 * (`"prnter"`) stops start-up with a message instead of being silently ignored.
 */

const Port = z.number().int().min(0).max(65535);
const BaudRate = z.literal([9600, 19200, 38400, 57600, 115200]);

/** A serial device path: /dev/tty*, /dev/serial/by-id/* (preferred: stable across replugs). */
const SerialPath = z.string().regex(/^\/dev\/[A-Za-z0-9/_.:-]+$/, 'a device path under /dev, e.g. /dev/serial/by-id/…');

const Emulated = z.object({ mode: z.literal('emulated') }).strict();

export const DevicesConfig = z
  .object({
    idCardReader: z.discriminatedUnion('mode', [
      Emulated,
      z.object({ mode: z.literal('real'), path: SerialPath, baudRate: BaudRate.default(115200) }).strict(),
    ]),
    printer: z.discriminatedUnion('mode', [
      Emulated,
      z
        .object({
          mode: z.literal('real'),
          connection: z.discriminatedUnion('link', [
            z.object({ link: z.literal('serial'), path: SerialPath, baudRate: BaudRate.default(115200) }).strict(),
            z
              .object({
                link: z.literal('usb'),
                path: z.string().regex(/^\/dev\/usb\/lp[0-9]+$/, 'a USB printer-class device, e.g. /dev/usb/lp0'),
              })
              .strict(),
            z.object({ link: z.literal('tcp'), host: z.string().min(1), port: Port.default(9100) }).strict(),
          ]),
        })
        .strict(),
    ]),
    evaluationKeypad: z.discriminatedUnion('mode', [
      Emulated,
      z
        .object({
          mode: z.literal('real'),
          link: z.enum(['hid', 'keyboardWedge']),
          vendorId: z.number().int().min(0).max(0xffff).optional(),
          productId: z.number().int().min(0).max(0xffff).optional(),
        })
        .strict(),
    ]),
    documentCamera: z.discriminatedUnion('mode', [
      Emulated,
      z.object({ mode: z.literal('real'), deviceLabel: z.string().min(1).optional() }).strict(),
    ]),
  })
  .strict();

export const PlatformConfig = z.discriminatedUnion('mode', [
  z
    .object({
      mode: z.literal('embedded').describe('run the reference platform inside the kiosk process'),
      port: Port.default(0).describe('0 picks a free port'),
    })
    .strict(),
  z
    .object({
      mode: z.literal('remote'),
      baseUrl: z.url({ protocol: /^https?$/ }).describe('e.g. https://platform.example.gov.cn/api/v1'),
      tokenFile: z.string().min(1).describe("file holding this terminal's bearer token; relative to the config file"),
      timeoutMs: z.number().int().min(500).max(120_000).default(10_000),
    })
    .strict(),
]);

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
      })
      .strict(),
    logging: z
      .object({
        level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
      })
      .strict(),
  })
  .strict();

export type KioskConfig = z.infer<typeof KioskConfig>;
export type DevicesConfig = z.infer<typeof DevicesConfig>;
export type PlatformConfig = z.infer<typeof PlatformConfig>;

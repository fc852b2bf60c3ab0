import { z } from 'zod';

/**
 * Whether the kiosk serves residents, as the screens need it. Out of service is set by the county
 * console's remote command (core/fleet/commands/out-of-service.ts) and lasts until staff end it,
 * across restarts. The renderer asks once (`kiosk.serviceState`) and follows `service.changed`.
 */
export const ServiceState = z.discriminatedUnion('state', [
  z.object({ state: z.literal('inService') }),
  z.object({
    state: z.literal('outOfService'),
    /** Written by staff for residents (platform/contract/fleet.ts RemoteCommandRequest). */
    message: z.string().min(1).max(120),
    since: z.iso.datetime({ offset: true }),
  }),
]);
export type ServiceState = z.infer<typeof ServiceState>;

/** The page's own capture of the attract screen, for the remote screenshot command. */
export const ScreenshotRequest = z.object({ requestId: z.string().regex(/^[0-9a-f]{16,32}$/) });
export type ScreenshotRequest = z.infer<typeof ScreenshotRequest>;

/** 8 MB of PNG as base64 is far above a 1920×1080 attract screen (a few hundred kB). */
export const MAX_SCREENSHOT_BASE64 = 8 * 1024 * 1024;

export const ScreenshotAnswer = z.discriminatedUnion('outcome', [
  z.object({
    requestId: ScreenshotRequest.shape.requestId,
    outcome: z.literal('captured'),
    pngBase64: z
      .string()
      .max(MAX_SCREENSHOT_BASE64)
      .regex(/^[A-Za-z0-9+/]+=*$/),
  }),
  z.object({
    requestId: ScreenshotRequest.shape.requestId,
    outcome: z.enum(['notAttract', 'captureFailed']),
  }),
]);
export type ScreenshotAnswer = z.infer<typeof ScreenshotAnswer>;

import { z } from 'zod';

/**
 * What the page tells its host about itself. The kiosk service feeds systemd's watchdog only while
 * the page keeps saying it is alive (core/app/service-manager/liveness-gate.ts); the report is
 * sent from the page's main thread, so a page whose main thread is stuck stops sending it.
 */

/** How often the page reports alive. The service allows several missed reports before it gives up. */
export const HOST_ALIVE_EVERY_MS = 5_000;

export const HostAliveInput = z.object({}).strict();
export const HostAliveOutput = z.object({}).strict();

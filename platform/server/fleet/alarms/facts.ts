import { z } from 'zod';

/**
 * What the engine is told. A heartbeat's health summary is the engine's own shape, not the
 * contract's Heartbeat: the wiring maps one to the other, so the alarm rules do not change when the
 * heartbeat gains fields. Every amount says its unit; ages are measured by the kiosk.
 */

export const DeviceHealth = z
  .object({
    device: z.string().min(1).max(40),
    status: z.string().min(1).max(40),
    /** The device manager's recommended action: clear = station staff can fix it, maintenance = an engineer. */
    action: z.enum(['none', 'clear', 'maintenance']),
  })
  .strict();
export type DeviceHealth = z.infer<typeof DeviceHealth>;

export const HealthSummary = z
  .object({
    devices: z.array(DeviceHealth),
    /** The paper forecast; null when the kiosk cannot tell (no printer, no print rate yet). */
    paperDaysLeft: z.number().min(0).nullable(),
    outbox: z
      .object({
        depth: z.number().int().min(0),
        /** Age of the oldest undelivered item; null when the outbox is empty. */
        oldestAgeSeconds: z.number().min(0).nullable(),
      })
      .strict(),
    /** Since the kiosk last confirmed its catalog is current; null before its first catalog. */
    catalogAgeSeconds: z.number().min(0).nullable(),
  })
  .strict();
export type HealthSummary = z.infer<typeof HealthSummary>;

export const KioskId = z.string().min(1).max(64);

export const Fact = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('heartbeat'),
      kioskId: KioskId,
      /** The kiosk's own heartbeat interval; the configured default when absent. */
      intervalSeconds: z.number().int().min(5).max(3600).optional(),
      health: HealthSummary,
    })
    .strict(),
  /** No heartbeat: look at every kiosk's silence (and flapping alarms' stillness) at `now`. */
  z.object({ kind: z.literal('tick') }).strict(),
]);
export type Fact = z.infer<typeof Fact>;
export type HeartbeatFact = Extract<Fact, { kind: 'heartbeat' }>;

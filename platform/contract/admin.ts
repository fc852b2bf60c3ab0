import { z } from 'zod';

/**
 * The reference platform's admin surface: fault injection for tests (`/_admin/faults`). Real
 * provincial platforms do not implement it; it lives outside `/api/v1` and has its own token.
 */

const Rate = z.number().min(0).max(1);

export const FaultSettings = z
  .object({
    latencyMs: z.number().int().min(0).max(120_000).describe('added to every API request'),
    latencyJitterMs: z.number().int().min(0).max(120_000).describe('plus a uniform random 0..jitter'),
    errorRate: Rate.describe('share of API requests answered 503 with Retry-After before any processing'),
    retryAfterSeconds: z.number().int().min(0).max(3600).describe('Retry-After of injected 503s'),
    outage: z.boolean().describe('destroy every API connection without a response, like a dead network'),
    dropAfterCommitRate: Rate.describe('share of API requests whose socket is destroyed after the handler committed'),
  })
  .meta({ id: 'FaultSettings', description: 'Faults the reference platform injects into /api/v1 traffic.' });
export type FaultSettings = z.infer<typeof FaultSettings>;

export const FaultSettingsPatch = FaultSettings.partial()
  .extend({
    seed: z.number().int().min(0).max(0xffffffff).optional().describe('reseed the random generator'),
    reset: z.boolean().optional().describe('turn every fault off (applied before the other fields)'),
  })
  .meta({ id: 'FaultSettingsPatch', description: 'Change some fault settings; omitted fields keep their value.' });
export type FaultSettingsPatch = z.infer<typeof FaultSettingsPatch>;

export const FaultCounters = z
  .object({
    delayed: z.number().int().min(0),
    failed: z.number().int().min(0),
    refused: z.number().int().min(0).describe('connections destroyed by the outage'),
    dropped: z.number().int().min(0).describe('responses dropped after commit'),
  })
  .meta({ id: 'FaultCounters', description: 'How many faults were injected since the last reset.' });
export type FaultCounters = z.infer<typeof FaultCounters>;

export const FaultState = z
  .object({
    settings: FaultSettings,
    seed: z.number().int().min(0).max(0xffffffff),
    counters: FaultCounters,
  })
  .meta({ id: 'FaultState', description: 'Current fault settings and counters.' });
export type FaultState = z.infer<typeof FaultState>;

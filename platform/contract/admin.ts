import { z } from 'zod';
import { IdentityEvidence } from './applications';

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

/**
 * `GET /_admin/records`: what the platform stored from kiosks, for fault-injection tests that
 * prove exactly-once delivery and oldest-first order, and for staff checking who applied: people
 * appear masked (王*兰, 3707**********0035) with how the kiosk identified them, nothing more.
 * `arrival` is one counter across every kind, so tests can compare the order of different kinds
 * (an application must arrive before its rating). `rows` counts the stored rows that share the
 * entry's natural key; anything above 1 is a duplicate.
 */
const Arrival = {
  arrival: z.number().int().min(1).describe('arrival order across every kind of record'),
  receivedAt: z.iso.datetime({ offset: true }),
  terminalId: z.string().min(1).max(64),
  rows: z.number().int().min(1).describe('rows stored under the same natural key; 1 means exactly once'),
};

/** What staff see of a person in a listing: masked, never a full name or number. */
export const MaskedPerson = z
  .object({
    name: z.string().min(1).max(64).describe('masked, e.g. 王*兰'),
    idNumber: z.string().min(1).max(18).describe('masked, e.g. 3707**********0035'),
  })
  .meta({ id: 'MaskedPerson', description: 'A person as listings show them: masked name and identity number.' });

export const IdentityOnRecord = z
  .union([IdentityEvidence, z.literal('notStated')])
  .describe('IdentityEvidence, or notStated when the kiosk did not say (an older kiosk build): not verified');

export const StoredApplicationRecord = z
  .object({
    ...Arrival,
    localRef: z.uuid(),
    caseNo: z.string().min(1).max(40),
    applicant: MaskedPerson,
    agent: MaskedPerson.nullable(),
    identity: z.object({ applicant: IdentityOnRecord, agent: IdentityOnRecord.nullable() }),
    identityCheckNeeded: z
      .boolean()
      .describe('true when the applicant or agent was not verified by the ID card chip: check the ID document at 受理'),
    licencesToVerify: z
      .array(z.string().min(1).max(128))
      .describe('materials given as a 亮证码 (electronic licence) rather than a copy: verify them before 受理'),
  })
  .meta({ id: 'StoredApplicationRecord', description: 'An application, keyed by (terminalId, localRef).' });

export const StoredTicketRecord = z
  .object({
    ...Arrival,
    ticketId: z.string().min(1).max(64),
    source: z.enum(['online', 'offlineRange']),
    rangeId: z.string().min(1).max(64).nullable(),
    stationId: z.string().min(1).max(64),
    serviceCode: z.string().min(1).max(32),
    date: z.iso.date(),
    number: z.number().int().min(1).max(999),
    ticketNo: z.string().min(1).max(8),
  })
  .meta({ id: 'StoredTicketRecord', description: 'A ticket, keyed by (stationId, serviceCode, date, number).' });

export const StoredRatingRecord = z
  .object({
    ...Arrival,
    ratingId: z.string().min(1).max(64),
    subjectKind: z.enum(['application', 'ticket', 'appointment', 'progressQuery', 'assistance']),
    subjectRef: z.string().min(1).max(64).describe('as stored (a localRef resolved to its 办件编号)'),
    submittedRef: z.string().min(1).max(64).describe('as the kiosk sent it'),
    workOrderNo: z.string().min(1).max(64).nullable(),
  })
  .meta({ id: 'StoredRatingRecord', description: 'A rating, keyed by (subjectKind, subjectRef).' });

export const StoredAssistanceRecord = z
  .object({
    ...Arrival,
    requestId: z.string().min(1).max(64),
    kind: z.enum(['callback', 'homeVisit', 'agentAtStation']),
    requestedAt: z.iso.datetime({ offset: true }),
  })
  .meta({
    id: 'StoredAssistanceRecord',
    description: "An assistance request, keyed by (terminalId, kind, requestedAt): the kiosk's own timestamp.",
  });

export const StoredRecords = z
  .object({
    applications: z.array(StoredApplicationRecord),
    tickets: z.array(StoredTicketRecord),
    ratings: z.array(StoredRatingRecord),
    assistanceRequests: z.array(StoredAssistanceRecord),
  })
  .meta({ id: 'StoredRecords', description: 'Everything kiosks delivered, each list in arrival order.' });
export type StoredRecords = z.infer<typeof StoredRecords>;

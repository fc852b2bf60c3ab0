import { z } from 'zod';
import {
  AssistanceContactChannel,
  AssistanceContactOutcome,
  AssistanceKind,
  AssistanceRequestId,
  AssistanceStatus,
} from '../assistance';
import { CaseNo, IsoDate, IsoDateTime, MatterRef, StationId } from '../common';

/**
 * The help-request inbox (帮办代办) as station staff see it. Unlike the kiosk's view of a
 * request, staff see the requester's name, phone and address: they need them to call or visit.
 */

/** `open`: received, assigned or in progress (the default); otherwise one status. */
export const HelpInboxStatus = z.enum(['open', ...AssistanceStatus.options]);
export type HelpInboxStatus = z.infer<typeof HelpInboxStatus>;

export const HelpInboxQuery = z.strictObject({
  status: HelpInboxStatus.optional(),
  kind: AssistanceKind.optional(),
  overdue: z.enum(['true', 'false']).optional().describe('only the overdue ones (true) or only those on time (false)'),
  station: StationId.optional().describe('one station within the user’s scope'),
});
export type HelpInboxQuery = z.infer<typeof HelpInboxQuery>;

export const HelpContactSummary = z.strictObject({ at: IsoDateTime, outcome: AssistanceContactOutcome });

export const HelpInboxItem = z
  .strictObject({
    requestId: AssistanceRequestId,
    stationId: StationId,
    stationName: z.string().min(1).max(128),
    kind: AssistanceKind,
    status: AssistanceStatus,
    matter: MatterRef.nullable(),
    requesterName: z.string().max(64).nullable().describe('as the request has it; null when not given'),
    receivedAt: IsoDateTime,
    waitedMinutes: z.number().int().min(0).describe('since it arrived, up to completion or cancellation'),
    contactDueAt: IsoDateTime.describe("first contact at the latest, by the station's settings"),
    overdue: z.boolean().describe('not yet contacted and past contactDueAt'),
    assigneeName: z.string().max(40).nullable(),
    contactCount: z.number().int().min(0),
    lastContact: HelpContactSummary.nullable(),
  })
  .meta({ id: 'HelpInboxItem', description: 'One help request in the inbox.' });
export type HelpInboxItem = z.infer<typeof HelpInboxItem>;

export const HelpInbox = z
  .strictObject({
    generatedAt: IsoDateTime,
    requests: z.array(HelpInboxItem).describe('overdue first, then the longest waiting; closed ones newest first'),
    counts: z.strictObject({ open: z.number().int().min(0), overdue: z.number().int().min(0) }),
  })
  .meta({ id: 'HelpInbox', description: "The station's help requests the user may see." });
export type HelpInbox = z.infer<typeof HelpInbox>;

export const HelpContactView = z.strictObject({
  contactId: z.number().int().min(1),
  at: IsoDateTime,
  channel: AssistanceContactChannel,
  outcome: AssistanceContactOutcome,
  note: z.string().max(500).nullable(),
  staffName: z.string().max(32),
  recordedAt: IsoDateTime,
});
export type HelpContactView = z.infer<typeof HelpContactView>;

export const HelpHistoryEntry = z.strictObject({
  at: IsoDateTime,
  event: z.enum(['received', 'accepted', 'contacted', 'completed', 'cancelled']),
  detail: z.string().max(500).nullable(),
});
export type HelpHistoryEntry = z.infer<typeof HelpHistoryEntry>;

export const HelpRequestDetail = z
  .strictObject({
    request: HelpInboxItem,
    phone: z.string().max(20).nullable(),
    address: z.string().max(200).nullable().describe('for a home visit'),
    preferredTime: z.enum(['anytime', 'morning', 'afternoon', 'evening']).nullable(),
    preferredDate: IsoDate.nullable(),
    needs: z.array(z.string().max(32)),
    note: z.string().max(300).nullable().describe("the resident's own words"),
    caseNo: CaseNo.nullable(),
    signedInWithCard: z.boolean().describe('the resident can follow it at a kiosk'),
    contacts: z.array(HelpContactView),
    completionNote: z.string().max(500).nullable(),
    cancelReason: z.string().max(300).nullable(),
    history: z.array(HelpHistoryEntry),
  })
  .meta({ id: 'HelpRequestDetail', description: 'One help request with what staff need to act on it.' });
export type HelpRequestDetail = z.infer<typeof HelpRequestDetail>;

export const HelpRequestPathParams = z.strictObject({ requestId: AssistanceRequestId });

/** Take it yourself, or give it to a named agent (帮办员); the name is what the resident sees. */
export const HelpAssignment = z
  .discriminatedUnion('assignee', [
    z.strictObject({ assignee: z.literal('me') }),
    z.strictObject({ assignee: z.literal('agent'), agentName: z.string().trim().min(1).max(30) }),
  ])
  .meta({ id: 'HelpAssignment', description: 'Who handles a help request.' });
export type HelpAssignment = z.infer<typeof HelpAssignment>;

export const NewHelpContact = z
  .strictObject({
    at: IsoDateTime.optional().describe('when the contact happened; now when omitted'),
    channel: AssistanceContactChannel,
    outcome: AssistanceContactOutcome,
    note: z.string().trim().max(500).optional(),
  })
  .meta({ id: 'NewHelpContact', description: 'A contact with the resident and its outcome.' });
export type NewHelpContact = z.infer<typeof NewHelpContact>;

export const HelpCompletion = z
  .strictObject({ note: z.string().trim().min(1).max(500) })
  .meta({ id: 'HelpCompletion', description: 'What was done (办结说明).' });

export const HelpCancellation = z
  .strictObject({ reason: z.string().trim().min(1).max(300) })
  .meta({ id: 'HelpCancellation', description: 'Why the request is withdrawn.' });

import { z } from 'zod';
import {
  CaseNo,
  IdNumber,
  IdType,
  IsoDate,
  IsoDateTime,
  MatterRef,
  PersonName,
  PhoneNumber,
  StationId,
} from './common';

/**
 * 帮办代办: a one-tap request for help. A callback by phone, a home visit for residents who
 * cannot come (elderly, disabled), or an agent (帮办员) coming to the station now. The matter is
 * attached when the resident asked from a matter's page.
 */

/**
 * Who asked, when they signed in with the ID card (the chip read proves it): the platform keeps
 * only its keyed identity index, so that person, and nobody else, can follow the request at a
 * kiosk after signing in again. A typed number proves nothing and is not sent.
 */
export const AssistanceRequester = z
  .object({ idType: IdType, idNumber: IdNumber, evidence: z.literal('idCardChip') })
  .meta({ id: 'AssistanceRequester', description: 'The card-verified identity of the resident who asked.' });
export type AssistanceRequester = z.infer<typeof AssistanceRequester>;

const common = {
  stationId: StationId,
  requester: AssistanceRequester.optional().describe('absent when nobody signed in with the ID card'),
  requesterName: PersonName.optional().describe('how staff should address the resident; optional'),
  matter: MatterRef.nullable().describe('the matter the resident needs help with, when known'),
  caseNo: CaseNo.nullable().describe('an existing case the help is about, when known'),
  needs: z
    .array(z.enum(['elderly', 'disabled', 'illness', 'unfamiliarWithProcess', 'noSmartphone', 'other']))
    .max(6)
    .describe('why help is needed; used to route to 红管家 / 蓝管家 style helpers'),
  note: z.string().trim().max(300).optional(),
  requestedAt: IsoDateTime,
  offline: z.boolean().describe('true when created while the platform was unreachable'),
};

export const AssistanceKind = z
  .enum(['callback', 'homeVisit', 'agentAtStation', 'video'])
  .meta({ id: 'AssistanceKind', description: '电话回访, 上门服务, 帮办员到站, 视频帮办.' });
export type AssistanceKind = z.infer<typeof AssistanceKind>;

export const AssistanceRequest = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('callback'),
      ...common,
      phone: PhoneNumber,
      preferredTime: z.enum(['anytime', 'morning', 'afternoon', 'evening']),
    }),
    z.object({
      kind: z.literal('homeVisit'),
      ...common,
      phone: PhoneNumber,
      address: z.string().trim().min(4).max(200).describe('village, group and house, as the resident says it'),
      preferredDate: IsoDate.nullable(),
    }),
    z.object({
      kind: z.literal('agentAtStation'),
      ...common,
      phone: PhoneNumber.optional(),
    }),
    // 视频帮办: made by the platform itself when a kiosk joins the video queue (platform/contract/
    // video-help.ts), never posted by a kiosk. `topic` is video-help.ts's HelpTopic, spelled out
    // here because that file imports this one (a cycle would leave one of them undefined).
    z.object({
      kind: z.literal('video'),
      ...common,
      topic: z
        .string()
        .regex(/^(general|[a-z][a-zA-Z0-9]{1,39})$/, 'a theme id or "general"')
        .describe('what the call is about: a theme id, or general'),
    }),
  ])
  .meta({ id: 'AssistanceRequest', description: 'A request for assisted handling (帮办代办).' });
export type AssistanceRequest = z.infer<typeof AssistanceRequest>;

export const AssistanceStatus = z
  .enum(['received', 'assigned', 'inProgress', 'done', 'cancelled'])
  .meta({ id: 'AssistanceStatus', description: 'Where an assistance request is.' });
export type AssistanceStatus = z.infer<typeof AssistanceStatus>;

export const AssistanceRequestId = z.string().regex(/^AR-[0-9]{8}-[0-9]{4,}$/, 'AR-<yyyymmdd>-<sequence>');

export const AssistancePathParams = z.object({ requestId: AssistanceRequestId });

export const AssistanceContactChannel = z
  .enum(['phone', 'homeVisit', 'atStation', 'video', 'other'])
  .meta({ id: 'AssistanceContactChannel', description: '电话, 上门, 到站, 视频, 其他.' });
export type AssistanceContactChannel = z.infer<typeof AssistanceContactChannel>;

export const AssistanceContactOutcome = z
  .enum(['reached', 'noAnswer', 'rescheduled', 'resolved'])
  .meta({ id: 'AssistanceContactOutcome', description: '已联系上, 未接通, 已改约, 已解决.' });
export type AssistanceContactOutcome = z.infer<typeof AssistanceContactOutcome>;

/** A contact as the resident may see it: when, how and with what outcome; staff's note stays with staff. */
export const AssistanceContactOnRecord = z
  .object({ at: IsoDateTime, channel: AssistanceContactChannel, outcome: AssistanceContactOutcome })
  .meta({ id: 'AssistanceContactOnRecord', description: 'One contact with the resident, without the note.' });
export type AssistanceContactOnRecord = z.infer<typeof AssistanceContactOnRecord>;

export const AssistanceRequestState = z
  .object({
    requestId: AssistanceRequestId.describe('read out to the resident and printed on the slip'),
    kind: AssistanceKind,
    status: AssistanceStatus,
    receivedAt: IsoDateTime,
    updatedAt: IsoDateTime,
    expectedContactWithinHours: z
      .number()
      .int()
      .min(0)
      .describe("when staff will get in touch, at the latest (the station's own limit)"),
    // Optional: a platform from before staff worked requests answers without them, and a kiosk
    // must still take its answer to a request it delivered.
    matter: MatterRef.nullable().optional().describe('the matter the help is about, when known'),
    handlerName: z
      .string()
      .min(1)
      .max(40)
      .nullable()
      .optional()
      .describe('who handles it, as the resident should hear it (e.g. 王芳（帮办员）); null until accepted'),
    contacts: z.array(AssistanceContactOnRecord).optional().describe('every contact so far, oldest first'),
    completedAt: IsoDateTime.nullable().optional(),
  })
  .meta({ id: 'AssistanceRequestState', description: 'An assistance request as the platform holds it.' });
export type AssistanceRequestState = z.infer<typeof AssistanceRequestState>;

export const AssistanceSearch = z.object({ idType: IdType, idNumber: IdNumber }).meta({
  id: 'AssistanceSearch',
  description: 'Find the help requests of a card-verified person; a POST body, so the number never lands in a URL.',
});
export type AssistanceSearch = z.infer<typeof AssistanceSearch>;

export const AssistanceSearchResult = z
  .object({ requests: z.array(AssistanceRequestState) })
  .meta({ id: 'AssistanceSearchResult', description: "The person's help requests, newest first." });
export type AssistanceSearchResult = z.infer<typeof AssistanceSearchResult>;

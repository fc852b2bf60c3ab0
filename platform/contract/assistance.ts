import { z } from 'zod';
import { CaseNo, IsoDate, IsoDateTime, MatterRef, PersonName, PhoneNumber, StationId } from './common';

/**
 * 帮办代办: a one-tap request for help. A callback by phone, a home visit for residents who
 * cannot come (elderly, disabled), or an agent (帮办员) coming to the station now. The matter is
 * attached when the resident asked from a matter's page.
 */

const common = {
  stationId: StationId,
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
  .enum(['callback', 'homeVisit', 'agentAtStation'])
  .meta({ id: 'AssistanceKind', description: '电话回访, 上门服务, 帮办员到站.' });
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
  ])
  .meta({ id: 'AssistanceRequest', description: 'A request for assisted handling (帮办代办).' });
export type AssistanceRequest = z.infer<typeof AssistanceRequest>;

export const AssistanceStatus = z
  .enum(['received', 'assigned', 'inProgress', 'done', 'cancelled'])
  .meta({ id: 'AssistanceStatus', description: 'Where an assistance request is.' });
export type AssistanceStatus = z.infer<typeof AssistanceStatus>;

export const AssistanceRequestId = z.string().regex(/^AR-[0-9]{8}-[0-9]{4,}$/, 'AR-<yyyymmdd>-<sequence>');

export const AssistancePathParams = z.object({ requestId: AssistanceRequestId });

export const AssistanceRequestState = z
  .object({
    requestId: AssistanceRequestId.describe('read out to the resident and printed on the slip'),
    kind: AssistanceKind,
    status: AssistanceStatus,
    receivedAt: IsoDateTime,
    updatedAt: IsoDateTime,
    expectedContactWithinHours: z.number().int().min(0).describe('when staff will get in touch, at the latest'),
  })
  .meta({ id: 'AssistanceRequestState', description: 'An assistance request as the platform holds it.' });
export type AssistanceRequestState = z.infer<typeof AssistanceRequestState>;

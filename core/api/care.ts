import { z } from 'zod';
import { CaseProgress, CaseSummary } from '../../platform/contract/applications';
import { AssistanceRequest } from '../../platform/contract/assistance';
import { IsoDate, PhoneNumber } from '../../platform/contract/common';
import { RatingOptionSet } from '../../platform/contract/ratings';
import { ServicePointList } from '../../platform/contract/service-points';
import { CompletedService, ConfirmationId, DeliveryStatus, PrintResult, ServiceKindRated } from './resident';

/** Progress (办件进度), 好差评, help (帮办代办) and the service map, as the renderer drives them. */

/** An application confirmed here that the platform has not numbered yet. */
export const LocalPendingApplication = z.object({
  localRef: z.uuid(),
  matterName: z.string(),
  submittedAt: z.iso.datetime({ offset: true }),
});

export const MyCases = z.object({
  platform: z.enum(['reachable', 'unreachable']),
  cases: z.array(CaseSummary),
  pendingHere: z.array(LocalPendingApplication),
});
export type MyCases = z.infer<typeof MyCases>;

/**
 * A case as anyone holding its number may see it: where it is and what comes next, never who
 * applied or where the result is mailed. A receipt number is printed on paper that gets left
 * behind, so a lookup by number is status only (minimum necessary, docs/privacy.md).
 */
export const CaseStatus = CaseProgress.omit({ delivery: true }).extend({
  delivery: z.discriminatedUnion('method', [
    z.object({ method: z.literal('pickUp'), servicePointId: z.string() }),
    z.object({ method: z.literal('mail') }),
  ]),
});
export type CaseStatus = z.infer<typeof CaseStatus>;

export const CaseLookup = z.discriminatedUnion('found', [
  z.object({ found: z.literal('platform'), progress: CaseStatus }),
  z.object({ found: z.literal('pendingHere'), application: LocalPendingApplication }),
]);
export type CaseLookup = z.infer<typeof CaseLookup>;

export const RatingOptions = RatingOptionSet.and(z.object({ source: z.enum(['platform', 'cache']) }));

export const SubmitRatingInput = z
  .object({
    confirmationId: ConfirmationId,
    service: z.object({ kind: ServiceKindRated, ref: z.string().regex(/^[0-9A-Za-z-]{6,64}$/) }),
    level: z.number().int().min(1).max(5),
    optionsVersion: z.string(),
    optionCodes: z.array(z.string()).max(10),
    comment: z.string().trim().max(300).optional(),
    callbackPhone: PhoneNumber.optional(),
  })
  .strict();

export const RatingResult = z.object({
  status: DeliveryStatus,
  /** 差评 work order, once the platform answered. */
  workOrderNo: z.string().nullable(),
  followUpBy: IsoDate.nullable(),
});
export type RatingResult = z.infer<typeof RatingResult>;

/**
 * The help requests a resident leaves through `assistance.request`. Listed here rather than taken
 * from the platform's AssistanceKind, which also has 'video': a video call's help request is made
 * by the platform when the call is queued (platform/contract/video-help.ts), never sent as one.
 */
export const KioskAssistanceKind = z.enum(['callback', 'homeVisit', 'agentAtStation']);
export type KioskAssistanceKind = z.infer<typeof KioskAssistanceKind>;

/** The help request as the renderer sends it; core adds station, time, offline and the signed-in name. */
export const AssistanceRequestInput = z
  .object({
    confirmationId: ConfirmationId,
    kind: KioskAssistanceKind,
    phone: PhoneNumber.optional(),
    address: z.string().trim().min(4).max(200).optional(),
    preferredTime: z.enum(['anytime', 'morning', 'afternoon', 'evening']).optional(),
    preferredDate: IsoDate.nullable().optional(),
    needs: z.array(z.enum(['elderly', 'disabled', 'illness', 'unfamiliarWithProcess', 'noSmartphone', 'other'])).max(6),
    note: z.string().trim().max(300).optional(),
    matterCode: z.string().max(64).nullable(),
  })
  .strict();
export type AssistanceRequestInput = z.infer<typeof AssistanceRequestInput>;

export const AssistanceReceipt = z.object({
  status: DeliveryStatus,
  /** The platform's AR-… id once known; the local reference otherwise. */
  reference: z.string(),
  kind: KioskAssistanceKind,
  expectedContactWithinHours: z.number().int().min(0),
  /**
   * When staff next come on duty, if they are not now: the callback or visit starts then (the slip
   * says the day). Null while staff are on duty.
   */
  contactFrom: z.iso.datetime({ offset: true }).nullable(),
  print: PrintResult,
});
export type AssistanceReceipt = z.infer<typeof AssistanceReceipt>;

export const ServiceMap = ServicePointList.and(
  z.object({
    source: z.enum(['platform', 'cache']),
    /** The service point this kiosk stands at, when listed: the map's "you are here". */
    herePointId: z.string().nullable(),
  }),
);
export type ServiceMap = z.infer<typeof ServiceMap>;

export { AssistanceRequest, CompletedService };

import { z } from 'zod';
import { CatalogVersion } from './catalog';
import {
  Agent,
  Applicant,
  CaseNo,
  IdNumber,
  IdType,
  IsoDate,
  IsoDateTime,
  MatterRef,
  PersonName,
  PhoneNumber,
  PostalAddress,
  ServicePointId,
  StationId,
} from './common';
import { MaterialPage } from './materials';

/**
 * Self-service applications (自助申报) and their progress (办件进度). The kiosk submits once the
 * resident confirms; the platform answers with the 办件编号. Progress is looked up by case
 * number (in the path) or by identity number (in a POST body, never in a URL).
 */

const PickUpDelivery = z.object({
  method: z.literal('pickUp'),
  servicePointId: ServicePointId.describe('where the result is collected'),
});

/** 窗口自取 or 邮寄 (村级受理、证照邮寄送达). */
export const Delivery = z
  .discriminatedUnion('method', [
    PickUpDelivery,
    z.object({
      method: z.literal('mail'),
      recipient: PersonName,
      phone: PhoneNumber,
      address: PostalAddress,
    }),
  ])
  .meta({
    id: 'Delivery',
    description: 'How the resident receives the result: pick up at a service point or by mail.',
  });
export type Delivery = z.infer<typeof Delivery>;

/**
 * A mailed result as a case-progress answer shows it: enough for the resident to recognise
 * (王*兰, 138****0001, the county it goes to), nothing a terminal reading case numbers one after
 * another could collect. The full address stays with the platform.
 */
export const DeliveryOnRecord = z
  .discriminatedUnion('method', [
    PickUpDelivery,
    z.object({
      method: z.literal('mail'),
      recipient: z.string().min(1).max(64).describe('masked, e.g. 王*兰'),
      phone: z.string().min(1).max(20).describe('masked, e.g. 138****0001'),
      region: PostalAddress.pick({ regionCode: true, province: true, city: true, county: true }).describe(
        'the region it is mailed to; the street address is not repeated',
      ),
    }),
  ])
  .meta({
    id: 'DeliveryOnRecord',
    description: 'How the result reaches the resident, as progress answers show it: personal details masked.',
  });
export type DeliveryOnRecord = z.infer<typeof DeliveryOnRecord>;

/**
 * Identity assurance: how the kiosk knew who a person was. Only the chip read proves it; a typed
 * number is not a secret in a village, so staff check the ID document at 受理 when any person of
 * the application was not verified.
 */
export const IdentityEvidence = z.enum(['idCardChip', 'typedNumber']).meta({
  id: 'IdentityEvidence',
  description:
    'How the kiosk identified a person. idCardChip: read from the chip of the ID card by the reader ' +
    '(GA/T 467 security module), so the card was genuine and on the reader: verified. typedNumber: ' +
    'number and name typed on the keypad: not verified, staff check the identity document at 受理. ' +
    'Later kinds (a face check against the chip photo, a member of staff vouching) join this list in a ' +
    'later contract version, each saying whether it verifies.',
});
export type IdentityEvidence = z.infer<typeof IdentityEvidence>;

export const IdentityAssurance = z
  .object({
    applicant: IdentityEvidence.describe('the applicant (for a legal person: the representative who came)'),
    agent: IdentityEvidence.nullable().describe('the 经办人; null exactly when the application has no agent'),
  })
  .meta({ id: 'IdentityAssurance', description: 'How each person of an application was identified at the kiosk.' });
export type IdentityAssurance = z.infer<typeof IdentityAssurance>;

export const SubmittedMaterial = z
  .object({
    name: z.string().trim().min(1).max(128).describe("the guide's material name (申请材料名称)"),
    pages: z.array(MaterialPage).min(1).describe('uploaded first with PUT /materials/{sha256}'),
  })
  .meta({ id: 'SubmittedMaterial', description: 'One material of an application and its uploaded pages.' });
export type SubmittedMaterial = z.infer<typeof SubmittedMaterial>;

/**
 * An electronic licence (电子证照) the resident showed as a 亮证码 on their phone and the kiosk's QR
 * scanner read. The kiosk cannot check it: the text goes to the platform as it was read, and the
 * platform verifies it with the licence system before 受理, in place of a photographed copy.
 */
export const LicenceReference = z
  .object({
    materialName: z.string().trim().min(1).max(128).describe("the guide's material it stands for (e.g. 居民身份证)"),
    code: z
      .string()
      .min(1)
      .max(2048)
      .describe('the 亮证码 exactly as scanned (often a short-lived address or token of the licence app)'),
    scannedAt: IsoDateTime,
  })
  .meta({
    id: 'LicenceReference',
    description: 'A 亮证码 (electronic licence QR) attached to an application, for the platform to verify.',
  });
export type LicenceReference = z.infer<typeof LicenceReference>;

/** Form values keyed by field name; the matter's form defines the names. */
export const FormValues = z
  .record(
    z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/),
    z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]),
  )
  .meta({ id: 'FormValues', description: 'The filled form: field name → value.' });
export type FormValues = z.infer<typeof FormValues>;

/** 一件事一次办: several matters confirmed together; each matter is sent as its own application. */
export const ApplicationBundle = z
  .object({
    lifeEventId: z.string().min(1).max(64).describe('the life event (一件事) the matters belong to'),
    bundleRef: z.uuid().describe('the same for every application confirmed together'),
    index: z.number().int().min(0),
    count: z.number().int().min(1),
  })
  .refine((bundle) => bundle.index < bundle.count, { path: ['index'], message: 'index must be below count' })
  .meta({ id: 'ApplicationBundle', description: 'Where an application sits in a 一件事 bundle.' });
export type ApplicationBundle = z.infer<typeof ApplicationBundle>;

export const ApplicationSubmission = z
  .object({
    localRef: z.uuid().describe('the kiosk-side reference printed on a not-yet-delivered receipt'),
    matter: MatterRef,
    catalogVersion: CatalogVersion.shape.version,
    stationId: StationId,
    applicant: Applicant,
    agent: Agent.nullable().describe('经办人; null when the applicant applies in person'),
    form: FormValues,
    materials: z.array(SubmittedMaterial),
    delivery: Delivery,
    confirmedAt: IsoDateTime.describe('when the resident confirmed; the original time even if sent later'),
    offline: z.boolean().describe('true when confirmed while the platform was unreachable (store-and-forward)'),
    bundle: ApplicationBundle.nullable().describe('null for a single matter'),
    licenceReferences: z
      .array(LicenceReference)
      .max(10)
      .optional()
      .describe(
        '亮证码 the resident attached in place of a material, to verify with the licence system before 受理; ' +
          'absent when none was (or the kiosk has no scanner)',
      ),
    identity: IdentityAssurance.optional().describe(
      'how the applicant and agent were identified. Absent only from applications confirmed by a kiosk build ' +
        'that did not record it yet and delivered later from its outbox: staff treat absent as not verified',
    ),
  })
  .refine(
    (submission) => !submission.identity || (submission.identity.agent === null) === (submission.agent === null),
    {
      path: ['identity', 'agent'],
      message: 'identity.agent is null exactly when there is no agent',
    },
  )
  .meta({ id: 'ApplicationSubmission', description: 'A self-service application, as confirmed by the resident.' });
export type ApplicationSubmission = z.infer<typeof ApplicationSubmission>;

export const CaseState = z
  .enum([
    'received',
    'accepted',
    'inReview',
    'needsSupplement',
    'approved',
    'rejected',
    'readyForPickup',
    'mailed',
    'completed',
    'withdrawn',
  ])
  .meta({ id: 'CaseState', description: 'Where a case (办件) is in its handling.' });
export type CaseState = z.infer<typeof CaseState>;

export const ApplicationAccepted = z
  .object({
    caseNo: CaseNo,
    localRef: z.uuid(),
    acceptedAt: IsoDateTime,
    state: CaseState,
    promisedBy: IsoDate.nullable().describe('承诺办结日期; null for 即办件 finished on the spot'),
    receiptLines: z
      .array(z.string().max(48))
      .max(20)
      .describe('extra lines the platform wants printed on the receipt (SIP2 AG-style)'),
  })
  .meta({ id: 'ApplicationAccepted', description: 'The platform accepted the application and assigned a 办件编号.' });
export type ApplicationAccepted = z.infer<typeof ApplicationAccepted>;

export const CasePathParams = z.object({ caseNo: CaseNo });

export const CaseStep = z
  .object({
    name: z.string().min(1).max(64).describe('e.g. 村级受理, 镇级审核'),
    state: z.enum(['done', 'current', 'pending']),
    at: IsoDateTime.nullable(),
    note: z.string().max(200).optional(),
  })
  .meta({ id: 'CaseStep', description: 'One step of handling a case.' });
export type CaseStep = z.infer<typeof CaseStep>;

export const CaseProgress = z
  .object({
    caseNo: CaseNo,
    matter: MatterRef,
    state: CaseState,
    stateName: z.string().min(1).max(32).describe('handleStateName as shown to residents'),
    submittedAt: IsoDateTime,
    updatedAt: IsoDateTime,
    promisedBy: IsoDate.nullable(),
    steps: z.array(CaseStep),
    delivery: DeliveryOnRecord,
    nextStep: z.string().max(200).nullable().describe('what the resident should do next, if anything'),
  })
  .meta({ id: 'CaseProgress', description: '办件进度 of one case.' });
export type CaseProgress = z.infer<typeof CaseProgress>;

export const CaseSearch = z
  .object({
    idType: IdType,
    idNumber: IdNumber,
    since: IsoDate.optional().describe('only cases submitted on or after this day'),
  })
  .meta({
    id: 'CaseSearch',
    description: 'Look up cases by identity number; sent as a POST body so it never lands in a URL.',
  });
export type CaseSearch = z.infer<typeof CaseSearch>;

export const CaseSummary = z
  .object({
    caseNo: CaseNo,
    matter: MatterRef,
    state: CaseState,
    stateName: z.string().min(1).max(32),
    submittedAt: IsoDateTime,
    promisedBy: IsoDate.nullable(),
  })
  .meta({ id: 'CaseSummary', description: 'One case in a search result.' });
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseSearchResult = z
  .object({ cases: z.array(CaseSummary) })
  .meta({ id: 'CaseSearchResult', description: 'Cases of the identified person, newest first.' });
export type CaseSearchResult = z.infer<typeof CaseSearchResult>;

import { z } from 'zod';
import { FormValues } from '../../platform/contract/applications';
import { IsoDate, MatterRef, PhoneNumber, PersonName, PostalAddress } from '../../platform/contract/common';
import { FormField } from '../../platform/contract/forms';
import { ConfirmationId, DeliveryStatus, PrintResult } from './resident';

/**
 * Self-service application (自助申报) as the renderer drives it: start (the form, pre-filled from
 * the card), optionally take values from this resident's earlier submissions (with consent),
 * capture materials (capture.stage), choose delivery, review, submit. One matter, or a life-event
 * bundle (一件事) of several submitted together.
 */

export const MatterCodes = z.array(z.string().min(1).max(64)).min(1).max(8);

export const PrefilledField = FormField.and(
  z.object({
    /** The pre-filled value; '' when nothing is known. */
    value: z.string().max(2000),
    filledFrom: z.enum(['card', 'history', 'none']),
  }),
);
export type PrefilledField = z.infer<typeof PrefilledField>;

export const MaterialRequirement = z.object({
  name: z.string().min(1).max(128),
  required: z.boolean(),
  note: z.string().max(200).nullable(),
  /** Which of the bundle's matters ask for it (a shared material is captured once). */
  matterCodes: z.array(z.string()),
});
export type MaterialRequirement = z.infer<typeof MaterialRequirement>;

export const ApplicationDraft = z.object({
  matters: z.array(MatterRef.extend({ promisedWorkingDays: z.number().int().nullable() })).min(1),
  lifeEventId: z.string().nullable(),
  catalogVersion: z.string(),
  fields: z.array(PrefilledField),
  materials: z.array(MaterialRequirement),
  delivery: z.object({
    pickUp: z.object({ servicePointId: z.string(), name: z.string(), address: z.string() }),
    mail: z.boolean().describe('the result can be mailed (证照邮寄送达)'),
    /** Province/city/county of this station, to start the mailing address from. */
    mailDefaults: PostalAddress.omit({ detail: true, postcode: true }),
    /**
     * The address on the applicant's ID card, offered (not filled in) as the mailing address;
     * null for a typed sign-in or a card without one.
     */
    cardAddress: z.string().max(200).nullable(),
  }),
  /** This resident submitted here before: offer (with consent) to reuse phone, address … */
  history: z.object({ lastSubmittedAt: z.iso.datetime({ offset: true }), fieldNames: z.array(z.string()) }).nullable(),
});
export type ApplicationDraft = z.infer<typeof ApplicationDraft>;

export const DeliveryChoice = z.discriminatedUnion('method', [
  z.object({ method: z.literal('pickUp') }),
  z.object({ method: z.literal('mail'), recipient: PersonName, phone: PhoneNumber, address: PostalAddress }),
]);
export type DeliveryChoice = z.infer<typeof DeliveryChoice>;

export const MaterialSubmission = z.object({
  name: z.string().min(1).max(128),
  /** From capture.stage; each capture is one PDF of one or more pages. */
  captureIds: z.array(z.string().max(64)).min(1).max(10),
});

/** A 亮证码 the scanner read (`scanner.scanned` kind other) that the resident gave for a material. */
export const LicenceSubmission = z.object({
  materialName: z.string().min(1).max(128),
  scanId: z.uuid(),
});

export const SubmitApplicationInput = z
  .object({
    confirmationId: ConfirmationId,
    matterCodes: MatterCodes,
    lifeEventId: z.string().max(64).nullable(),
    form: FormValues,
    materials: z.array(MaterialSubmission).max(30),
    /** Identity-type materials given as a 亮证码 instead of a photograph (core/api/licence-materials.ts). */
    licences: z.array(LicenceSubmission).max(10).optional(),
    delivery: DeliveryChoice,
  })
  .strict();

export const SubmittedMatter = z.object({
  matter: MatterRef,
  /** 办件编号 once the platform numbered it; null while saved offline. */
  caseNo: z.string().nullable(),
  promisedBy: IsoDate.nullable(),
});

export const ApplicationReceipt = z.object({
  /** The kiosk's reference, printed while no 办件编号 is known. */
  localRef: z.uuid(),
  status: DeliveryStatus,
  matters: z.array(SubmittedMatter).min(1),
  submittedAt: z.iso.datetime({ offset: true }),
  /** Extra lines the platform asked to print (SIP2 AG-style). */
  receiptLines: z.array(z.string()),
  /** What the receipt's QR encodes: the progress lookup for this application. */
  progressQr: z.string(),
  print: PrintResult,
});
export type ApplicationReceipt = z.infer<typeof ApplicationReceipt>;

import { z } from 'zod';

/**
 * The form (申请表) of a matter that can be submitted at the kiosk. The platform publishes it with
 * the matter so every kiosk asks the same questions; the kiosk pre-fills what it already knows
 * from the ID card (Shizhong: 历史数据自动填充, 减少页面跳转) and, with consent, from the resident's
 * earlier submissions at this kiosk. Pure zod: the renderer bundles this file.
 */

export const FormFieldName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/);

export const FormFieldKind = z
  .enum(['text', 'multiline', 'phone', 'date', 'number', 'select', 'idNumber'])
  .meta({ id: 'FormFieldKind', description: 'How the field is typed and checked on the kiosk.' });
export type FormFieldKind = z.infer<typeof FormFieldKind>;

/** Where a pre-filled value comes from. The ID number itself never reaches the renderer unmasked. */
export const PrefillSource = z
  .enum(['applicantName', 'applicantSex', 'applicantNation', 'applicantBirthDate', 'applicantAddress'])
  .meta({ id: 'PrefillSource', description: 'A field of the applicant ID card that pre-fills a form field.' });
export type PrefillSource = z.infer<typeof PrefillSource>;

export const FormField = z
  .object({
    name: FormFieldName,
    label: z.string().trim().min(1).max(32),
    kind: FormFieldKind,
    required: z.boolean(),
    options: z
      .array(z.object({ value: z.string().min(1).max(64), label: z.string().min(1).max(32) }))
      .min(2)
      .optional()
      .describe('for select fields only'),
    maxLength: z.number().int().min(1).max(2000).optional(),
    prefillFrom: PrefillSource.nullable().describe('filled from the applicant card; the resident may correct it'),
    rememberable: z
      .boolean()
      .describe('may be offered again, with consent, from this resident’s earlier submission (phone, address …)'),
    hint: z.string().max(80).optional(),
  })
  .refine((field) => (field.kind === 'select') === (field.options !== undefined), {
    path: ['options'],
    message: 'select fields need options, and only select fields have them',
  })
  .meta({ id: 'FormField', description: 'One question of a matter’s application form.' });
export type FormField = z.infer<typeof FormField>;

export const MatterForm = z
  .array(FormField)
  .max(30)
  .refine((fields) => new Set(fields.map((f) => f.name)).size === fields.length, 'field names are unique')
  .meta({ id: 'MatterForm', description: 'The application form of a matter, in the order it is asked.' });
export type MatterForm = z.infer<typeof MatterForm>;

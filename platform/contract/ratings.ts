import { z } from 'zod';
import { CatalogVersion } from './catalog';
import { IsoDate, IsoDateTime, MatterRef, PhoneNumber, StationId } from './common';

/**
 * 好差评 (国办发〔2019〕51号, GB/T 39734-2020): five fixed levels with fixed wording, options that
 * depend on the level and come from the platform with a version, one rating per service (一次一评),
 * and every 不满意 / 非常不满意 followed up as a work order within 15 working days.
 */

export const RatingLevel = z
  .number()
  .int()
  .min(1)
  .max(5)
  .meta({ id: 'RatingLevel', description: '5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意.' });
export type RatingLevel = 1 | 2 | 3 | 4 | 5;

/** The national wording; it must not be changed locally. */
export const RATING_LEVEL_LABELS: Readonly<Record<RatingLevel, string>> = {
  5: '非常满意',
  4: '满意',
  3: '基本满意',
  2: '不满意',
  1: '非常不满意',
};

/** Ratings at or below this level are 差评: they ask for a callback phone and become work orders. */
export const BAD_RATING_MAX_LEVEL = 2;

export const RatingOption = z
  .object({
    code: z.string().regex(/^[a-z][a-zA-Z0-9]{1,39}$/),
    label: z.string().min(1).max(32),
  })
  .meta({ id: 'RatingOption', description: 'One evaluation option (评价内容), e.g. 服务态度好.' });
export type RatingOption = z.infer<typeof RatingOption>;

export const RatingLevelOptions = z
  .object({
    level: RatingLevel,
    label: z.string().min(1).max(8),
    options: z.array(RatingOption).min(1),
  })
  .refine((entry) => RATING_LEVEL_LABELS[entry.level as RatingLevel] === entry.label, {
    path: ['label'],
    message: 'the level label is the fixed national wording',
  })
  .meta({ id: 'RatingLevelOptions', description: 'The options offered once the resident picked a level.' });
export type RatingLevelOptions = z.infer<typeof RatingLevelOptions>;

export const RatingOptionSet = z
  .object({
    version: CatalogVersion.shape.version,
    publishedAt: IsoDateTime,
    isSample: z
      .boolean()
      .describe('true when the option texts were written for this project, not taken from the provincial system'),
    levels: z.array(RatingLevelOptions).length(5).describe('levels 5 to 1, in that order'),
  })
  .refine((set) => set.levels.map((entry) => entry.level).join() === '5,4,3,2,1', {
    path: ['levels'],
    message: 'levels must be 5, 4, 3, 2, 1 in that order',
  })
  .meta({ id: 'RatingOptionSet', description: 'Versioned rating content (evaversion); not editable on the kiosk.' });
export type RatingOptionSet = z.infer<typeof RatingOptionSet>;

/**
 * What was rated: an application (办件), a queue ticket, an appointment, a progress lookup or an
 * assistance request. For an application rated while it was still saved offline, `ref` is the
 * kiosk's localRef; the platform resolves it to the 办件编号 (the kiosk delivers oldest first, so
 * the application arrives before its rating).
 */
export const RatingSubjectKind = z
  .enum(['application', 'ticket', 'appointment', 'progressQuery', 'assistance'])
  .meta({ id: 'RatingSubjectKind', description: 'The kind of service a rating is about.' });
export type RatingSubjectKind = z.infer<typeof RatingSubjectKind>;

export const RatingSubject = z
  .object({
    kind: RatingSubjectKind,
    ref: z
      .string()
      .regex(/^[0-9A-Za-z-]{6,64}$/)
      .describe("办件编号 or the application's localRef, ticket id, appointment id, request id, or a kiosk reference"),
  })
  .meta({ id: 'RatingSubject', description: 'The rated service; one rating per subject.' });
export type RatingSubject = z.infer<typeof RatingSubject>;

export const RatingSubmission = z
  .object({
    subject: RatingSubject,
    matter: MatterRef.nullable().describe('the matter of the rated service; null when there is none (a ticket)'),
    stationId: StationId,
    channel: z.literal('selfServiceTerminal').describe('评价渠道: 自助服务终端'),
    level: RatingLevel,
    optionsVersion: CatalogVersion.shape.version.describe('the RatingOptionSet version the options came from'),
    optionCodes: z.array(z.string().regex(/^[a-z][a-zA-Z0-9]{1,39}$/)).max(10),
    comment: z.string().trim().max(300).optional().describe('free text, typed or dictated'),
    evaluator: z.enum(['applicant', 'agent']).describe('who rated: the applicant or the 经办人'),
    callbackPhone: PhoneNumber.optional().describe('only for 不满意 / 非常不满意; the work order calls back on it'),
    ratedAt: IsoDateTime,
    offline: z.boolean(),
  })
  .refine((rating) => rating.callbackPhone === undefined || rating.level <= BAD_RATING_MAX_LEVEL, {
    path: ['callbackPhone'],
    message: 'a callback phone is only taken for 不满意 and 非常不满意',
  })
  .meta({ id: 'RatingSubmission', description: 'A 好差评 rating of one service, given at the kiosk.' });
export type RatingSubmission = z.infer<typeof RatingSubmission>;

export const RatingAccepted = z
  .object({
    ratingId: z.string().min(1).max(64),
    subject: RatingSubject.describe('as stored: an application localRef is replaced by its 办件编号'),
    level: RatingLevel,
    acceptedAt: IsoDateTime,
    workOrderNo: z.string().min(1).max(64).nullable().describe('差评 work order; null for levels 3 to 5'),
    followUpBy: IsoDate.nullable().describe('the work order is followed up by this day (15 working days)'),
  })
  .meta({ id: 'RatingAccepted', description: 'The rating was stored; bad ratings carry their work order.' });
export type RatingAccepted = z.infer<typeof RatingAccepted>;

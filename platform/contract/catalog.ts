import { z } from 'zod';
import { MatterForm } from './forms';

/**
 * The catalog of matters (事项清单) and their guides (办事指南) as the platform publishes it.
 * Field names follow docs/domain.md's glossary. The kiosk stores what it receives in this shape,
 * so the same schemas validate the platform's answer, the kiosk's store and the kiosk API.
 */

/** Boshan's four village service kinds: 审批代办类、直接查询类、咨询服务类、协助受理类. */
export const ServiceKind = z.enum(['approvalAgency', 'directQuery', 'consultation', 'assistedAcceptance']);
export type ServiceKind = z.infer<typeof ServiceKind>;

/** 即办件 (done on the spot) / 承诺件 (done within a promised number of working days). */
export const CaseType = z.enum(['instant', 'promised']);
export type CaseType = z.infer<typeof CaseType>;

/** Anqiu's handling modes: 当场办 / 帮办代办 / 便民事项. */
export const Handling = z.enum(['onSite', 'assisted', 'convenience']);
export type Handling = z.infer<typeof Handling>;

/**
 * What the kiosk offers for a matter: submit it here (selfService), ask for someone to handle it
 * for the resident (assistRequest), or show the guide only (guideOnly).
 */
export const Channel = z.enum(['selfService', 'assistRequest', 'guideOnly']);
export type Channel = z.infer<typeof Channel>;

const nonEmpty = z.string().trim().min(1);
/**
 * A phone number as printed for residents to call: a landline with area code, a mobile, or a
 * short service number such as 12345. (Numbers the platform must be able to call back use the
 * stricter PhoneNumber in common.ts.)
 */
export const DisplayPhone = z.string().regex(/^[0-9][0-9 -]{2,19}$/, 'a phone number: digits, spaces and hyphens');

export const Theme = z
  .object({
    id: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
    name: nonEmpty,
    order: z.number().int().min(0),
  })
  .meta({ id: 'Theme', description: 'A theme (主题) residents browse by, such as 社会保障.' });
export type Theme = z.infer<typeof Theme>;

export const Department = z
  .object({
    code: z.string().regex(/^[A-Za-z0-9-]{2,32}$/),
    name: nonEmpty,
    phone: DisplayPhone.optional(),
  })
  .meta({ id: 'Department', description: 'The department (主管部门) responsible for matters.' });
export type Department = z.infer<typeof Department>;

export const GuideMaterial = z
  .object({
    name: nonEmpty,
    required: z.boolean(),
    originals: z.number().int().min(0).describe('原件份数'),
    copies: z.number().int().min(0).describe('复印件份数'),
    format: z.enum(['paper', 'electronic', 'paperOrElectronic']),
    source: nonEmpty.describe('来源渠道, e.g. 申请人自备 or the issuing department'),
    note: nonEmpty.optional(),
  })
  .meta({ id: 'GuideMaterial', description: 'One required or optional document (申请材料).' });
export type GuideMaterial = z.infer<typeof GuideMaterial>;

export const GuidePlace = z
  .object({
    name: nonEmpty,
    address: nonEmpty,
    hours: nonEmpty,
    phone: DisplayPhone.optional(),
  })
  .meta({ id: 'GuidePlace', description: 'Where and when the matter is handled (办理地点和时间).' });
export type GuidePlace = z.infer<typeof GuidePlace>;

export const Guide = z
  .object({
    isSample: z
      .boolean()
      .describe('true when the guide text is sample content written for this project, not an official guide'),
    summary: nonEmpty.describe('简版指南: what the matter is and who it is for, in two or three sentences'),
    basicInfo: z.object({
      matterType: nonEmpty.describe('事项类型, e.g. 行政给付, 公共服务'),
      implementingAgency: nonEmpty.describe('实施主体'),
      acceptingBody: nonEmpty.describe('受理机构 (who accepts it at village level)'),
      servedParties: nonEmpty.describe('服务对象, e.g. 自然人'),
    }),
    placesAndHours: z.array(GuidePlace).min(1),
    conditions: z.array(nonEmpty).min(1).describe('受理条件'),
    materials: z.array(GuideMaterial).describe('申请材料; empty when nothing is needed'),
    specialSteps: z
      .array(
        z.object({
          name: nonEmpty,
          timeLimit: nonEmpty,
          countsTowardLimit: z.boolean().describe('whether its time counts toward the promised time limit'),
          note: nonEmpty.optional(),
        }),
      )
      .describe('特殊环节 (公示, 入户调查, 鉴定 …)'),
    process: z
      .array(z.object({ title: nonEmpty, description: nonEmpty }))
      .min(1)
      .describe('办理流程, in order'),
    fees: z.object({ charged: z.boolean(), description: nonEmpty }).describe('收费标准'),
    legalBasis: z.array(nonEmpty).min(1).describe('设定依据'),
    faq: z.array(z.object({ question: nonEmpty, answer: nonEmpty })).describe('常见问题'),
    promise: z
      .object({
        legalWorkingDays: z
          .number()
          .int()
          .min(0)
          .nullable()
          .describe('法定办结时限 in working days; null when the law sets none'),
        promisedWorkingDays: z.number().int().min(0).describe('承诺办结时限 in working days; 0 for 即办件'),
        note: nonEmpty.optional(),
      })
      .describe('服务承诺'),
    visitsNeeded: z.number().int().min(0).max(5).describe('到现场次数'),
    contact: z.object({ consultPhone: DisplayPhone, complaintPhone: DisplayPhone }).describe('咨询 / 监督投诉方式'),
  })
  .meta({ id: 'Guide', description: '办事指南: every section a resident needs before they come or apply.' });
export type Guide = z.infer<typeof Guide>;

/**
 * Another name residents use for a matter: a 俗称 (低保 for 最低生活保障), a former name (新农合), an
 * abbreviation (居保) or a common phrasing (交党费). Short, as a clerk would hear it at the window.
 */
export const MatterAlias = z.string().trim().min(1).max(24);

export const Matter = z
  .object({
    code: z
      .string()
      .regex(/^[0-9A-Z-]{6,40}$/)
      .describe('事项编码'),
    version: z.number().int().positive().describe('事项版本: goes up whenever any element of the matter changes'),
    seq: z.number().int().positive().describe('order in the published list'),
    name: nonEmpty,
    serviceKind: ServiceKind,
    caseType: CaseType,
    promisedWorkingDays: z.number().int().positive().nullable().describe('承诺件 time limit; null for 即办件'),
    handling: Handling,
    channels: z
      .array(Channel)
      .min(1)
      .refine((channels) => new Set(channels).size === channels.length, 'each channel once')
      .refine(
        (channels) => !channels.includes('guideOnly') || channels.length === 1,
        'guideOnly cannot be combined with other channels',
      ),
    themeIds: z.array(z.string()).min(1),
    departmentCode: z.string(),
    crossVillage: z.boolean().describe('跨村通办: residents of other villages may handle it here'),
    guide: Guide.nullable(),
    aliases: z
      .array(MatterAlias)
      .max(24)
      .refine((aliases) => new Set(aliases).size === aliases.length, 'each alias once')
      .optional()
      .describe(
        '又称: the words residents use for the matter (俗称, 旧称, abbreviations, common phrasings), searched like its name. Optional so catalogs published before aliases existed still parse.',
      ),
    form: MatterForm.optional().describe(
      '申请表: the questions asked when the matter is submitted at the kiosk; required (non-empty) on selfService matters. Optional so catalogs published before forms existed still parse.',
    ),
  })
  .meta({ id: 'Matter', description: 'A matter (事项) the station handles, with its guide when one is published.' });
export type Matter = z.infer<typeof Matter>;

export const CatalogVersion = z
  .object({
    version: z.string().regex(/^[0-9A-Za-z.-]{1,40}$/),
    publishedAt: z.iso.datetime({ offset: true }),
    matterCount: z.number().int().min(0),
  })
  .meta({ id: 'CatalogVersion', description: 'Which catalog is current; cheap to poll.' });
export type CatalogVersion = z.infer<typeof CatalogVersion>;

export const LifeEvent = z
  .object({
    id: z.string().regex(/^[a-z][a-zA-Z0-9]{0,63}$/),
    name: nonEmpty,
    description: nonEmpty,
    matterCodes: z
      .array(z.string())
      .min(2)
      .refine((codes) => new Set(codes).size === codes.length, 'each matter once'),
  })
  .meta({
    id: 'LifeEvent',
    description: '一件事: a life event (a birth, turning 80 …) that bundles several matters into one submission.',
  });
export type LifeEvent = z.infer<typeof LifeEvent>;

export const Catalog = z
  .object({
    version: CatalogVersion.shape.version,
    publishedAt: CatalogVersion.shape.publishedAt,
    region: z.object({ code: z.string().regex(/^[0-9]{6,12}$/), name: nonEmpty }),
    themes: z.array(Theme),
    departments: z.array(Department),
    matters: z.array(Matter),
    lifeEvents: z.array(LifeEvent).default([]).describe('一件事 bundles; absent in catalogs published before them'),
  })
  .superRefine((catalog, ctx) => {
    const themeIds = new Set(catalog.themes.map((t) => t.id));
    const departmentCodes = new Set(catalog.departments.map((d) => d.code));
    if (themeIds.size !== catalog.themes.length)
      ctx.addIssue({ code: 'custom', path: ['themes'], message: 'duplicate theme id' });
    if (departmentCodes.size !== catalog.departments.length) {
      ctx.addIssue({ code: 'custom', path: ['departments'], message: 'duplicate department code' });
    }
    if (new Set(catalog.matters.map((m) => m.seq)).size !== catalog.matters.length) {
      ctx.addIssue({ code: 'custom', path: ['matters'], message: 'duplicate matter seq' });
    }
    const seen = new Set<string>();
    catalog.matters.forEach((matter, index) => {
      const at = (field: string) => ['matters', index, field];
      if (seen.has(matter.code))
        ctx.addIssue({ code: 'custom', path: at('code'), message: `duplicate matter code ${matter.code}` });
      seen.add(matter.code);
      for (const id of matter.themeIds) {
        if (!themeIds.has(id)) ctx.addIssue({ code: 'custom', path: at('themeIds'), message: `unknown theme ${id}` });
      }
      if (!departmentCodes.has(matter.departmentCode)) {
        ctx.addIssue({
          code: 'custom',
          path: at('departmentCode'),
          message: `unknown department ${matter.departmentCode}`,
        });
      }
      if ((matter.caseType === 'promised') !== (matter.promisedWorkingDays !== null)) {
        ctx.addIssue({
          code: 'custom',
          path: at('promisedWorkingDays'),
          message: '承诺件 need a promised time limit and 即办件 must not have one',
        });
      }
      if (matter.guide && matter.guide.promise.promisedWorkingDays !== (matter.promisedWorkingDays ?? 0)) {
        ctx.addIssue({
          code: 'custom',
          path: [...at('guide'), 'promise', 'promisedWorkingDays'],
          message: "the guide's promised time limit differs from the matter's",
        });
      }
      if (matter.aliases?.includes(matter.name)) {
        ctx.addIssue({ code: 'custom', path: at('aliases'), message: 'an alias repeats the name' });
      }
      if (matter.channels.includes('selfService') && (matter.form?.length ?? 0) === 0) {
        ctx.addIssue({
          code: 'custom',
          path: at('form'),
          message: 'a matter offered for self-service needs its application form',
        });
      }
    });
    if (new Set(catalog.lifeEvents.map((e) => e.id)).size !== catalog.lifeEvents.length) {
      ctx.addIssue({ code: 'custom', path: ['lifeEvents'], message: 'duplicate life event id' });
    }
    catalog.lifeEvents.forEach((event, index) => {
      for (const code of event.matterCodes) {
        if (!seen.has(code)) {
          ctx.addIssue({
            code: 'custom',
            path: ['lifeEvents', index, 'matterCodes'],
            message: `unknown matter ${code}`,
          });
        }
      }
    });
  })
  .meta({ id: 'Catalog', description: 'The whole catalog of one version: themes, departments, matters and guides.' });
export type Catalog = z.infer<typeof Catalog>;

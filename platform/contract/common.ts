import { z } from 'zod';
import { Matter } from './catalog';

/**
 * Primitives shared by the platform contract: identifiers, dates, people and the matter a record
 * is about. Field names follow the national 政务服务 data rules where they exist (事项编码 →
 * `matterCode`, 事项版本 → `matterVersion`, 办件编号 → `caseNo`, 申请人 / 经办人 → applicant / agent).
 * Pure zod: the renderer bundles this file.
 */

export const IsoDateTime = z.iso.datetime({ offset: true });
/** A calendar day in China Standard Time (UTC+8), as printed on tickets and receipts. */
export const IsoDate = z.iso.date();
/** 24-hour wall-clock time `HH:MM` in China Standard Time. */
export const ClockTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'HH:MM, 24-hour clock');

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex sha256 digest');

/** Terminal, station and service-point ids: short, URL-safe, chosen by the operator. */
export const TerminalId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, ".", "_", "-"');
export const StationId = TerminalId;
export const ServicePointId = TerminalId;

/** 办件编号: assigned by the platform when it accepts an application. */
export const CaseNo = z.string().regex(/^[0-9A-Za-z-]{6,40}$/, '办件编号: letters, digits and hyphens');

export const MatterCode = Matter.shape.code;
export const MatterVersion = Matter.shape.version;

/** Mainland mobile numbers and landlines with area code (0536-4393178). */
export const PhoneNumber = z
  .string()
  .regex(/^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$/, 'a mainland mobile number or a landline with area code');

export const PersonName = z.string().trim().min(1).max(64);

/** The card types the ID reader reads (docs/devices/id-card.md). */
export const IdType = z
  .enum(['residentIdCard', 'foreignPermanentResidentIdCard', 'hkMacaoTaiwanResidencePermit'])
  .meta({
    id: 'IdType',
    description:
      '证件类型: 居民身份证, 外国人永久居留身份证, 港澳台居民居住证. Identity numbers only ever travel in request bodies, never in URLs.',
  });
export type IdType = z.infer<typeof IdType>;

/** 18 characters for current cards; 15 for old foreign permanent-resident cards. */
export const IdNumber = z.string().regex(/^[0-9A-Z]{15,18}$/, '15 to 18 digits or capital letters');

export const Person = z
  .object({
    name: PersonName,
    idType: IdType,
    idNumber: IdNumber,
    phone: PhoneNumber.optional(),
  })
  .meta({ id: 'Person', description: 'A natural person identified by an identity document.' });
export type Person = z.infer<typeof Person>;

/** 自然人 / 法人: who the application is for (userProp in the 好差评 records). */
export const Applicant = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('naturalPerson'), person: Person }),
    z.object({
      kind: z.literal('legalPerson'),
      organisation: z.object({
        name: z.string().trim().min(1).max(128),
        creditCode: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, '统一社会信用代码: 18 characters'),
      }),
      representative: Person.describe('the legal representative (法定代表人)'),
    }),
  ])
  .meta({ id: 'Applicant', description: '申请人: the person or organisation the matter is for.' });
export type Applicant = z.infer<typeof Applicant>;

/**
 * 经办人: the person acting for the applicant at the kiosk (a family member, the village
 * assistant). Both identities are recorded on applications and ratings.
 */
export const Agent = z
  .object({
    person: Person,
    relation: z.enum(['family', 'villageAssistant', 'stationStaff', 'other']),
    authorisation: z
      .object({
        kind: z.enum(['letterOfAuthority', 'consentStatement']),
        materialSha256: Sha256Hex.nullable().describe('the uploaded 委托书 or signed consent, when captured'),
      })
      .describe('how the applicant entrusted the agent'),
  })
  .meta({ id: 'Agent', description: '经办人: acts for the applicant; recorded beside the applicant.' });
export type Agent = z.infer<typeof Agent>;

export const MatterRef = z
  .object({
    matterCode: MatterCode,
    matterVersion: MatterVersion,
    matterName: z.string().trim().min(1).max(128).describe('as shown to the resident, for staff reading the record'),
  })
  .meta({ id: 'MatterRef', description: 'The matter (事项编码 + 事项版本) a record is about.' });
export type MatterRef = z.infer<typeof MatterRef>;

export const PostalAddress = z
  .object({
    regionCode: z.string().regex(/^[0-9]{6,12}$/, '行政区划代码'),
    province: z.string().trim().min(1).max(32),
    city: z.string().trim().min(1).max(32),
    county: z.string().trim().min(1).max(32),
    detail: z.string().trim().min(1).max(200).describe('town, village, street and house number'),
    postcode: z
      .string()
      .regex(/^[0-9]{6}$/)
      .optional(),
  })
  .meta({ id: 'PostalAddress', description: 'A mailing address in mainland China.' });
export type PostalAddress = z.infer<typeof PostalAddress>;

/** Devices a kiosk reports on, in heartbeats and inspection reports. */
export const DeviceKind = z
  .enum([
    'idCardReader',
    'printer',
    'evaluationKeypad',
    'documentCamera',
    'qrScanner',
    // 视频帮办 (docs/video-help.md): opened by the kiosk page through getUserMedia, where configured.
    'faceCamera',
    'microphone',
    'touchScreen',
    'speaker',
    'network',
    'ups',
    'other',
  ])
  .meta({
    id: 'DeviceKind',
    description:
      'A device of the kiosk: its peripherals (the QR scanner, face camera and microphone where fitted) and the machine itself.',
  });
export type DeviceKind = z.infer<typeof DeviceKind>;

/** XFS4IoT-style device status (docs/design-anchors.md §2). */
export const DeviceStatus = z
  .enum(['online', 'offline', 'noDevice', 'hardwareError', 'userError', 'busy'])
  .meta({ id: 'DeviceStatus', description: 'Device status as the device manager reports it.' });
export type DeviceStatus = z.infer<typeof DeviceStatus>;

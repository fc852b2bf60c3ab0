import type { MatterForm } from '../../platform/contract/forms';
import type { Catalog, Guide, Matter } from '../../platform/contract/catalog';

/** A complete guide with every section filled, small enough to read in a test. */
export const fixtureGuide: Guide = {
  isSample: true,
  summary: '年满60周岁的老年人可申请办理老年优待证，凭证享受公共交通、景区等优待。',
  basicInfo: {
    matterType: '公共服务',
    implementingAgency: '安丘市民政局',
    acceptingBody: '村便民服务站',
    servedParties: '自然人',
  },
  placesAndHours: [
    { name: '村便民服务站', address: '村党群服务中心一楼', hours: '周一至周五 8:30-17:30', phone: '0536-4000123' },
  ],
  conditions: ['年满60周岁', '具有本市户籍或居住证'],
  materials: [
    { name: '居民身份证', required: true, originals: 1, copies: 0, format: 'paper', source: '申请人自备' },
    {
      name: '近期一寸免冠照片',
      required: false,
      originals: 1,
      copies: 0,
      format: 'paper',
      source: '申请人自备',
      note: '可现场拍摄',
    },
  ],
  specialSteps: [],
  process: [
    { title: '申请', description: '持身份证到便民服务站提出申请' },
    { title: '办结', description: '当场制证发放' },
  ],
  fees: { charged: false, description: '不收费' },
  legalBasis: ['《中华人民共和国老年人权益保障法》'],
  faq: [{ question: '外地老人能办吗？', answer: '持本市居住证的可以办理。' }],
  promise: { legalWorkingDays: null, promisedWorkingDays: 0 },
  visitsNeeded: 1,
  contact: { consultPhone: '0536-4000123', complaintPhone: '12345' },
};

/** Self-service matters publish their application form (申请表); one name from the card, one phone. */
const fixtureForm: MatterForm = [
  {
    name: 'applicantName',
    label: '申请人姓名',
    kind: 'text',
    required: true,
    prefillFrom: 'applicantName',
    rememberable: false,
  },
  { name: 'phone', label: '联系电话', kind: 'phone', required: true, prefillFrom: null, rememberable: true },
];

/**
 * What a test's catalog is for:
 * - 'station' (default): three matters of a village station, one self-service with a full guide,
 *   one assisted, one guide-only;
 * - 'applications': the station's with three self-service matters (one with two required
 *   materials, one without a guide) beside the guide-only one;
 * - 'find': names of the Anqiu list chosen for how they search, with two life events.
 */
export type CatalogVariant = 'station' | 'applications' | 'find';

/** The one catalog fixture of the kiosk's tests, in the variant a test needs. */
export function catalogVariant(variant: CatalogVariant, version?: string): Catalog {
  if (variant === 'applications') return applicationCatalog(version ?? '2026.11.20-1');
  if (variant === 'find') return findCatalog(version ?? 'find-1');
  return stationCatalog(version ?? '2026.11.20-1');
}

/** The 'station' variant, which most tests use. */
export function catalogFixture(version?: string): Catalog {
  return catalogVariant('station', version);
}

function stationCatalog(version: string): Catalog {
  return {
    version,
    publishedAt: '2026-11-20T09:00:00+08:00',
    region: { code: '370784', name: '安丘市' },
    lifeEvents: [],
    themes: [
      { id: 'elderly', name: '老年人服务', order: 1 },
      { id: 'socialAssistance', name: '社会救助', order: 2 },
      { id: 'legal', name: '法律服务与调解', order: 3 },
    ],
    departments: [
      { code: 'MZJ', name: '安丘市民政局', phone: '0536-4000200' },
      { code: 'SFJ', name: '安丘市司法局' },
    ],
    matters: [
      {
        code: '370784-CJ-013',
        version: 1,
        seq: 13,
        name: '老年优待证办理',
        serviceKind: 'assistedAcceptance',
        caseType: 'instant',
        promisedWorkingDays: null,
        handling: 'onSite',
        channels: ['selfService', 'assistRequest'],
        form: fixtureForm,
        themeIds: ['elderly'],
        departmentCode: 'MZJ',
        crossVillage: true,
        guide: fixtureGuide,
      },
      {
        code: '370784-CJ-020',
        version: 1,
        seq: 20,
        name: '临时救助',
        serviceKind: 'approvalAgency',
        caseType: 'promised',
        promisedWorkingDays: 10,
        handling: 'assisted',
        channels: ['assistRequest'],
        themeIds: ['socialAssistance', 'elderly'],
        departmentCode: 'MZJ',
        crossVillage: false,
        guide: null,
      },
      {
        code: '370784-CJ-052',
        version: 1,
        seq: 52,
        name: '法律咨询',
        serviceKind: 'consultation',
        caseType: 'instant',
        promisedWorkingDays: null,
        handling: 'convenience',
        channels: ['guideOnly'],
        themeIds: ['legal'],
        departmentCode: 'SFJ',
        crossVillage: true,
        guide: null,
      },
    ],
  };
}

function applicationCatalog(version: string): Catalog {
  const base = stationCatalog(version);
  const [elderly, relief, legal] = base.matters;
  if (!elderly || !relief || !legal) throw new Error('the catalog fixture changed');
  const guide = elderly.guide;
  if (!guide) throw new Error('the catalog fixture changed');
  return {
    ...base,
    matters: [
      elderly,
      {
        ...relief,
        channels: ['selfService', 'assistRequest'],
        guide: {
          ...guide,
          materials: [
            { ...guide.materials[0]!, name: '居民身份证' },
            { name: '户口簿', required: true, originals: 1, copies: 0, format: 'paper', source: '申请人自备' },
          ],
        },
      },
      {
        ...elderly,
        code: '370784-CJ-030',
        seq: 30,
        name: '高龄津贴申领',
        guide: null,
        promisedWorkingDays: 5,
        caseType: 'promised',
      },
      legal,
    ],
  };
}

/**
 * The 'find' variant: a small catalog for the search tests, with names of the Anqiu list chosen for how they search:
 * several 养老保险 matters (shebao, yanglao, cxjm), one with 社保 in the middle of its name, and
 * two life events, one of which needs the window for one of its matters.
 */
const matter = (seq: number, name: string, overrides: Partial<Matter> = {}): Matter => ({
  code: `370784-CJ-${String(seq).padStart(3, '0')}`,
  version: 1,
  seq,
  name,
  serviceKind: 'assistedAcceptance',
  caseType: 'instant',
  promisedWorkingDays: null,
  handling: 'assisted',
  channels: ['assistRequest'],
  themeIds: ['socialInsurance'],
  departmentCode: 'RSJ',
  crossVillage: true,
  guide: null,
  ...overrides,
});

function findCatalog(version: string): Catalog {
  return {
    version,
    publishedAt: '2026-11-28T09:00:00+08:00',
    region: { code: '370784', name: '安丘市' },
    themes: [{ id: 'socialInsurance', name: '社会保险', order: 1 }],
    departments: [{ code: 'RSJ', name: '安丘市人力资源和社会保障局', phone: '0536-4000300' }],
    matters: [
      matter(1, '城乡居民基本养老保险征缴'),
      matter(2, '城乡居民基本养老保险参保登记', {
        channels: ['selfService', 'assistRequest'],
        form: fixtureForm,
        guide: fixtureGuide,
      }),
      matter(3, '被征地农民参加城乡居民基本养老保险社保补贴'),
      matter(4, '居民基本养老保险丧葬补助金申请', { channels: ['selfService', 'assistRequest'], form: fixtureForm }),
      matter(13, '老年优待证办理', {
        channels: ['selfService', 'assistRequest'],
        form: fixtureForm,
        aliases: ['老年证'],
      }),
      matter(18, '最低生活保障', { aliases: ['低保', '吃低保'] }),
      matter(22, '社保'),
    ],
    lifeEvents: [
      {
        id: 'bereavement',
        name: '亲人身后一件事',
        description: '一次办理注销和丧葬补助金。',
        matterCodes: ['370784-CJ-004', '370784-CJ-002'],
      },
      {
        id: 'elderlyCare',
        name: '老年人优待一件事',
        description: '优待证和低保。',
        matterCodes: ['370784-CJ-013', '370784-CJ-018'],
      },
    ],
  };
}

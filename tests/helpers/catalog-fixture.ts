import type { MatterForm } from '../../platform/contract/forms';
import type { Catalog, Guide } from '../../platform/contract/catalog';

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

export function catalogFixture(version = '2026.11.20-1'): Catalog {
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

/**
 * The fixture as self-service applications need it: three self-service matters (one with two
 * required materials, one without a guide) and a guide-only one.
 */
export function applicationCatalog(): Catalog {
  const base = catalogFixture();
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

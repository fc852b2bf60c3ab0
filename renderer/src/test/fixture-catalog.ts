import type {
  CatalogOverview,
  CatalogQuery,
  CatalogStatus,
  KioskInfo,
  MatterDetail,
  MatterSummary,
} from '../../../core/api/contract';
import type { Department, Guide, Matter, Theme } from '../../../platform/contract/catalog';
import { kioskInfoFixture } from '../../../tests/helpers/kiosk-info-fixture';

/** The kiosk the renderer tests run on: the same one the host tests use. */
export const fixtureInfo: KioskInfo = kioskInfoFixture;

/** A full guide: every section has something in it, so every section has something to check. */
export const fullGuide: Guide = {
  isSample: true,
  summary: '年满60周岁的老年人可申请办理老年优待证。',
  basicInfo: {
    matterType: '公共服务',
    implementingAgency: '安丘市民政局',
    acceptingBody: '村便民服务站',
    servedParties: '自然人',
  },
  placesAndHours: [
    { name: '东埠村便民服务站', address: '党群服务中心一楼', hours: '周一至周五 8:30-17:30', phone: '0536-4000123' },
  ],
  conditions: ['年满60周岁', '具有本市户籍'],
  materials: [
    { name: '居民身份证', required: true, originals: 1, copies: 2, format: 'paper', source: '申请人自备' },
    {
      name: '一寸免冠照片',
      required: false,
      originals: 0,
      copies: 1,
      format: 'paperOrElectronic',
      source: '照相馆',
      note: '可现场拍摄',
    },
  ],
  specialSteps: [{ name: '公示', timeLimit: '7个自然日', countsTowardLimit: false, note: '在村务公开栏公示' }],
  process: [
    { title: '申请', description: '持身份证到便民服务站提出申请' },
    { title: '审核', description: '工作人员当场审核' },
    { title: '办结', description: '当场制证发放' },
  ],
  fees: { charged: false, description: '不收费' },
  legalBasis: ['《中华人民共和国老年人权益保障法》'],
  faq: [{ question: '外地老人能办吗？', answer: '持本市居住证的可以办理。' }],
  promise: { legalWorkingDays: null, promisedWorkingDays: 0, note: '材料齐全当场办结' },
  visitsNeeded: 1,
  contact: { consultPhone: '0536-4000200', complaintPhone: '12345' },
};

const officialGuide: Guide = {
  ...fullGuide,
  isSample: false,
  summary: '符合条件的困难家庭可申请临时救助。',
  materials: [],
  specialSteps: [],
  faq: [],
  promise: { legalWorkingDays: 20, promisedWorkingDays: 10 },
  visitsNeeded: 0,
};

export const themes: Theme[] = [
  { id: 'elderly', name: '老年人服务', order: 1 },
  { id: 'socialAssistance', name: '社会救助', order: 2 },
  { id: 'legal', name: '法律服务与调解', order: 3 },
  { id: 'housing', name: '住房与宅基地', order: 4 },
];

export const departments: Department[] = [
  { code: 'MZJ', name: '安丘市民政局', phone: '0536-4000200' },
  { code: 'SFJ', name: '安丘市司法局' },
];

export const matters: Matter[] = [
  {
    code: '370784-CJ-013',
    version: 3,
    seq: 13,
    name: '老年优待证办理',
    serviceKind: 'assistedAcceptance',
    caseType: 'instant',
    promisedWorkingDays: null,
    handling: 'onSite',
    channels: ['selfService', 'assistRequest'],
    themeIds: ['elderly'],
    departmentCode: 'MZJ',
    crossVillage: true,
    guide: fullGuide,
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
    guide: officialGuide,
  },
  {
    code: '370784-CJ-021',
    version: 1,
    seq: 21,
    name: '最低生活保障',
    serviceKind: 'approvalAgency',
    caseType: 'promised',
    promisedWorkingDays: 25,
    handling: 'assisted',
    channels: ['assistRequest'],
    themeIds: ['socialAssistance'],
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
];

export const CATALOG_VERSION = '2026.11.20-1';

function summary(matter: Matter): MatterSummary {
  const { guide, ...rest } = matter;
  return { ...rest, hasGuide: guide !== null };
}

/** What the host's catalog.overview answers for the fixture: counted the way core counts. */
export function overview(): CatalogOverview {
  const kinds = ['approvalAgency', 'directQuery', 'consultation', 'assistedAcceptance'] as const;
  return {
    version: CATALOG_VERSION,
    region: { code: '370784', name: '安丘市' },
    matterCount: matters.length,
    serviceKinds: kinds
      .map((kind) => ({ kind, count: matters.filter((m) => m.serviceKind === kind).length }))
      .filter((entry) => entry.count > 0),
    themes: themes.map((theme) => ({ ...theme, count: matters.filter((m) => m.themeIds.includes(theme.id)).length })),
    handlings: (['onSite', 'assisted', 'convenience'] as const).map((handling) => ({
      handling,
      count: matters.filter((m) => m.handling === handling).length,
    })),
    departments: departments.map((d) => ({ ...d, count: matters.filter((m) => m.departmentCode === d.code).length })),
  };
}

/** catalog.list over the fixture, with core's filter semantics (every given filter must match). */
export function list(query: CatalogQuery): { total: number; matters: MatterSummary[] } {
  const found = matters.filter(
    (m) =>
      (!query.serviceKind || m.serviceKind === query.serviceKind) &&
      (!query.themeId || m.themeIds.includes(query.themeId)) &&
      (!query.handling || m.handling === query.handling) &&
      (!query.caseType || m.caseType === query.caseType) &&
      (!query.departmentCode || m.departmentCode === query.departmentCode),
  );
  return { total: found.length, matters: found.map(summary) };
}

export function detail(code: string): MatterDetail | null {
  const matter = matters.find((m) => m.code === code);
  if (!matter) return null;
  return {
    ...matter,
    catalogVersion: CATALOG_VERSION,
    department: departments.find((d) => d.code === matter.departmentCode) ?? null,
    themes: themes.filter((t) => matter.themeIds.includes(t.id)),
  };
}

export const NOW = new Date('2026-11-20T10:00:00+08:00');

/** A healthy status: confirmed three minutes before NOW. */
export function status(overrides: Partial<CatalogStatus> = {}): CatalogStatus {
  return {
    version: CATALOG_VERSION,
    publishedAt: '2026-11-20T09:00:00+08:00',
    storedAt: '2026-11-20T09:30:00+08:00',
    confirmedAt: '2026-11-20T09:57:00+08:00',
    matterCount: matters.length,
    platform: 'reachable',
    lastError: null,
    stale: false,
    ...overrides,
  };
}

export const emptyStatus: CatalogStatus = {
  version: null,
  publishedAt: null,
  storedAt: null,
  confirmedAt: null,
  matterCount: 0,
  platform: 'unreachable',
  lastError: 'connect ECONNREFUSED',
  stale: false,
};

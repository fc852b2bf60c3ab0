import type { Catalog, Matter } from '../../contract/catalog';

/**
 * A small catalog for tests that must not depend on the seeded one (platform/seed): two themes,
 * one department, three matters, one with a full guide. `version` lets tests publish a second one.
 */

const matter = (seq: number, overrides: Partial<Matter> = {}): Matter => ({
  code: `TEST-${String(seq).padStart(3, '0')}`,
  version: 1,
  seq,
  name: `测试事项${seq}`,
  serviceKind: 'approvalAgency',
  caseType: 'instant',
  promisedWorkingDays: null,
  handling: 'onSite',
  channels: ['selfService'],
  themeIds: ['socialSecurity'],
  departmentCode: 'RSJ',
  crossVillage: false,
  guide: null,
  // Self-service matters need their application form (申请表).
  form: [{ name: 'phone', label: '联系电话', kind: 'phone', required: true, prefillFrom: null, rememberable: true }],
  ...overrides,
});

export function catalogFixture(version = 'test-1', publishedAt = '2026-01-01T00:00:00+08:00'): Catalog {
  return {
    version,
    publishedAt,
    region: { code: '370784', name: '安丘市' },
    themes: [
      { id: 'socialSecurity', name: '社会保障', order: 1 },
      { id: 'civilAffairs', name: '民政服务', order: 2 },
    ],
    departments: [{ code: 'RSJ', name: '人力资源和社会保障局', phone: '0536-4390100' }],
    lifeEvents: [],
    matters: [
      matter(1),
      matter(2, {
        caseType: 'promised',
        promisedWorkingDays: 5,
        handling: 'assisted',
        channels: ['assistRequest'],
        themeIds: ['civilAffairs'],
      }),
      matter(3, {
        guide: {
          isSample: true,
          summary: '测试用的办事指南。',
          basicInfo: {
            matterType: '公共服务',
            implementingAgency: '安丘市人力资源和社会保障局',
            acceptingBody: '村便民服务站',
            servedParties: '自然人',
          },
          placesAndHours: [{ name: '村便民服务站', address: '村委会', hours: '工作日 8:30-17:00' }],
          conditions: ['本村居民'],
          materials: [
            {
              name: '居民身份证',
              required: true,
              originals: 1,
              copies: 0,
              format: 'paper',
              source: '申请人自备',
            },
          ],
          specialSteps: [],
          process: [{ title: '受理', description: '村便民服务站受理' }],
          fees: { charged: false, description: '不收费' },
          legalBasis: ['测试依据'],
          faq: [],
          promise: { legalWorkingDays: null, promisedWorkingDays: 0 },
          visitsNeeded: 1,
          contact: { consultPhone: '0536-4390100', complaintPhone: '12345' },
        },
      }),
    ],
  };
}

import type { Catalog, Matter } from '../../../platform/contract/catalog';
import { fixtureGuide } from '../../../tests/helpers/catalog-fixture';

/**
 * A small catalog for the find tests, with names of the Anqiu list chosen for how they search:
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

const form: Matter['form'] = [
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

export function findCatalogFixture(version = 'find-1'): Catalog {
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
        form,
        guide: fixtureGuide,
      }),
      matter(3, '被征地农民参加城乡居民基本养老保险社保补贴'),
      matter(4, '居民基本养老保险丧葬补助金申请', { channels: ['selfService', 'assistRequest'], form }),
      matter(13, '老年优待证办理', { channels: ['selfService', 'assistRequest'], form, aliases: ['老年证'] }),
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

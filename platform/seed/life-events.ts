/**
 * Life events (一件事) bundling matters of the seed list: "一件事一次办" — a resident whose
 * situation needs several matters applies for them together. **Our bundles**, built only from
 * matters on the Anqiu list, by seq; the catalog builder turns seqs into codes and refuses a seq
 * that is not listed. Some bundles hold matters that cannot be submitted at the kiosk, on purpose:
 * the kiosk then says which ones need the window.
 */
export interface SeedLifeEvent {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly seqs: readonly number[];
}

export const SEED_LIFE_EVENTS: readonly SeedLifeEvent[] = [
  {
    id: 'residentInsurance',
    name: '城乡居民参保一件事',
    description: '一次登记城乡居民基本养老保险和城乡居民基本医疗保险，适合新落户、刚成年或返乡的居民。',
    seqs: [2, 9],
  },
  {
    id: 'elderlyCare',
    name: '老年人优待一件事',
    description: '老人年满60周岁办理老年优待证，年满80周岁申领高龄补贴，家庭经济困难的还可申请生活补贴。',
    // 22 经济困难老年人生活补贴 needs a household survey, so it stays at the window.
    seqs: [13, 14, 22],
  },
  {
    id: 'disabilitySubsidies',
    name: '残疾人两项补贴一件事',
    description: '重度残疾人护理补贴和困难残疾人生活补贴一次申请，由民政部门统一审核。',
    seqs: [24, 25],
  },
  {
    id: 'bereavement',
    name: '亲人身后一件事',
    description: '亲人去世后，一次办理居民养老保险注销登记和丧葬补助金申请。',
    seqs: [7, 4],
  },
];

import { COMPLAINT_PHONE, TOWN_CENTRE, VILLAGE_STATION, cityHall } from './common';
import type { SeedGuide } from './seed-guide';

export const longevityAllowance: SeedGuide = {
  seq: 14,
  matterName: '80周岁以上老年人高龄补贴',
  guide: {
    isSample: true,
    summary:
      '户口在本市、年满80周岁的老人，可以按月领高龄补贴。老人自己或子女带身份证、户口簿和银行卡到村便民服务站申请，村里帮您报到镇里和市民政局，批下来以后每月打到卡上。',
    basicInfo: {
      matterType: '行政给付',
      implementingAgency: '安丘市民政局',
      acceptingBody: '村（社区）便民服务站代办，镇（街道）便民服务中心受理',
      servedParties: '自然人：本市户籍、年满80周岁的老年人',
    },
    placesAndHours: [VILLAGE_STATION, TOWN_CENTRE, cityHall('民政窗口')],
    conditions: [
      '本市户籍',
      '年满80周岁（快满80岁的，可以先到村里问好材料，满80周岁后申请）',
      '没有在别的地方领取高龄补贴',
    ],
    materials: [
      {
        name: '老人的居民身份证',
        required: true,
        originals: 1,
        copies: 1,
        format: 'paper',
        source: '公安机关',
      },
      {
        name: '老人的居民户口簿',
        required: true,
        originals: 1,
        copies: 1,
        format: 'paper',
        source: '公安机关',
        note: '复印户主页和老人本人页',
      },
      {
        name: '老人本人的银行卡、存折或社会保障卡（金融账户）',
        required: true,
        originals: 0,
        copies: 1,
        format: 'paperOrElectronic',
        source: '老人自备',
        note: '补贴打到老人本人名下的账户',
      },
      {
        name: '代办人的居民身份证',
        required: false,
        originals: 1,
        copies: 1,
        format: 'paper',
        source: '公安机关',
        note: '只有子女或其他人代办时需要',
      },
    ],
    specialSteps: [],
    process: [
      { title: '申请', description: '到村便民服务站交材料，或在自助终端上读取身份证、扫描材料提交。' },
      {
        title: '村里代办',
        description: '村代办员核对老人年龄和户籍，确认老人健在、不在外地重复领取，报送镇（街道）。',
      },
      { title: '审核审批', description: '镇（街道）审核后报市民政局审批。' },
      { title: '按月发放', description: '批准后从下个月起，每月把补贴打到老人的卡上。' },
    ],
    fees: { charged: false, description: '不收费。' },
    legalBasis: ['《中华人民共和国老年人权益保障法》', '山东省、潍坊市及安丘市关于高龄津贴（补贴）的现行规定'],
    faq: [
      {
        question: '每月能领多少？',
        answer: '按本市规定的标准发放，岁数越大标准越高。具体标准请问村便民服务站或拨打咨询电话。',
      },
      {
        question: '老人卧床，自己来不了，怎么办？',
        answer: '子女带齐材料来代办就行；家里没人能来的，打电话给村便民服务站，工作人员可以上门帮办。',
      },
      {
        question: '领上以后还要做什么？',
        answer:
          '每年要做一次领取资格认证，证明老人健在，可以在手机上"刷脸"认证，也可以请村里工作人员帮忙。老人去世后，家属要及时告诉村里停发，多领的钱要退回。',
      },
    ],
    promise: { legalWorkingDays: null, promisedWorkingDays: 15, note: '从镇（街道）受理之日起计算' },
    visitsNeeded: 1,
    contact: { consultPhone: '0536-4221875', complaintPhone: COMPLAINT_PHONE },
  },
};

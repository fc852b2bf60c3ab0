import { COMPLAINT_PHONE, TOWN_CENTRE, VILLAGE_STATION } from './common';
import type { SeedGuide } from './seed-guide';

export const medicalInsuranceContribution: SeedGuide = {
  seq: 10,
  matterName: '城乡居民基本医疗保险征缴',
  guide: {
    isSample: true,
    summary:
      '参加城乡居民医保的人，每年要缴一次医保费，缴的是下一年看病报销的钱。每年秋冬有集中缴费时间，可以在手机上缴，也可以带身份证到村便民服务站请工作人员帮着缴。一家人可以一起缴。',
    basicInfo: {
      matterType: '公共服务',
      implementingAgency: '安丘市医疗保障局（医保费由税务部门征收）',
      acceptingBody: '村（社区）便民服务站',
      servedParties: '自然人：已登记参加城乡居民基本医疗保险的人员',
    },
    placesAndHours: [
      VILLAGE_STATION,
      TOWN_CENTRE,
      {
        name: '手机缴费',
        address: '微信或支付宝中的医保（社保费）缴费入口、"爱山东"手机APP、合作银行的手机银行',
        hours: '集中缴费期内全天可缴；集中缴费期一般从每年秋季开始，起止时间以当年通知为准',
      },
    ],
    conditions: [
      '已经登记参加城乡居民基本医疗保险（还没登记的，先办"城乡居民基本医疗保险参保登记"）',
      '没有参加职工基本医疗保险',
    ],
    materials: [
      {
        name: '缴费人的居民身份证、社会保障卡或户口簿',
        required: true,
        originals: 1,
        copies: 0,
        format: 'paper',
        source: '公安机关或人力资源和社会保障部门',
        note: '给家里人一起缴时，带上每个人的证件或说出每个人的身份证号码',
      },
    ],
    specialSteps: [],
    process: [
      {
        title: '确认缴费金额',
        description:
          '每人每年的个人缴费标准由国家和省里统一公布，村里会贴通知。低保、特困等人员有政府资助，个人少缴或不缴。',
      },
      {
        title: '缴费',
        description: '自己在手机上缴；或者带证件到村便民服务站，工作人员帮您缴。请当面核对姓名和金额。',
      },
      { title: '确认成功', description: '缴费后可以在手机上或请工作人员帮您查询是否缴上。' },
    ],
    fees: {
      charged: false,
      description: '办理不收手续费。缴的是医保费，按当年公布的个人缴费标准缴纳，任何人不得多收。',
    },
    legalBasis: [
      '《中华人民共和国社会保险法》',
      '《国务院关于整合城乡居民基本医疗保险制度的意见》（国发〔2016〕3号）',
      '《国务院办公厅关于健全基本医疗保险参保长效机制的指导意见》（国办发〔2024〕38号）',
    ],
    faq: [
      {
        question: '身体好、不常看病，为什么每年都要缴？',
        answer:
          '医保是大家一起出钱、谁生病给谁报。断缴以后再缴，要过一段"等待期"才能报销。连续缴满4年以后，每多缴一年，大病保险能报的最高额还会提高；当年没用医保报销的，第二年也会提高。',
      },
      {
        question: '家里老人不会用手机，怎么缴？',
        answer: '带上老人的身份证或社保卡到村便民服务站，工作人员当场帮您缴。行动不便的，可以打电话请工作人员上门。',
      },
      {
        question: '孩子在外地上学，在哪儿缴？',
        answer: '可以在学校所在地参保缴费，也可以在户口所在地缴，只能选一处，不要重复缴。',
      },
    ],
    promise: { legalWorkingDays: null, promisedWorkingDays: 0, note: '即办件，当场缴费当场办结' },
    visitsNeeded: 0,
    contact: { consultPhone: '0536-4262391', complaintPhone: COMPLAINT_PHONE },
  },
};

import { COMPLAINT_PHONE, TOWN_CENTRE, VILLAGE_STATION, cityHall } from './common';
import type { SeedGuide } from './seed-guide';

export const medicalInsuranceEnrolment: SeedGuide = {
  seq: 9,
  matterName: '城乡居民基本医疗保险参保登记',
  guide: {
    isSample: true,
    summary:
      '没有参加职工医保的村民（包括老人、孩子、学生和刚出生的婴儿），可以参加城乡居民医保，看病住院能报销。第一次参保要先登记，登记后每年按时缴费。带身份证或户口簿到村便民服务站就能办。',
    basicInfo: {
      matterType: '公共服务',
      implementingAgency: '安丘市医疗保障局',
      acceptingBody: '村（社区）便民服务站、镇（街道）便民服务中心',
      servedParties: '自然人：未参加职工基本医疗保险的城乡居民，包括新生儿、未成年人和在校学生',
    },
    placesAndHours: [VILLAGE_STATION, TOWN_CENTRE, cityHall('医保综合窗口')],
    conditions: [
      '户口在本市；户口不在本市但持有本市居住证的，也可以在本市参保',
      '没有参加职工基本医疗保险，也没有在外地参加居民医保（不能重复参保）',
    ],
    materials: [
      {
        name: '居民身份证或居民户口簿',
        required: true,
        originals: 1,
        copies: 0,
        format: 'paper',
        source: '公安机关',
        note: '孩子没有身份证的带户口簿',
      },
      {
        name: '出生医学证明',
        required: false,
        originals: 1,
        copies: 0,
        format: 'paper',
        source: '出生的医院',
        note: '只有新生儿还没落户口时需要',
      },
      {
        name: '居住证',
        required: false,
        originals: 1,
        copies: 0,
        format: 'paper',
        source: '公安机关',
        note: '只有外地户口在本市参保时需要',
      },
    ],
    specialSteps: [],
    process: [
      { title: '提出登记', description: '到村便民服务站，或在自助终端上选本事项并读取身份证。' },
      { title: '核对信息', description: '查询是否已在别处参保，核对姓名、身份证号和联系电话。' },
      { title: '登记完成', description: '当场登记完成。' },
      {
        title: '缴费',
        description: '登记后缴纳当年（或下一年）的医保费，缴费办法见"城乡居民基本医疗保险征缴"的指南。',
      },
    ],
    fees: { charged: false, description: '登记不收费。' },
    legalBasis: [
      '《中华人民共和国社会保险法》',
      '《国务院关于整合城乡居民基本医疗保险制度的意见》（国发〔2016〕3号）',
      '《国务院办公厅关于健全基本医疗保险参保长效机制的指导意见》（国办发〔2024〕38号）',
    ],
    faq: [
      {
        question: '刚出生的孩子怎么参保？',
        answer:
          '孩子出生后尽早带出生医学证明（或户口簿）来登记缴费。在规定时间内（一般是出生后90天内）参保缴费的，从出生那天起看病就能报销，具体以本市规定为准。',
      },
      {
        question: '错过了每年的集中缴费时间，还能参保吗？',
        answer:
          '能，但现在的政策是：错过集中参保时间或者断缴后再参保的，要过一段"等待期"才能报销，断缴越久等得越长。所以最好每年按时缴。',
      },
      {
        question: '我在外地打工，单位给交职工医保，家里还要给我交居民医保吗？',
        answer: '不用，也不能重复参保，重复缴的钱还要办退费。家里的老人和孩子没有职工医保的，照常参加居民医保。',
      },
    ],
    promise: { legalWorkingDays: null, promisedWorkingDays: 0, note: '即办件，资料齐全的当场登记' },
    visitsNeeded: 1,
    contact: { consultPhone: '0536-4262391', complaintPhone: COMPLAINT_PHONE },
  },
};

import { COMPLAINT_PHONE, TOWN_CENTRE, VILLAGE_STATION } from './common';
import type { SeedGuide } from './seed-guide';

export const pensionContribution: SeedGuide = {
  seq: 1,
  matterName: '城乡居民基本养老保险征缴',
  guide: {
    isSample: true,
    summary:
      '已经参加城乡居民养老保险、还不到60岁的村民，每年要缴一次养老保险费。缴的钱存进自己的养老账户，政府再给补贴，缴得越多、缴得越久，60岁以后每月领的养老金越多。可以在手机上缴，也可以带身份证到村便民服务站请工作人员帮着缴。',
    basicInfo: {
      matterType: '公共服务',
      implementingAgency: '安丘市人力资源和社会保障局（养老保险费由税务部门征收）',
      acceptingBody: '村（社区）便民服务站',
      servedParties: '自然人：已参加城乡居民基本养老保险、年满16周岁不满60周岁的城乡居民',
    },
    placesAndHours: [
      VILLAGE_STATION,
      TOWN_CENTRE,
      {
        name: '手机缴费',
        address: '微信或支付宝中的社保费缴费入口、"爱山东"手机APP、合作银行的手机银行',
        hours: '全天可缴；每年的集中缴费时间以村里的通知为准',
      },
    ],
    conditions: [
      '已经参加城乡居民基本养老保险（还没参加的，先办"城乡居民基本养老保险参保登记"）',
      '年满16周岁、不满60周岁；在校学生不参加',
      '没有参加职工基本养老保险（同一时间只能参加一种养老保险）',
    ],
    materials: [
      {
        name: '居民身份证或社会保障卡',
        required: true,
        originals: 1,
        copies: 0,
        format: 'paper',
        source: '公安机关（身份证）或人力资源和社会保障部门（社保卡）',
        note: '给家里人代缴的，带上被缴费人的身份证或告诉工作人员他的身份证号码即可',
      },
    ],
    specialSteps: [],
    process: [
      {
        title: '选缴费档次',
        description: '从当年公布的缴费档次里选一档。档次每年都能重新选，选高一点的档次，将来领得多，政府补贴也多。',
      },
      {
        title: '缴费',
        description:
          '自己在手机上缴；或者带身份证到村便民服务站，工作人员帮您在手机或电脑上缴。请当面确认姓名、身份证号和金额无误。',
      },
      {
        title: '查到账',
        description: '缴费后一般几天内到账，可以在"爱山东"APP或社保卡上查询，也可以请村里的工作人员帮您查。',
      },
    ],
    fees: {
      charged: false,
      description:
        '办理不收任何手续费。您缴的养老保险费全部存进您自己的养老账户，不是手续费。任何人以"代缴"为名多收钱，请拨打12345投诉。',
    },
    legalBasis: [
      '《中华人民共和国社会保险法》',
      '《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）',
    ],
    faq: [
      {
        question: '今年缴哪一档合适？',
        answer:
          '量力而行。缴得多、缴得年头长，将来领得多，政府补贴也按档次往上加。每年可以重新选档，今年手头紧可以先选低一档，以后再往上调。',
      },
      {
        question: '前几年没缴，现在还能接着缴吗？',
        answer:
          '能，接着按年缴就行。没缴的年份一般不能随时补；等到满60岁时累计缴费不够15年的，可以按规定补缴。具体怎么补，到时请问村里或镇社保所。',
      },
      {
        question: '家里有重度残疾人、低保户，也要自己缴吗？',
        answer: '重度残疾人等缴费困难的人，政府按规定替他缴最低一档的全部或部分费用。符合条件的，请到村里登记。',
      },
    ],
    promise: {
      legalWorkingDays: null,
      promisedWorkingDays: 0,
      note: '即办件，当场缴费当场办结',
    },
    visitsNeeded: 0,
    contact: { consultPhone: '0536-4387210', complaintPhone: COMPLAINT_PHONE },
  },
};

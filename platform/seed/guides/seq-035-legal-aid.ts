import { COMPLAINT_PHONE, OFFICE_HOURS, VILLAGE_STATION } from './common';
import type { SeedGuide } from './seed-guide';

export const legalAid: SeedGuide = {
  seq: 35,
  matterName: '法律援助',
  guide: {
    isSample: true,
    summary:
      '家里经济困难、请不起律师的人，遇到讨要工钱、赡养费、工伤或交通事故赔偿、社保待遇等官司，可以申请法律援助，由国家指派律师免费帮您打官司。村便民服务站可以帮您填表、收材料，转给市法律援助中心，也可以在自助终端上提交。',
    basicInfo: {
      matterType: '公共服务',
      implementingAgency: '安丘市司法局（安丘市法律援助中心）',
      acceptingBody: '安丘市法律援助中心受理，镇（街道）司法所、村（社区）便民服务站代为转交',
      servedParties: '自然人：经济困难的公民和符合法定条件的其他当事人',
    },
    placesAndHours: [
      VILLAGE_STATION,
      {
        name: '所在镇（街道）司法所（公共法律服务工作站）',
        address: '所在镇政府（街道办事处）驻地',
        hours: OFFICE_HOURS,
      },
      {
        name: '安丘市法律援助中心',
        address: '安丘市城区 市公共法律服务中心（具体位置可拨打本指南的咨询电话询问）',
        hours: OFFICE_HOURS,
      },
    ],
    conditions: [
      '经济困难（一般填写个人诚信承诺即可，不用到处开证明）；无固定生活来源的未成年人、老年人、残疾人，低保、特困等社会救助对象，讨要工钱或工伤赔偿的进城务工人员等，不用核查经济困难',
      '申请的事属于法律援助范围，例如：请求给付赡养费、抚养费、扶养费；请求支付劳动报酬或确认劳动关系；请求工伤、交通事故、医疗事故等人身损害赔偿；请求社会保险待遇或社会救助；请求国家赔偿等',
      '刑事案件的犯罪嫌疑人、被告人因经济困难没有委托辩护人的，本人或近亲属也可以申请',
    ],
    materials: [
      {
        name: '法律援助申请表',
        required: true,
        originals: 1,
        copies: 0,
        format: 'paper',
        source: '在村便民服务站、司法所或法律援助中心领取，也可以在自助终端上填写；不会写的，工作人员代填，您签字',
      },
      {
        name: '申请人的居民身份证',
        required: true,
        originals: 1,
        copies: 1,
        format: 'paper',
        source: '公安机关',
      },
      {
        name: '经济困难状况说明（个人诚信承诺书）',
        required: true,
        originals: 1,
        copies: 0,
        format: 'paper',
        source: '随申请表一起填写；低保、特困等人员带相关证件即可',
      },
      {
        name: '和这件事有关的材料',
        required: true,
        originals: 0,
        copies: 1,
        format: 'paper',
        source: '申请人自备：如欠条、工资条、劳动合同、事故认定书、病历、法院的起诉书或判决书等',
        note: '原件自己保管好，先交复印件；手里没有的，跟工作人员说明情况',
      },
      {
        name: '代理人的身份证明和代理关系证明',
        required: false,
        originals: 1,
        copies: 1,
        format: 'paper',
        source: '代理人自备（户口簿、委托书等）',
        note: '只有别人代为申请时需要',
      },
    ],
    specialSteps: [
      {
        name: '指派律师',
        timeLimit: '决定给予法律援助之日起3日内',
        countsTowardLimit: false,
        note: '法律援助中心决定给予援助后，指派律师或法律援助工作者，并告诉您他的联系方式',
      },
    ],
    process: [
      { title: '申请', description: '到村便民服务站、司法所或法律援助中心申请，也可以在自助终端上填表、扫描材料。' },
      { title: '转交受理', description: '村里、司法所收到后转交市法律援助中心。材料不全的，一次性告诉您补什么。' },
      { title: '审查决定', description: '法律援助中心审查后作出给不给援助的决定，书面通知您；不给的，写明理由。' },
      { title: '指派律师', description: '决定给予援助的，指派律师免费为您代理或辩护。' },
    ],
    fees: {
      charged: false,
      description:
        '法律援助不收任何费用，律师不得向您收钱收物。打官司时法院收的诉讼费不属于法律援助，可以向法院申请缓交、减交或免交。',
    },
    legalBasis: ['《中华人民共和国法律援助法》', '《办理法律援助案件程序规定》（司法部）'],
    faq: [
      {
        question: '怎么证明我经济困难？',
        answer:
          '一般只要如实填写个人诚信承诺，法律援助中心会去核查，不用您自己到处开证明。低保户、特困人员等带上相关证件就行；讨要工钱的农民工不用证明经济困难。',
      },
      {
        question: '没批给我法律援助，怎么办？',
        answer: '可以向市司法局提出异议，司法局会审查并作出决定。您也可以先拨打12348公共法律服务热线咨询。',
      },
      {
        question: '请律师一分钱都不花吗？',
        answer: '法律援助律师不收您任何费用。法院的诉讼费不在法律援助范围内，可以向法院申请缓交、减交或免交。',
      },
    ],
    promise: {
      legalWorkingDays: null,
      promisedWorkingDays: 5,
      note: '《法律援助法》规定法律援助机构自收到申请之日起7日内（按日历天数）作出决定；本站承诺5个工作日内办结',
    },
    visitsNeeded: 1,
    contact: { consultPhone: '0536-4220148', complaintPhone: COMPLAINT_PHONE },
  },
};

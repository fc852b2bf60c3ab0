import { COMPLAINT_PHONE, OFFICE_HOURS, VILLAGE_STATION } from './common';
import type { SeedGuide } from './seed-guide';

export const legalConsultation: SeedGuide = {
  seq: 52,
  matterName: '法律咨询',
  guide: {
    isSample: true,
    summary:
      '遇到借钱不还、土地承包、婚姻家庭、赡养老人、工钱、邻里纠纷等法律上的事，可以免费问律师。每个村都有村（居）法律顾问，定期到村里坐班；平时也可以打12348公共法律服务热线。',
    basicInfo: {
      matterType: '公共服务',
      implementingAgency: '安丘市司法局',
      acceptingBody: '村（社区）便民服务站（村法律顾问）、镇（街道）司法所',
      servedParties: '自然人：任何有法律问题的群众',
    },
    placesAndHours: [
      {
        ...VILLAGE_STATION,
        hours: `${OFFICE_HOURS}；村法律顾问到村坐班的日子见本站公告栏`,
      },
      {
        name: '所在镇（街道）司法所（公共法律服务工作站）',
        address: '所在镇政府（街道办事处）驻地',
        hours: OFFICE_HOURS,
      },
      {
        name: '12348公共法律服务热线',
        address: '拨打电话12348（不用加区号），或登录12348中国法律服务网',
        hours: '热线全天接听',
        phone: '12348',
      },
    ],
    conditions: ['任何人都可以咨询，不需要条件'],
    materials: [
      {
        name: '和问题有关的材料',
        required: false,
        originals: 0,
        copies: 1,
        format: 'paperOrElectronic',
        source: '本人自备：合同、欠条、收据、承包合同、判决书、聊天记录等，手机拍的照片也行',
        note: '带上能让律师看得更明白；原件自己保管好',
      },
    ],
    specialSteps: [],
    process: [
      {
        title: '说明问题',
        description:
          '到村便民服务站找村法律顾问，或者在自助终端上提出帮办请求，留下电话和大概的事由，法律顾问给您回电话。',
      },
      { title: '律师解答', description: '法律顾问当面或打电话解答，告诉您该怎么办、去哪里办。' },
      {
        title: '后续帮助',
        description: '需要调解的，帮您联系人民调解；经济困难需要打官司的，帮您申请法律援助。',
      },
    ],
    fees: { charged: false, description: '法律咨询免费，村法律顾问不得向群众收费。' },
    legalBasis: [
      '《中华人民共和国法律援助法》',
      '《中共中央办公厅 国务院办公厅关于加快推进公共法律服务体系建设的意见》',
    ],
    faq: [
      {
        question: '问律师要花钱吗？',
        answer: '不花钱。村法律顾问和12348热线的咨询都是免费的。',
      },
      {
        question: '我说的事会不会被别人知道？',
        answer: '不会。律师对您说的情况要保密，您可以放心说实话，说得越清楚，律师越能帮上忙。',
      },
      {
        question: '腿脚不方便，能请律师上门吗？',
        answer:
          '可以在自助终端上提出帮办请求或者打电话给村便民服务站，对老年人、残疾人等行动不便的，法律顾问可以上门或者电话解答。',
      },
    ],
    promise: { legalWorkingDays: null, promisedWorkingDays: 0, note: '即办件，当场解答；复杂问题约定时间答复' },
    visitsNeeded: 0,
    contact: { consultPhone: '0536-4220148', complaintPhone: COMPLAINT_PHONE },
  },
};

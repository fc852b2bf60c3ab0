import { COMPLAINT_PHONE, TOWN_CENTRE, VILLAGE_STATION } from './common';
import type { SeedGuide } from './seed-guide';

export const seniorPreferentialCard: SeedGuide = {
  seq: 13,
  matterName: '老年优待证办理',
  guide: {
    isSample: true,
    summary:
      '年满60周岁的老人可以办老年优待证，凭证在乘车、逛公园景点、看病等方面享受优待。带身份证和一张照片到村便民服务站，当场就能办；也可以办电子优待证，存在手机里用。',
    basicInfo: {
      matterType: '公共服务',
      implementingAgency: '安丘市卫生健康局（市老龄工作委员会办公室）',
      acceptingBody: '村（社区）便民服务站、镇（街道）便民服务中心',
      servedParties: '自然人：年满60周岁的老年人',
    },
    placesAndHours: [
      VILLAGE_STATION,
      TOWN_CENTRE,
      {
        name: '电子优待证（手机办理）',
        address: '国家政务服务平台、"爱山东"等手机APP或小程序中的"老年人优待证"栏目',
        hours: '全天可申请',
      },
    ],
    conditions: ['年满60周岁', '户口在本市，或者常住在本市'],
    materials: [
      {
        name: '老人的居民身份证',
        required: true,
        originals: 1,
        copies: 0,
        format: 'paper',
        source: '公安机关',
        note: '子女代办的，带老人的身份证和代办人自己的身份证',
      },
      {
        name: '近期一寸免冠彩色照片',
        required: true,
        originals: 1,
        copies: 0,
        format: 'paperOrElectronic',
        source: '申请人自备，也可以在便民服务站或自助终端现场拍照',
      },
    ],
    specialSteps: [],
    process: [
      { title: '申请', description: '到村便民服务站，或在自助终端上选本事项，读取身份证，拍照或交照片。' },
      { title: '核对', description: '工作人员核对年龄和户籍（常住）信息。' },
      { title: '制证领证', description: '当场制作并发放优待证；需要统一制卡的，村里领回后通知您来拿，也可以送上门。' },
    ],
    fees: { charged: false, description: '办证不收费，照片可以在便民服务站免费拍。' },
    legalBasis: ['《中华人民共和国老年人权益保障法》', '《中共中央 国务院关于加强新时代老龄工作的意见》'],
    faq: [
      {
        question: '优待证能干什么用？',
        answer:
          '凭证可以享受乘坐公共交通、游览公园景区、到医院看病等方面的优待。各项优待的具体内容，以本市和各单位公布的为准，外地老人在本地也享受同样的优待。',
      },
      {
        question: '老人卧床出不了门，能不能别人代办？',
        answer: '可以。子女带老人的身份证和一张照片来代办；实在不方便的，请村里工作人员上门办理。',
      },
      {
        question: '优待证丢了怎么办？',
        answer: '带身份证到村便民服务站重新办理，不收费。已经办了电子优待证的，在手机上随时可以出示。',
      },
    ],
    promise: { legalWorkingDays: null, promisedWorkingDays: 0, note: '即办件，当场办结' },
    visitsNeeded: 1,
    contact: { consultPhone: '0536-4233560', complaintPhone: COMPLAINT_PHONE },
  },
};

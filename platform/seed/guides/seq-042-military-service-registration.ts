import { COMPLAINT_PHONE, OFFICE_HOURS, VILLAGE_STATION } from './common';
import type { SeedGuide } from './seed-guide';

export const militaryServiceRegistration: SeedGuide = {
  seq: 42,
  matterName: '兵役登记',
  guide: {
    isSample: true,
    summary:
      '每年12月31日以前年满18周岁的男青年，都要在当年6月30日以前做兵役登记，这是法律规定的义务，登记了不等于要去当兵。先在"全国征兵网"上登记，再带身份证到镇（街道）武装部现场确认。不会上网的，村便民服务站帮您登记。',
    basicInfo: {
      matterType: '公共服务',
      implementingAgency: '安丘市人民武装部（市征兵办公室）',
      acceptingBody: '镇（街道）人民武装部，村（社区）便民服务站协助',
      servedParties: '自然人：当年12月31日以前年满18周岁的男性公民',
    },
    placesAndHours: [
      {
        name: '全国征兵网（网上登记）',
        address: '全国征兵网 www.gfbzb.gov.cn，手机上也能打开',
        hours: '全天可登记；初次登记须在当年6月30日以前完成',
      },
      VILLAGE_STATION,
      {
        name: '所在镇（街道）人民武装部（现场确认）',
        address: '所在镇政府（街道办事处）驻地',
        hours: OFFICE_HOURS,
      },
    ],
    conditions: [
      '男性，当年12月31日以前年满18周岁（初次兵役登记）',
      '一般在户口所在地登记；在外上学、打工的，先在网上登记，再按户口所在地武装部的安排确认',
      '往年已经登记过、年龄还在征集范围内的，每年要在网上核对更新自己的登记信息',
    ],
    materials: [
      {
        name: '居民身份证',
        required: true,
        originals: 1,
        copies: 0,
        format: 'paper',
        source: '公安机关',
        note: '没有身份证的带户口簿',
      },
      {
        name: '男性公民兵役登记表',
        required: true,
        originals: 1,
        copies: 0,
        format: 'paper',
        source: '在全国征兵网上登记后打印；不方便打印的，村便民服务站可以免费帮您打印',
      },
      {
        name: '毕业证或学生证',
        required: false,
        originals: 1,
        copies: 0,
        format: 'paper',
        source: '就读或毕业的学校',
        note: '用来核对文化程度，有就带上',
      },
    ],
    specialSteps: [],
    process: [
      {
        title: '网上登记',
        description:
          '登录全国征兵网，用手机号注册，如实填写本人、家庭和学历信息。不会操作的，到村便民服务站请工作人员帮忙。',
      },
      { title: '打印登记表', description: '登记后打印《男性公民兵役登记表》。' },
      {
        title: '现场确认',
        description: '带身份证和登记表到镇（街道）武装部现场确认，工作人员核对信息，作出初步审查结论。',
      },
      { title: '完成登记', description: '确认后兵役登记完成。有参军意向的，可以接着在网上报名应征。' },
    ],
    fees: { charged: false, description: '兵役登记不收任何费用。' },
    legalBasis: ['《中华人民共和国兵役法》', '《征兵工作条例》'],
    faq: [
      {
        question: '我不想当兵，也要登记吗？',
        answer:
          '要。兵役登记是每个适龄男青年的法定义务，登记不等于参军，参不参军是另一回事。不按规定登记的，由政府责令限期改正，还可能受到处罚。',
      },
      {
        question: '我在外地上大学（打工），来不及回来怎么办？',
        answer: '先在全国征兵网上登记，再联系户口所在镇（街道）武装部，按他们的安排确认，不一定非要本人回来。',
      },
      {
        question: '女孩子想当兵，要做兵役登记吗？',
        answer: '女青年不用做初次兵役登记。想参军的，在征兵报名时间内到全国征兵网报名应征。',
      },
    ],
    promise: { legalWorkingDays: null, promisedWorkingDays: 0, note: '即办件，现场确认时当场办结' },
    visitsNeeded: 1,
    contact: { consultPhone: '0536-4391027', complaintPhone: COMPLAINT_PHONE },
  },
};

import { COMPLAINT_PHONE, TOWN_CENTRE, VILLAGE_STATION, cityHall } from './common';
import type { SeedGuide } from './seed-guide';

export const pensionEnrolment: SeedGuide = {
  seq: 2,
  matterName: '城乡居民基本养老保险参保登记',
  guide: {
    isSample: true,
    summary:
      '年满16周岁、没有参加职工养老保险的村民，可以在户口所在地参加城乡居民养老保险。登记一次就行，登记好以后每年缴费，满60岁按月领养老金。带身份证到村便民服务站就能办，也可以在自助终端上自己办。',
    basicInfo: {
      matterType: '公共服务',
      implementingAgency: '安丘市人力资源和社会保障局',
      acceptingBody: '村（社区）便民服务站、镇（街道）便民服务中心',
      servedParties: '自然人：年满16周岁（不含在校学生）、未参加职工基本养老保险的城乡居民',
    },
    placesAndHours: [VILLAGE_STATION, TOWN_CENTRE, cityHall('人社综合窗口')],
    conditions: [
      '年满16周岁，不是在校学生',
      '户口在本市（在户口所在地参保）',
      '没有参加职工基本养老保险，也没有在别的地方参加城乡居民养老保险（不能重复参保）',
    ],
    materials: [
      {
        name: '居民身份证',
        required: true,
        originals: 1,
        copies: 0,
        format: 'paper',
        source: '公安机关',
        note: '在自助终端办理时在高拍仪下拍摄正反两面即可，不用复印',
      },
      {
        name: '居民户口簿',
        required: false,
        originals: 1,
        copies: 0,
        format: 'paper',
        source: '公安机关',
        note: '身份证信息和户口信息对不上、或者身份证丢了正在补办时才需要',
      },
    ],
    specialSteps: [],
    process: [
      { title: '提出登记', description: '到村便民服务站说要参加居民养老保险，或者在自助终端上选本事项，读取身份证。' },
      {
        title: '核对信息',
        description: '工作人员（或终端）查询您有没有已经参加别的养老保险，核对姓名、身份证号、户籍地址和联系电话。',
      },
      { title: '登记完成', description: '信息录入社保系统，当场登记完成。同时选好缴费档次。' },
      { title: '缴费', description: '登记后按年缴费，具体办法见"城乡居民基本养老保险征缴"的指南。' },
    ],
    fees: { charged: false, description: '登记不收费。' },
    legalBasis: [
      '《中华人民共和国社会保险法》',
      '《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）',
      '《城乡养老保险制度衔接暂行办法》（人社部发〔2014〕17号）',
    ],
    faq: [
      {
        question: '我在外地打工，厂里给交着职工养老保险，还要在村里参加吗？',
        answer:
          '不用，也不能同时参加两种。以后不在厂里干了、职工养老保险断了，可以回来参加居民养老保险，两边的缴费可以按规定接续，不会白缴。',
      },
      {
        question: '孩子16岁了，还在上学，能给他登记吗？',
        answer: '在校学生不参加城乡居民养老保险。等毕业以后，没有参加职工养老保险的，再来登记。',
      },
      {
        question: '以前在外地参加过居民养老保险，回村后怎么办？',
        answer:
          '不要在本地重新登记，要办"居民基本养老保险关系转移"，把原来的账户转回来，缴费年限接着算。村便民服务站可以帮您办。',
      },
    ],
    promise: { legalWorkingDays: null, promisedWorkingDays: 0, note: '即办件，资料齐全的当场登记' },
    visitsNeeded: 1,
    contact: { consultPhone: '0536-4387210', complaintPhone: COMPLAINT_PHONE },
  },
};

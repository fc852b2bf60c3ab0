import { COMPLAINT_PHONE, TOWN_CENTRE, VILLAGE_STATION, cityHall } from './common';
import type { SeedGuide } from './seed-guide';

export const pensionFuneralGrant: SeedGuide = {
  seq: 4,
  matterName: '居民基本养老保险丧葬补助金申请',
  guide: {
    isSample: true,
    summary:
      '参加城乡居民养老保险的老人去世后，家属可以申请丧葬补助金，同时办理养老保险注销，领回个人账户里剩下的钱。家属带着死亡证明和身份证到村便民服务站交材料，由村里帮您报上去，不用跑镇里和市里。',
    basicInfo: {
      matterType: '行政给付',
      implementingAgency: '安丘市人力资源和社会保障局',
      acceptingBody: '村（社区）便民服务站代办，镇（街道）便民服务中心受理',
      servedParties: '自然人：已故城乡居民基本养老保险参保人的直系亲属或法定继承人',
    },
    placesAndHours: [VILLAGE_STATION, TOWN_CENTRE, cityHall('人社综合窗口')],
    conditions: [
      '去世的人生前参加了城乡居民基本养老保险，且符合本市丧葬补助金的发放条件（一般为已按月领取城乡居民养老金的人员）',
      '由去世人员的配偶、子女、父母等直系亲属或其他法定继承人申请',
      '去世人员的养老保险还没有办理注销',
    ],
    materials: [
      {
        name: '死亡证明',
        required: true,
        originals: 1,
        copies: 1,
        format: 'paper',
        source: '医疗机构出具的《居民死亡医学证明（推断）书》，或公安机关的户口注销证明，或殡仪馆的火化证明，任选一种',
      },
      {
        name: '去世人员的居民身份证或社会保障卡',
        required: true,
        originals: 1,
        copies: 0,
        format: 'paper',
        source: '家属保存',
        note: '身份证已交派出所注销的，带户口注销证明即可',
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
        name: '申请人与去世人员的关系证明',
        required: true,
        originals: 1,
        copies: 1,
        format: 'paper',
        source: '居民户口簿（在同一户口簿上的）；不在同一户口簿的，可用村（居）委会出具的亲属关系证明',
      },
      {
        name: '申请人本人的银行卡或社会保障卡（金融账户）',
        required: true,
        originals: 0,
        copies: 1,
        format: 'paperOrElectronic',
        source: '申请人自备',
        note: '补助金和账户余额打到这张卡上，请确认卡能正常使用',
      },
    ],
    specialSteps: [],
    process: [
      {
        title: '交材料',
        description:
          '家属到村便民服务站交材料（也可以在自助终端上扫描上传）。材料不全的，工作人员一次性告诉您还缺什么。',
      },
      { title: '村里代办', description: '村代办员核对材料，当天报送镇（街道）社保经办人员。' },
      { title: '审核', description: '镇（街道）初审，市社会保险经办机构审核，确认补助金额和账户余额。' },
      { title: '发放', description: '审核通过后，钱打到申请人的银行卡或社保卡上，村里会打电话告诉您。' },
    ],
    fees: { charged: false, description: '不收费。' },
    legalBasis: [
      '《中华人民共和国社会保险法》',
      '《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）',
      '山东省、潍坊市关于城乡居民基本养老保险丧葬补助金的现行规定',
    ],
    faq: [
      {
        question: '丧葬补助金能领多少钱？',
        answer: '按本市规定的标准一次性发放，具体金额请问村便民服务站或拨打本指南的咨询电话。',
      },
      {
        question: '老人去世后，卡上又收到了养老金，怎么办？',
        answer:
          '去世次月起的养老金不应再领，请不要取出来。办理时社保经办机构会从账户余额或补助金里扣回多发的部分，剩下的再发给家属。',
      },
      {
        question: '要不要另外办养老保险注销？',
        answer: '不用另跑一趟。申请丧葬补助金时同时办理注销登记，个人账户里剩下的钱按规定由继承人领取。',
      },
    ],
    promise: {
      legalWorkingDays: null,
      promisedWorkingDays: 10,
      note: '从镇（街道）受理之日起计算',
    },
    visitsNeeded: 1,
    contact: { consultPhone: '0536-4387210', complaintPhone: COMPLAINT_PHONE },
  },
};

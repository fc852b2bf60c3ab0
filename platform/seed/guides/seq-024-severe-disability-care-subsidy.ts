import { COMPLAINT_PHONE, OFFICE_HOURS, TOWN_CENTRE, VILLAGE_STATION } from './common';
import type { SeedGuide } from './seed-guide';

export const severeDisabilityCareSubsidy: SeedGuide = {
  seq: 24,
  matterName: '重度残疾人护理补贴',
  guide: {
    isSample: true,
    summary:
      '残疾等级为一级、二级，需要家人长期照顾的重度残疾人，可以申请护理补贴，每月发放，帮助家里负担照护的开销。先要有残疾人证。本人或家属到村便民服务站交材料，村里帮您报上去；也可以在自助终端上扫描材料提交。',
    basicInfo: {
      matterType: '行政给付',
      implementingAgency: '安丘市民政局（市残疾人联合会审核）',
      acceptingBody: '镇（街道）便民服务中心受理，村（社区）便民服务站代办',
      servedParties: '自然人：持有第二代残疾人证的本市户籍重度残疾人，或其监护人、委托的代办人',
    },
    placesAndHours: [
      VILLAGE_STATION,
      TOWN_CENTRE,
      {
        name: '安丘市残疾人联合会 服务窗口（办理残疾人证、残疾评定）',
        address: '安丘市城区 市残联服务大厅（具体位置可拨打本指南的咨询电话询问）',
        hours: OFFICE_HOURS,
      },
    ],
    conditions: [
      '本市户籍',
      '持有第二代《中华人民共和国残疾人证》，残疾等级为一级或二级，并且需要长期照护；本市将非重度的智力、精神残疾人等纳入补贴范围的，按本市规定执行',
      '没有享受工伤保险生活护理费等同类性质的护理补贴',
    ],
    materials: [
      {
        name: '残疾人两项补贴申请审批表',
        required: true,
        originals: 1,
        copies: 0,
        format: 'paper',
        source: '在村便民服务站或镇（街道）领取当场填写，也可以在自助终端上填写；工作人员可以代填，本人或监护人签字',
      },
      {
        name: '第二代《中华人民共和国残疾人证》',
        required: true,
        originals: 1,
        copies: 1,
        format: 'paper',
        source: '安丘市残疾人联合会',
      },
      {
        name: '残疾人的居民身份证或户口簿',
        required: true,
        originals: 1,
        copies: 1,
        format: 'paper',
        source: '公安机关',
      },
      {
        name: '残疾人本人的银行卡或社会保障卡（金融账户）',
        required: true,
        originals: 0,
        copies: 1,
        format: 'paperOrElectronic',
        source: '申请人自备',
      },
      {
        name: '代办人的居民身份证和委托书（或监护关系证明）',
        required: false,
        originals: 1,
        copies: 1,
        format: 'paper',
        source: '代办人自备；委托书可在村便民服务站领取',
        note: '只有家属或其他人代办时需要',
      },
    ],
    specialSteps: [
      {
        name: '残疾评定（办理残疾人证）',
        timeLimit: '按市残联安排的评定时间',
        countsTowardLimit: false,
        note: '还没有残疾人证或等级需要调整的，先到市残联申请，到指定医院做残疾评定，拿到残疾人证后再申请补贴',
      },
      {
        name: '入户核实',
        timeLimit: '必要时，在审核期间进行',
        countsTowardLimit: true,
        note: '工作人员到家里看看残疾人的照护情况',
      },
    ],
    process: [
      { title: '申请', description: '到村便民服务站交材料，或在自助终端上填写、扫描材料提交。' },
      { title: '初审', description: '镇（街道）受理并初审，材料不全的一次性告诉您缺什么。' },
      { title: '审核', description: '市残联审核残疾等级和照护情况。' },
      { title: '审定', description: '市民政局审定，不符合条件的书面告诉您理由。' },
      { title: '发放', description: '批准后按月打到残疾人本人的卡上。' },
    ],
    fees: { charged: false, description: '申请补贴不收费；残疾评定的费用按市残联的规定执行，困难群众可以申请减免。' },
    legalBasis: [
      '《中华人民共和国残疾人保障法》',
      '《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）',
    ],
    faq: [
      {
        question: '护理补贴和困难残疾人生活补贴能一起领吗？',
        answer:
          '能。家里是低保户的残疾人可以领生活补贴，重度残疾需要照护的可以领护理补贴，两项都符合的可以同时领，分别申请或一起申请都行。',
      },
      {
        question: '残疾人证快到期了，补贴会停吗？',
        answer: '残疾人证到期前要到市残联换证。证件过期没换的，补贴可能暂停，换好后请告诉村便民服务站。',
      },
      {
        question: '残疾人住进了养老院或福利院，还能领吗？',
        answer: '要看入住的机构和费用由谁负担，请如实告诉村里，由民政部门按规定确定是否继续发放。',
      },
    ],
    promise: {
      legalWorkingDays: null,
      promisedWorkingDays: 20,
      note: '从镇（街道）受理之日起计算，残疾评定时间不计算在内',
    },
    visitsNeeded: 1,
    contact: { consultPhone: '0536-4221875', complaintPhone: COMPLAINT_PHONE },
  },
};

import { COMPLAINT_PHONE, TOWN_CENTRE, VILLAGE_STATION } from './common';
import type { SeedGuide } from './seed-guide';

export const temporaryAssistance: SeedGuide = {
  seq: 20,
  matterName: '临时救助',
  guide: {
    isSample: true,
    summary:
      '家里突然遭了火灾、车祸，或者有人得了大病、花了大钱，一时生活过不下去的，可以申请临时救助，一次性给钱或给物。情况紧急的，先救助、后补手续。村便民服务站可以帮您申请。',
    basicInfo: {
      matterType: '行政给付',
      implementingAgency: '安丘市民政局（镇人民政府、街道办事处按规定审批）',
      acceptingBody: '镇（街道）便民服务中心受理，村（社区）便民服务站代办',
      servedParties: '自然人：遭遇突发困难的家庭或个人',
    },
    placesAndHours: [VILLAGE_STATION, { ...TOWN_CENTRE, name: '所在镇（街道）便民服务中心 社会救助窗口' }],
    conditions: [
      '因火灾、交通事故等意外事件，或家庭成员突发重大疾病等原因，基本生活暂时出现严重困难',
      '或者因教育、医疗等生活必需支出突然增加、超出家庭承受能力，基本生活暂时出现严重困难',
      '一般向户口所在地或经常居住地的镇（街道）申请；在外地遭遇急难的，也可以向急难发生地申请',
    ],
    materials: [
      {
        name: '临时救助申请书',
        required: true,
        originals: 1,
        copies: 0,
        format: 'paper',
        source: '在村便民服务站或镇（街道）领取当场填写；不会写的，工作人员代写，您签字或按手印',
      },
      {
        name: '申请人的居民身份证和户口簿',
        required: true,
        originals: 1,
        copies: 1,
        format: 'paper',
        source: '公安机关',
      },
      {
        name: '遭遇困难的证明材料',
        required: true,
        originals: 0,
        copies: 1,
        format: 'paper',
        source: '根据情况提供：医院诊断证明和医疗费票据、交通事故认定书、火灾事故证明等',
        note: '一时拿不全的先申请，后面再补',
      },
      {
        name: '家庭经济状况核对授权书',
        required: true,
        originals: 1,
        copies: 0,
        format: 'paper',
        source: '在村便民服务站领取，成年家庭成员签字',
      },
      {
        name: '申请人的银行卡或社会保障卡（金融账户）',
        required: true,
        originals: 0,
        copies: 1,
        format: 'paperOrElectronic',
        source: '申请人自备',
      },
    ],
    specialSteps: [
      {
        name: '紧急情况先行救助',
        timeLimit: '情况紧急的，当天或尽快',
        countsTowardLimit: false,
        note: '不救助就会有危险的，镇（街道）先给钱给物，事后再补办手续，不用等审批',
      },
      {
        name: '入户调查',
        timeLimit: '受理后尽快进行',
        countsTowardLimit: true,
        note: '镇（街道）和村里的工作人员到家里核实困难情况',
      },
    ],
    process: [
      { title: '申请', description: '本人或家人到村便民服务站说明情况，也可以由村干部代为提出申请。' },
      { title: '受理', description: '镇（街道）收下申请；情况紧急的，先行救助。' },
      { title: '调查核实', description: '入户调查，核对家庭经济状况。' },
      { title: '审批', description: '按困难程度确定救助金额或物品；不符合条件的，书面告诉您理由。' },
      { title: '发放', description: '救助金打到您的卡上，或者直接发放物品。' },
    ],
    fees: { charged: false, description: '不收任何费用。' },
    legalBasis: [
      '《社会救助暂行办法》（国务院令第649号）',
      '《国务院关于全面建立临时救助制度的通知》（国发〔2014〕47号）',
    ],
    faq: [
      {
        question: '我不是本地户口，在这里遇到急事能申请吗？',
        answer: '能。在外地遭遇急难、生活没着落的，可以向急难发生地的镇（街道）申请，也可以先到村便民服务站求助。',
      },
      {
        question: '临时救助能给多少？',
        answer:
          '按困难程度、困难持续的时间来定，一般是一次性发放，可以是钱也可以是米面油、衣被等物品。具体标准按本市规定执行。',
      },
      {
        question: '已经吃低保了，还能申请临时救助吗？',
        answer: '能。低保家庭遇到突发事件、生活出现新的严重困难的，也可以申请临时救助。',
      },
    ],
    promise: {
      legalWorkingDays: null,
      promisedWorkingDays: 15,
      note: '从镇（街道）受理之日起计算；紧急情况先行救助，不受此时限限制',
    },
    visitsNeeded: 1,
    contact: { consultPhone: '0536-4221875', complaintPhone: COMPLAINT_PHONE },
  },
};

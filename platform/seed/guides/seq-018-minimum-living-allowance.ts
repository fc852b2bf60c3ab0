import { COMPLAINT_PHONE, TOWN_CENTRE, VILLAGE_STATION } from './common';
import type { SeedGuide } from './seed-guide';

export const minimumLivingAllowance: SeedGuide = {
  seq: 18,
  matterName: '最低生活保障',
  guide: {
    isSample: true,
    summary:
      '一家人平均每月收入低于本地低保标准、家里财产也符合规定的，可以申请最低生活保障（低保），每月领低保金。以家庭为单位申请，村里的社会救助协理员会帮您填表、交材料、报到镇里，不用自己跑。',
    basicInfo: {
      matterType: '行政给付',
      implementingAgency: '安丘市民政局（审核确认权限可委托镇人民政府、街道办事处行使）',
      acceptingBody: '镇（街道）便民服务中心受理，村（社区）便民服务站代办',
      servedParties: '自然人：共同生活的家庭，由一名家庭成员作为申请人',
    },
    placesAndHours: [VILLAGE_STATION, { ...TOWN_CENTRE, name: '所在镇（街道）便民服务中心 社会救助窗口' }],
    conditions: [
      '户口在本市（在户口所在地的镇、街道申请；符合条件的，也可以在经常居住地申请）',
      '共同生活的家庭成员人均月收入低于本市最低生活保障标准',
      '家庭财产状况符合本市规定（例如存款、车辆、房产等不超过规定）',
      '家庭成员如实申报收入和财产，并同意有关部门查询核对',
    ],
    materials: [
      {
        name: '最低生活保障申请书',
        required: true,
        originals: 1,
        copies: 0,
        format: 'paper',
        source: '在村便民服务站或镇（街道）领取空白表格，当场填写；不会写的，工作人员帮您填，您签字或按手印',
      },
      {
        name: '家庭成员的居民身份证',
        required: true,
        originals: 1,
        copies: 1,
        format: 'paper',
        source: '公安机关',
        note: '每个家庭成员各一份',
      },
      {
        name: '居民户口簿',
        required: true,
        originals: 1,
        copies: 1,
        format: 'paper',
        source: '公安机关',
      },
      {
        name: '家庭经济状况核对授权书',
        required: true,
        originals: 1,
        copies: 0,
        format: 'paper',
        source: '在村便民服务站领取，每个成年家庭成员签字',
        note: '同意民政部门查询家里的存款、车辆、房产、社保等信息',
      },
      {
        name: '家庭收入和财产情况申报（承诺）表',
        required: true,
        originals: 1,
        copies: 0,
        format: 'paper',
        source: '在村便民服务站领取，如实填写并签字',
      },
      {
        name: '患病、残疾等证明',
        required: false,
        originals: 0,
        copies: 1,
        format: 'paper',
        source: '医院诊断证明、病历、残疾人证等',
        note: '家里有重病或残疾的人时提供，有助于如实认定家庭困难程度',
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
        name: '家庭经济状况信息核对',
        timeLimit: '与入户调查同时进行',
        countsTowardLimit: true,
        note: '民政部门通过信息系统查询存款、车辆、房产、工商、社保等信息',
      },
      {
        name: '入户调查',
        timeLimit: '受理后尽快进行',
        countsTowardLimit: true,
        note: '镇（街道）工作人员和村干部到家里看生活状况、核实收入，至少两人一起去',
      },
      {
        name: '公示',
        timeLimit: '7天',
        countsTowardLimit: true,
        note: '在村务公开栏公示审核意见，大家有不同意见可以提出，公示会保护您的个人隐私',
      },
    ],
    process: [
      { title: '申请', description: '到村便民服务站说明情况，协理员帮您填申请书、收材料，报到镇（街道）。' },
      { title: '受理', description: '镇（街道）收下材料；材料不全的，一次性告诉您缺什么。' },
      { title: '调查核对', description: '入户调查，同时查询家庭经济状况信息。' },
      { title: '公示', description: '在村里公示7天。' },
      { title: '审核确认', description: '符合条件的确认享受低保，确定每月发多少；不符合的书面告诉您理由。' },
      { title: '发放', description: '从批准的当月或次月起，每月把低保金打到您的卡上。' },
    ],
    fees: { charged: false, description: '不收任何费用。任何人以"帮忙办低保"为名要钱要物，请拨打12345举报。' },
    legalBasis: ['《社会救助暂行办法》（国务院令第649号）', '《最低生活保障审核确认办法》（民发〔2021〕57号）'],
    faq: [
      {
        question: '家里有人在外面打工，还能申请吗？',
        answer: '能申请，但打工的收入要算进家庭收入里，请如实说。全家人平均下来低于低保标准的，就符合收入条件。',
      },
      {
        question: '家里有车或者在城里买了房，能吃低保吗？',
        answer:
          '要看本市的家庭财产规定。一般来说，有小汽车（残疾人代步车等除外）、在城里买了商品房、存款超过规定的，不符合条件。具体请问镇（街道）社会救助窗口。',
      },
      {
        question: '没批下来，我不服怎么办？',
        answer:
          '镇（街道）或民政局会书面告诉您不批的理由。您不服的，可以依法申请行政复议或者提起行政诉讼，也可以拨打12345反映。',
      },
      {
        question: '吃上低保以后，家里情况变了要说吗？',
        answer: '要。家里人口、收入、财产有变化的，要及时告诉村里。民政部门也会定期复核，收入提高了会减发或停发。',
      },
    ],
    promise: {
      legalWorkingDays: 30,
      promisedWorkingDays: 30,
      note: '从镇（街道）受理之日起计算；情况复杂的，按规定可以延长',
    },
    visitsNeeded: 1,
    contact: { consultPhone: '0536-4221875', complaintPhone: COMPLAINT_PHONE },
  },
};

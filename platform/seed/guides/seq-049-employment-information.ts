import { COMPLAINT_PHONE, OFFICE_HOURS, TOWN_CENTRE, VILLAGE_STATION } from './common';
import type { SeedGuide } from './seed-guide';

export const employmentInformation: SeedGuide = {
  seq: 49,
  matterName: '提供就业信息',
  guide: {
    isSample: true,
    summary:
      '想找活干的村民，可以在村便民服务站和自助终端上看招工信息、公益性岗位、免费技能培训和创业扶持政策，不用登记、不收钱。看中了可以自己联系，也可以请工作人员帮您联系、帮您报名。',
    basicInfo: {
      matterType: '公共服务',
      implementingAgency: '安丘市人力资源和社会保障局（市公共就业和人才服务机构）',
      acceptingBody: '村（社区）便民服务站',
      servedParties: '自然人：有就业意愿的城乡劳动者',
    },
    placesAndHours: [
      {
        ...VILLAGE_STATION,
        name: '本村（社区）便民服务站 就业信息栏和自助服务终端',
      },
      { ...TOWN_CENTRE, name: '所在镇（街道）便民服务中心 劳动保障窗口' },
      {
        name: '安丘市公共就业和人才服务中心（招聘会、求职登记）',
        address: '安丘市城区（具体位置可拨打本指南的咨询电话询问）',
        hours: OFFICE_HOURS,
      },
    ],
    conditions: ['有找工作、参加培训或创业的意愿，谁都可以看，不需要任何条件'],
    materials: [
      {
        name: '居民身份证',
        required: false,
        originals: 1,
        copies: 0,
        format: 'paper',
        source: '公安机关',
        note: '只看信息不用带；想做求职登记、报名培训或公益性岗位时带上',
      },
    ],
    specialSteps: [],
    process: [
      { title: '查看信息', description: '在自助终端上查看就业信息，或看便民服务站的就业信息栏，按地方、工种查找。' },
      { title: '选中岗位', description: '记下单位名称和联系电话，也可以在终端上打印出来带走。' },
      { title: '联系报名', description: '自己打电话联系；不方便的，请工作人员帮您联系或者帮您报名培训。' },
    ],
    fees: {
      charged: false,
      description:
        '政府的公共就业服务全部免费。找工作时遇到要交押金、报名费、培训费的，一定要当心，可以打12333或12345问一问、反映。',
    },
    legalBasis: ['《中华人民共和国就业促进法》', '《就业服务与就业管理规定》'],
    faq: [
      {
        question: '年纪大了，有没有适合的活？',
        answer:
          '有。就业困难的大龄人员可以报名城乡公益性岗位，比如保洁、护林、巡查等，就近上班。符合条件的请到村便民服务站登记。',
      },
      {
        question: '想学门手艺，有没有免费培训？',
        answer:
          '人社部门每年都组织免费的职业技能培训，有的还给生活补贴。培训信息在终端上能看到，也可以请工作人员帮您报名。',
      },
      {
        question: '想回村创业，有什么扶持？',
        answer:
          '符合条件的可以申请创业担保贷款（有贴息）和一次性创业补贴等。具体条件请拨打咨询电话，或到镇劳动保障窗口问。',
      },
    ],
    promise: { legalWorkingDays: null, promisedWorkingDays: 0, note: '即办件，随时可查' },
    visitsNeeded: 0,
    contact: { consultPhone: '0536-4387210', complaintPhone: COMPLAINT_PHONE },
  },
};

import type { FormField, MatterForm } from '../contract/forms';

/**
 * The application forms (申请表) of the matters the kiosk offers for self-service. **Our sample
 * content**, like the guides: the questions a village window would ask, in the words on the paper
 * forms we know, not an official form. Identity fields are pre-filled from the ID card (the
 * resident may correct them); the phone and address may be offered again, with consent, from the
 * resident's earlier submission at this kiosk. One entry per seq; `matterName` repeats the
 * list's name so that a form filed under the wrong seq fails when the catalog is built.
 */
export interface SeedForm {
  readonly seq: number;
  readonly matterName: string;
  readonly form: MatterForm;
}

const options = (...labels: readonly string[]) => labels.map((label) => ({ value: label, label }));

// The fields almost every form opens with.
const applicantName: FormField = {
  name: 'applicantName',
  label: '申请人姓名',
  kind: 'text',
  required: true,
  maxLength: 64,
  prefillFrom: 'applicantName',
  rememberable: false,
};
const applicantSex: FormField = {
  name: 'applicantSex',
  label: '性别',
  kind: 'select',
  required: true,
  options: options('男', '女'),
  prefillFrom: 'applicantSex',
  rememberable: false,
};
const applicantAddress: FormField = {
  name: 'address',
  label: '住址',
  kind: 'text',
  required: true,
  maxLength: 120,
  prefillFrom: 'applicantAddress',
  rememberable: true,
  hint: '身份证上的住址已填好，现住址不同请修改',
};
const phone: FormField = {
  name: 'phone',
  label: '联系电话',
  kind: 'phone',
  required: true,
  prefillFrom: null,
  rememberable: true,
  hint: '办理结果会打这个电话通知您',
};
const birthDate: FormField = {
  name: 'birthDate',
  label: '出生日期',
  kind: 'date',
  required: true,
  prefillFrom: 'applicantBirthDate',
  rememberable: false,
};
const reason = (label = '申请事由', required = false): FormField => ({
  name: 'reason',
  label,
  kind: 'multiline',
  required,
  maxLength: 500,
  prefillFrom: null,
  rememberable: false,
});
const text = (name: string, label: string, extra: Partial<FormField> = {}): FormField => ({
  name,
  label,
  kind: 'text',
  required: true,
  maxLength: 64,
  prefillFrom: null,
  rememberable: false,
  ...extra,
});
const select = (name: string, label: string, choices: readonly string[], required = true): FormField => ({
  name,
  label,
  kind: 'select',
  required,
  options: options(...choices),
  prefillFrom: null,
  rememberable: false,
});
const date = (name: string, label: string, required = true): FormField => ({
  name,
  label,
  kind: 'date',
  required,
  prefillFrom: null,
  rememberable: false,
});
const bankAccount: FormField = text('bankAccount', '本人社会保障卡或银行卡号', {
  maxLength: 32,
  rememberable: true,
  hint: '补贴发放到这张卡',
});

const identity = [applicantName, applicantSex, applicantAddress, phone] as const;

const disabilityCategory = select('disabilityCategory', '残疾类别', [
  '视力残疾',
  '听力残疾',
  '言语残疾',
  '肢体残疾',
  '智力残疾',
  '精神残疾',
  '多重残疾',
]);
const disabilityCardNo = text('disabilityCardNo', '残疾人证号', { maxLength: 24, hint: '第二代残疾人证上的证号' });

export const SEED_FORMS: readonly SeedForm[] = [
  {
    seq: 2,
    matterName: '城乡居民基本养老保险参保登记',
    form: [
      ...identity,
      // Shandong's 城乡居民养老保险 contribution levels (元/年).
      select('contributionLevel', '参保档次', [
        '100元/年',
        '300元/年',
        '500元/年',
        '1000元/年',
        '2000元/年',
        '3000元/年',
        '4000元/年',
        '5000元/年',
      ]),
      select('paymentMethod', '缴费方式', ['银行代扣', '手机自助缴费', '到村便民服务站缴纳']),
      reason('备注'),
    ],
  },
  {
    seq: 4,
    matterName: '居民基本养老保险丧葬补助金申请',
    form: [
      ...identity,
      text('deceasedName', '逝者姓名'),
      { ...text('deceasedIdNumber', '逝者身份证号码'), kind: 'idNumber', maxLength: 18 },
      date('dateOfDeath', '死亡日期'),
      select('relationToDeceased', '与逝者关系', ['配偶', '子女', '父母', '其他亲属']),
      bankAccount,
    ],
  },
  {
    seq: 5,
    matterName: '居民基本养老保险信息变更',
    form: [
      ...identity,
      select('changedItem', '变更项目', ['姓名', '身份证号码', '户籍地址', '联系电话', '发放银行账户']),
      text('valueBefore', '变更前内容'),
      text('valueAfter', '变更后内容'),
      reason('变更原因', true),
    ],
  },
  {
    seq: 6,
    matterName: '居民基本养老保险中断',
    form: [
      ...identity,
      select('interruptionCause', '中断原因', ['参加职工基本养老保险', '服刑', '出国（境）定居', '其他']),
      date('interruptionDate', '中断日期'),
      reason(),
    ],
  },
  {
    seq: 7,
    matterName: '居民基本养老保险注销登记',
    form: [
      ...identity,
      text('insuredName', '参保人姓名', { hint: '为去世的亲人办理时，填写去世亲人的姓名' }),
      select('cancellationCause', '注销原因', ['参保人死亡', '出国（境）定居', '已参加职工基本养老保险', '其他']),
      date('cancellationDate', '注销原因发生日期'),
      select('relationToInsured', '申请人与参保人关系', ['本人', '配偶', '子女', '父母', '其他亲属']),
      bankAccount,
    ],
  },
  {
    seq: 8,
    matterName: '居民基本养老保险关系转移',
    form: [
      ...identity,
      text('transferFrom', '转出地（原参保地）', { maxLength: 64 }),
      text('transferTo', '转入地', { maxLength: 64 }),
      reason('转移原因'),
    ],
  },
  {
    seq: 9,
    matterName: '城乡居民基本医疗保险参保登记',
    form: [
      ...identity,
      select('insuredCategory', '参保人员类别', [
        '普通城乡居民',
        '中小学生和儿童',
        '新生儿',
        '低保对象',
        '特困人员',
        '重度残疾人',
      ]),
      { ...text('coverageYear', '参保年度'), kind: 'number', maxLength: 4, hint: '例如 2027' },
      reason('备注'),
    ],
  },
  {
    seq: 11,
    matterName: '城乡居民基本医疗保险暂停缴费',
    form: [
      ...identity,
      select('suspensionCause', '暂停原因', ['参加职工基本医疗保险', '应征入伍', '出国（境）定居', '其他']),
      date('suspensionDate', '暂停日期'),
      reason(),
    ],
  },
  {
    seq: 13,
    matterName: '老年优待证办理',
    form: [
      applicantName,
      applicantSex,
      birthDate,
      {
        name: 'nation',
        label: '民族',
        kind: 'text',
        required: true,
        maxLength: 16,
        prefillFrom: 'applicantNation',
        rememberable: false,
      },
      applicantAddress,
      phone,
      text('emergencyContact', '紧急联系人', { required: false, rememberable: true }),
      {
        name: 'emergencyPhone',
        label: '紧急联系人电话',
        kind: 'phone',
        required: false,
        prefillFrom: null,
        rememberable: true,
      },
    ],
  },
  {
    seq: 14,
    matterName: '80周岁以上老年人高龄补贴',
    form: [
      applicantName,
      applicantSex,
      birthDate,
      applicantAddress,
      phone,
      select('livingSituation', '居住情况', ['与子女同住', '老两口同住', '独居', '住养老机构']),
      bankAccount,
    ],
  },
  {
    seq: 24,
    matterName: '重度残疾人护理补贴',
    form: [
      ...identity,
      disabilityCardNo,
      disabilityCategory,
      select('disabilityGrade', '残疾等级', ['一级', '二级']),
      select('careArrangement', '护理方式', ['居家护理', '社区日间照料', '养老或托养机构集中护理']),
      bankAccount,
    ],
  },
  {
    seq: 25,
    matterName: '困难残疾人生活补贴',
    form: [
      ...identity,
      disabilityCardNo,
      disabilityCategory,
      select('disabilityGrade', '残疾等级', ['一级', '二级', '三级', '四级']),
      select('householdHardship', '家庭困难情况', ['低保家庭', '低保边缘家庭', '特困供养', '其他困难情形']),
      bankAccount,
    ],
  },
  {
    seq: 35,
    matterName: '法律援助',
    form: [
      ...identity,
      select('caseType', '案件类型', ['追索劳动报酬', '工伤赔偿', '婚姻家庭', '人身损害赔偿', '赡养抚养', '其他']),
      text('opposingParty', '对方当事人', { required: false, hint: '姓名或单位名称，不清楚可以不填' }),
      reason('案情简述', true),
      { ...reason('家庭经济困难情况'), name: 'hardship', required: true },
    ],
  },
  {
    seq: 47,
    matterName: '两癌筛查申报',
    form: [
      applicantName,
      birthDate,
      applicantAddress,
      phone,
      select('previousScreening', '以前是否做过两癌筛查', ['从未做过', '三年内做过', '三年前做过']),
      select('preferredTime', '希望检查时间', ['工作日上午', '工作日下午', '都可以']),
    ],
  },
  {
    seq: 54,
    matterName: '义工服务预约',
    form: [
      ...identity,
      select('serviceType', '需要的服务', ['助老助残', '家电维修', '理发', '环境清扫', '其他']),
      date('preferredDate', '希望服务日期'),
      reason('需求说明'),
    ],
  },
  {
    seq: 55,
    matterName: '邻里艺术团、文明讲师团等团体活动预约',
    form: [
      ...identity,
      select('troupe', '预约团体', ['邻里艺术团', '文明讲师团', '其他志愿服务团队']),
      date('eventDate', '活动日期'),
      text('eventPlace', '活动地点', { maxLength: 64 }),
      { ...text('attendance', '预计参加人数'), kind: 'number', maxLength: 4 },
      reason('活动内容', true),
    ],
  },
  {
    seq: 62,
    matterName: '处理、答复群众反映的合理诉求',
    form: [
      ...identity,
      select('requestCategory', '诉求类别', ['村务公开', '环境卫生', '道路与基础设施', '邻里关系', '其他']),
      reason('诉求内容', true),
      { ...reason('希望怎样处理'), name: 'expectedOutcome' },
    ],
  },
];

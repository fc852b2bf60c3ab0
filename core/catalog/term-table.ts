/**
 * Broad words residents use for a whole field, and the narrower words that name its matters:
 * 社保 means 养老保险 and 医疗保险 and more, 证明 means the matters that issue one. A search for a
 * broad word also finds every matter whose name or alias holds one of its narrower words (ranked
 * below matters that hold the word itself). General vocabulary of village services, not tied to
 * one catalog, so the kiosk keeps it; one level only (a narrower word is not expanded again).
 */
export interface BroadTerm {
  readonly term: string;
  readonly narrower: readonly string[];
}

export const BROAD_TERMS: readonly BroadTerm[] = [
  // 社会保险法: five insurances. Villagers' 社保 is mostly the residents' pension (农保, 居保) and medical insurance.
  {
    term: '社保',
    narrower: ['社会保险', '养老保险', '医疗保险', '失业保险', '工伤保险', '生育保险', '农保', '居保', '医保'],
  },
  { term: '社会保险', narrower: ['养老保险', '医疗保险', '失业保险', '工伤保险', '生育保险'] },
  // Since the 2018 reform 医保 covers insurance, 医疗救助 and 大病保险.
  { term: '医保', narrower: ['医疗保险', '医疗保障', '合作医疗', '新农合', '医疗救助', '大病保险'] },
  // The old names of today's residents' insurances still name the whole of each.
  { term: '农保', narrower: ['居民基本养老保险'] },
  { term: '居保', narrower: ['居民基本养老保险'] },
  { term: '合作医疗', narrower: ['居民基本医疗保险'] },
  { term: '新农合', narrower: ['居民基本医疗保险'] },
  { term: '养老', narrower: ['养老保险', '养老金', '农保', '居保', '高龄', '敬老'] },
  { term: '看病', narrower: ['医疗', '医保', '合作医疗', '新农合', '大病'] },
  // The station handles no 户籍 matter itself (that is the police station's), but moving one's
  // 户口 moves one's pension, insurance and party membership, which it does handle.
  { term: '户口', narrower: ['户籍', '落户', '迁户口', '迁入', '迁出', '迁移', '关系转移', '转关系'] },
  { term: '户籍', narrower: ['户口', '落户', '迁移', '关系转移'] },
  // Matters that end in a certificate, a stamp or a letter from the village.
  { term: '证明', narrower: ['开证明', '证明信', '介绍信', '盖章', '公章', '身份认定', '医学鉴定', '政审', '优待证'] },
  { term: '盖章', narrower: ['公章', '开证明', '证明信', '介绍信'] },
  { term: '残疾', narrower: ['残疾人', '病残', '伤残', '残疾证', '重残', '困残'] },
  { term: '补贴', narrower: ['补助', '津贴', '扶助', '奖励扶助', '长寿金', '救助'] },
  { term: '补助', narrower: ['补贴', '津贴', '扶助', '救助'] },
  { term: '救助', narrower: ['低保', '特困', '五保', '困难补助', '补助', '供养'] },
  { term: '困难', narrower: ['贫困', '困境', '低保', '特困', '救助'] },
  { term: '老人', narrower: ['老年', '高龄', '敬老', '优待证', '老兵', '孤寡'] },
  { term: '老年人', narrower: ['老年', '高龄', '老人', '敬老', '优待证'] },
  { term: '孩子', narrower: ['儿童', '孤儿', '病残儿', '子女', '学生'] },
  { term: '儿童', narrower: ['孤儿', '病残儿', '子女', '学生'] },
  { term: '计生', narrower: ['计划生育', '独生子女', '奖扶', '特扶', '避孕'] },
  { term: '计划生育', narrower: ['计生', '独生子女', '奖扶', '特扶'] },
  { term: '残联', narrower: ['残疾人', '残疾'] },
  { term: '党员', narrower: ['党组织', '党费', '党务', '入党'] },
  { term: '当兵', narrower: ['兵役', '征兵', '退役', '老兵', '军人'] },
  { term: '军人', narrower: ['兵役', '退役', '老兵', '士兵'] },
  { term: '种地', narrower: ['农业', '农作物', '耕地', '代耕', '农机', '种粮', '农技'] },
  { term: '房子', narrower: ['住房', '危房', '宅基地', '房屋', '建房'] },
  { term: '打官司', narrower: ['法律', '律师', '法援', '调解'] },
  { term: '纠纷', narrower: ['调解', '矛盾', '信访'] },
  { term: '工作', narrower: ['就业', '创业', '招工', '务工'] },
  { term: '妇女', narrower: ['两癌', '宫颈癌', '乳腺癌', '计划生育'] },
  { term: '受灾', narrower: ['自然灾害', '灾后', '救灾'] },
];

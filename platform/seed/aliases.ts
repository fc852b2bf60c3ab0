/**
 * 又称: the words residents use for each matter on the Anqiu list, the way a village clerk hears
 * them at the window: 俗称 (低保, 五保), former names (新农合, 新农保), abbreviations (居保, 奖扶)
 * and common phrasings (交党费, 开证明, 找保姆). **Our data**, written for this project; the list
 * itself names none. One row per seq, in list order; `name` repeats the list's name so that a row
 * filed under the wrong seq fails loudly when the catalog is built. Search matches an alias like
 * the name, so an alias need not repeat a part of the name that already matches (高龄补贴).
 */
export interface MatterAliases {
  readonly seq: number;
  readonly name: string;
  readonly aliases: readonly string[];
}

// A reviewed table reads best with one row per matter, so prettier leaves it as written.
// prettier-ignore
export const SEED_ALIASES: readonly MatterAliases[] = [
  // 新型农村社会养老保险 (新农保) and 城镇居民养老保险 merged in 2014; villagers still say 农保 or 居保.
  { seq: 1, name: '城乡居民基本养老保险征缴', aliases: ['交养老保险', '农保缴费', '居保缴费', '交农保', '新农保缴费', '养老保险交钱'] },
  { seq: 2, name: '城乡居民基本养老保险参保登记', aliases: ['农保', '居保', '新农保', '居民养老保险', '参加养老保险', '办养老保险'] },
  { seq: 3, name: '被征地农民参加城乡居民基本养老保险社保补贴', aliases: ['失地农民养老保险', '失地农民补贴', '征地社保补贴', '征地养老补贴'] },
  // 抚恤金 is strictly for cadres and soldiers, but residents say it of any payment after a death.
  { seq: 4, name: '居民基本养老保险丧葬补助金申请', aliases: ['丧葬费', '丧葬补贴', '农保丧葬费', '死亡待遇', '老人去世领钱', '抚恤金'] },
  { seq: 5, name: '居民基本养老保险信息变更', aliases: ['农保信息变更', '养老保险改信息', '养老金换卡', '改银行卡号', '农保改名字'] },
  { seq: 6, name: '居民基本养老保险中断', aliases: ['农保暂停', '养老保险停交', '停保', '不交养老保险', '居保中断'] },
  { seq: 7, name: '居民基本养老保险注销登记', aliases: ['农保注销', '养老保险销户', '停发养老金', '退保', '居保注销'] },
  { seq: 8, name: '居民基本养老保险关系转移', aliases: ['农保转移', '养老保险转关系', '养老保险转出', '养老保险转入', '迁户口转养老保险'] },
  // 新型农村合作医疗 (新农合, 合作医疗) merged into 城乡居民医保 in 2016; the old names stayed.
  { seq: 9, name: '城乡居民基本医疗保险参保登记', aliases: ['合作医疗', '新农合', '农合', '居民医保', '办医保', '参加医保'] },
  { seq: 10, name: '城乡居民基本医疗保险征缴', aliases: ['交合作医疗', '交新农合', '交医保', '医保缴费', '合作医疗缴费'] },
  { seq: 11, name: '城乡居民基本医疗保险暂停缴费', aliases: ['医保停交', '医保暂停', '合作医疗停交', '新农合不交了'] },
  { seq: 12, name: '城乡居民医疗救助及重特大疾病医疗救助', aliases: ['大病救助', '大病补助', '看病救助', '住院救助', '重病救助', '看不起病'] },
  { seq: 13, name: '老年优待证办理', aliases: ['老年证', '老人证', '敬老卡', '老年卡', '老人优待证', '老年人优待卡'] },
  { seq: 14, name: '80周岁以上老年人高龄补贴', aliases: ['长寿金', '高龄津贴', '八十岁补贴', '老人补贴', '百岁老人补贴', '高龄老人补助'] },
  // 奖扶: 独生子女 and 双女户 parents in the countryside get it from 60.
  { seq: 15, name: '农村部分计划生育家庭奖励扶助制度', aliases: ['奖扶', '计生奖扶', '独生子女奖励', '独生子女补贴', '双女户补贴', '农村奖励扶助'] },
  // 特扶: families whose only child died (失独) or is disabled.
  { seq: 16, name: '计划生育家庭特别扶助制度', aliases: ['特扶', '计生特扶', '失独家庭补贴', '失独', '独生子女伤残', '独生子女死亡扶助'] },
  { seq: 17, name: '病残儿医学鉴定', aliases: ['病残儿鉴定', '病残孩鉴定', '孩子残疾鉴定', '再生育鉴定'] },
  { seq: 18, name: '最低生活保障', aliases: ['低保', '吃低保', '办低保', '低保金', '农村低保', '低保户'] },
  // 五保 was the name until 2014 (社会救助暂行办法 made it 特困人员供养).
  { seq: 19, name: '特困人员救助供养', aliases: ['五保', '五保户', '五保供养', '特困户', '孤寡老人供养', '敬老院供养'] },
  { seq: 20, name: '临时救助', aliases: ['困难补助', '临时困难补助', '急难救助', '应急救助', '遇到难处救助', '临时补助'] },
  { seq: 21, name: '孤儿基本生活保障', aliases: ['孤儿补贴', '孤儿生活费', '孤儿救助', '孤儿基本生活费'] },
  { seq: 22, name: '经济困难老年人生活补贴', aliases: ['困难老人补贴', '贫困老人补助', '困难老人补助', '老人生活补助', '养老服务补贴'] },
  // 事实无人抚养儿童: parents alive but unable to care for the child; villagers say 事实孤儿.
  { seq: 23, name: '困境儿童基本生活保障', aliases: ['困境儿童补贴', '事实孤儿', '事实无人抚养儿童', '无人抚养儿童', '留守儿童救助'] },
  // 两项补贴 (国发〔2015〕52号): the two disability subsidies, paid to holders of a 残疾人证.
  { seq: 24, name: '重度残疾人护理补贴', aliases: ['重残护理补贴', '残疾护理补贴', '重残补贴', '一二级残疾补贴', '残疾证补贴', '两项补贴'] },
  { seq: 25, name: '困难残疾人生活补贴', aliases: ['残疾生活补贴', '困残补贴', '贫困残疾人补贴', '残疾证补贴', '两项补贴', '困难残疾补助'] },
  { seq: 26, name: '残疾学生和贫困残疾人子女助学补贴', aliases: ['残疾学生助学', '残疾人子女上学补贴', '残疾人助学金', '助学补助', '上学补助'] },
  { seq: 27, name: '残疾人自主创业扶持', aliases: ['残疾人创业补贴', '残疾人创业', '残疾人就业扶持', '残疾人开店补贴'] },
  // 耕地地力保护补贴 replaced the three old grain subsidies (三项补贴) in 2016; farmers still say 种粮补贴.
  { seq: 28, name: '农业支持保护补贴', aliases: ['种粮补贴', '耕地地力保护补贴', '地力补贴', '粮食补贴', '种地补贴', '粮补'] },
  { seq: 29, name: '政策性农业保险', aliases: ['农险', '庄稼保险', '种植保险', '养殖保险', '小麦保险'] },
  { seq: 30, name: '退役士兵老年生活补助身份认定', aliases: ['老兵补助', '老兵', '退役军人', '退伍军人补助', '复员军人补助', '当过兵的补贴'] },
  { seq: 31, name: '自然灾害受损居民住房恢复重建补助', aliases: ['灾后重建', '倒房重建', '房子倒了补助', '房屋重建补助', '受灾房屋'] },
  { seq: 32, name: '自然灾害受灾生活救助', aliases: ['受灾救助', '灾民救助', '救灾款', '冬春救助', '过冬救助'] },
  { seq: 33, name: '农村危房改造', aliases: ['危房翻建', '危改', '旧房改造', '房子漏雨', '翻盖房子补助'] },
  { seq: 34, name: '民间纠纷人民调解', aliases: ['调解纠纷', '邻里纠纷', '家庭矛盾', '吵架调解', '打官司前调解'] },
  { seq: 35, name: '法律援助', aliases: ['法援', '免费律师', '请律师', '打官司没钱', '讨薪', '要工钱'] },
  { seq: 36, name: '党组织关系转移', aliases: ['转党关系', '党员关系转移', '转组织关系', '组织关系转接'] },
  { seq: 37, name: '党费缴纳', aliases: ['交党费', '缴党费', '党费怎么交'] },
  { seq: 38, name: '党员发展对象亲属政审', aliases: ['入党政审', '政审证明', '入党查亲属', '家属政审'] },
  { seq: 39, name: '流动党员管理登记', aliases: ['外出党员登记', '外出务工党员', '在外打工的党员'] },
  { seq: 40, name: '困难党员救助', aliases: ['困难党员补助', '党员补助', '老党员补助', '生活困难党员'] },
  { seq: 41, name: '党务政策咨询解答', aliases: ['入党咨询', '党务咨询', '怎么入党', '党员政策'] },
  { seq: 42, name: '兵役登记', aliases: ['当兵', '征兵', '参军', '报名当兵', '征兵登记'] },
  { seq: 43, name: '宅基地问题咨询', aliases: ['盖房子', '批宅基地', '宅基地确权', '房基地', '建房审批'] },
  { seq: 44, name: '矛盾纠纷调解', aliases: ['闹矛盾', '矛盾调处', '吵架', '打架说和', '找人说和'] },
  { seq: 45, name: '计划生育药具免费发放', aliases: ['避孕药具', '免费避孕套', '避孕药', '计生药具'] },
  { seq: 46, name: '计生保险申请', aliases: ['计划生育家庭意外险', '独生子女保险', '计生家庭保险', '独生子女意外保险'] },
  { seq: 47, name: '两癌筛查申报', aliases: ['宫颈癌筛查', '乳腺癌筛查', '妇女查体', '妇女体检', '免费查体'] },
  { seq: 48, name: '信访调解受理', aliases: ['上访', '信访接待', '反映问题', '投诉', '告状'] },
  { seq: 49, name: '提供就业信息', aliases: ['找工作', '招工信息', '招聘信息', '打工', '务工'] },
  // The village committee's stamp: residents come for 证明 and 介绍信.
  { seq: 50, name: '公章使用', aliases: ['开证明', '盖章', '村委盖章', '盖公章', '开介绍信', '证明信'] },
  { seq: 51, name: '政策咨询', aliases: ['问政策', '惠民政策', '补贴政策', '政策问题'] },
  { seq: 52, name: '法律咨询', aliases: ['问律师', '咨询律师', '法律问题', '法律顾问'] },
  { seq: 53, name: '提供农业科技服务、金融服务、志愿服务等便民服务', aliases: ['农业技术', '小额贷款', '贷款', '志愿者', '科技下乡'] },
  { seq: 54, name: '义工服务预约', aliases: ['志愿者预约', '做义工', '志愿服务', '找志愿者帮忙'] },
  { seq: 55, name: '邻里艺术团、文明讲师团等团体活动预约', aliases: ['文艺演出', '演出预约', '宣讲', '文化活动', '唱戏'] },
  { seq: 56, name: '农机设备购置、租赁代为联系', aliases: ['租农机', '买农机', '农机补贴', '拖拉机', '收割机'] },
  { seq: 57, name: '农作物病虫害防治、农技指导等代为联系', aliases: ['打药', '庄稼长虫', '农技员', '庄稼生病', '植保'] },
  { seq: 58, name: '农业生产代耕代种代收等代为联系', aliases: ['土地托管', '托管', '代种地', '代收庄稼', '种地找人'] },
  { seq: 59, name: '家政服务代为联系', aliases: ['保姆', '找保姆', '月嫂', '护工', '钟点工', '家政公司'] },
  { seq: 60, name: '法律服务代为联系', aliases: ['找律师', '律师', '公证', '法律顾问联系'] },
  { seq: 61, name: '心理咨询、健康保健等代为联系', aliases: ['心理疏导', '心里不痛快', '健康咨询', '家庭医生', '养生保健'] },
  { seq: 62, name: '处理、答复群众反映的合理诉求', aliases: ['提意见', '提建议', '反映诉求', '找村里解决', '村务反映'] },
];

import type { Channel, ServiceKind } from '../contract/catalog';
import type { DepartmentCode } from './departments';
import type { ThemeId } from './themes';

/**
 * Our classification of each matter on the Anqiu list — everything the document does not say.
 * One row per seq, in list order; `name` repeats the list's name so that a row moved to the
 * wrong seq fails loudly when the catalog is built.
 *
 * kind (Boshan's four service kinds):
 *   approvalAgency      审批代办类 — a town or county body decides; the village hands it on for the resident
 *   assistedAcceptance  协助受理类 — the village accepts, registers or helps on the spot
 *   directQuery         直接查询类 — information the resident can look up directly
 *   consultation        咨询服务类 — someone answers the resident's question
 * channels: selfService only where a resident could reasonably apply at an unattended kiosk with
 *   scanned papers; assistRequest on every 帮办代办 matter; guideOnly (alone) where the kiosk can only inform.
 *   Consultations also offer assistRequest, because the answer comes from a person who calls back.
 * cross: 跨村通办 — true when nothing ties the matter to the resident's own village.
 * days: 承诺办结时限 in working days for 承诺件, null for 即办件. Our realistic values, not Anqiu's.
 */
export interface MatterClassification {
  seq: number;
  name: string;
  kind: ServiceKind;
  themes: readonly ThemeId[];
  dept: DepartmentCode;
  channels: readonly Channel[];
  cross: boolean;
  days: number | null;
}

// A reviewed table reads best with one row per matter, so prettier leaves it as written.
// prettier-ignore
export const MATTER_CLASSIFICATION: readonly MatterClassification[] = [
  // Payment: the kiosk cannot take money, so it explains the ways to pay and calls staff for those who need help.
  { seq: 1, name: '城乡居民基本养老保险征缴', kind: 'assistedAcceptance', themes: ['socialInsurance'], dept: 'RSJ', channels: ['assistRequest'], cross: true, days: null },
  { seq: 2, name: '城乡居民基本养老保险参保登记', kind: 'assistedAcceptance', themes: ['socialInsurance'], dept: 'RSJ', channels: ['selfService', 'assistRequest'], cross: true, days: null },
  // Tied to the village's land-requisition records, so only the resident's own village can confirm it.
  { seq: 3, name: '被征地农民参加城乡居民基本养老保险社保补贴', kind: 'approvalAgency', themes: ['socialInsurance', 'agriculture'], dept: 'RSJ', channels: ['assistRequest'], cross: false, days: 20 },
  // The county pension office decides; a relative can apply at any station in the city.
  { seq: 4, name: '居民基本养老保险丧葬补助金申请', kind: 'approvalAgency', themes: ['socialInsurance'], dept: 'RSJ', channels: ['selfService', 'assistRequest'], cross: true, days: 10 },
  { seq: 5, name: '居民基本养老保险信息变更', kind: 'assistedAcceptance', themes: ['socialInsurance'], dept: 'RSJ', channels: ['selfService', 'assistRequest'], cross: true, days: null },
  { seq: 6, name: '居民基本养老保险中断', kind: 'assistedAcceptance', themes: ['socialInsurance'], dept: 'RSJ', channels: ['selfService', 'assistRequest'], cross: true, days: null },
  // Closing the account settles the personal-account balance, which the pension office decides.
  { seq: 7, name: '居民基本养老保险注销登记', kind: 'approvalAgency', themes: ['socialInsurance'], dept: 'RSJ', channels: ['selfService', 'assistRequest'], cross: true, days: 15 },
  { seq: 8, name: '居民基本养老保险关系转移', kind: 'assistedAcceptance', themes: ['socialInsurance'], dept: 'RSJ', channels: ['selfService', 'assistRequest'], cross: true, days: null },
  { seq: 9, name: '城乡居民基本医疗保险参保登记', kind: 'assistedAcceptance', themes: ['medicalInsurance'], dept: 'YBJ', channels: ['selfService', 'assistRequest'], cross: true, days: null },
  { seq: 10, name: '城乡居民基本医疗保险征缴', kind: 'assistedAcceptance', themes: ['medicalInsurance'], dept: 'YBJ', channels: ['assistRequest'], cross: true, days: null },
  { seq: 11, name: '城乡居民基本医疗保险暂停缴费', kind: 'assistedAcceptance', themes: ['medicalInsurance'], dept: 'YBJ', channels: ['selfService', 'assistRequest'], cross: true, days: null },
  // Since the 2018 reform 医疗救助 belongs to 医保, not 民政. Original hospital invoices are needed, so no self-service.
  { seq: 12, name: '城乡居民医疗救助及重特大疾病医疗救助', kind: 'approvalAgency', themes: ['medicalInsurance', 'socialAssistance'], dept: 'YBJ', channels: ['assistRequest'], cross: false, days: 20 },
  // Issued on the spot by the station; 老龄工作 sits with 卫生健康 since 2018.
  { seq: 13, name: '老年优待证办理', kind: 'assistedAcceptance', themes: ['elderly'], dept: 'WJJ', channels: ['selfService', 'assistRequest'], cross: true, days: null },
  // Paid where the household is registered, and the village confirms the old person lives there.
  { seq: 14, name: '80周岁以上老年人高龄补贴', kind: 'approvalAgency', themes: ['elderly'], dept: 'MZJ', channels: ['selfService', 'assistRequest'], cross: false, days: 15 },
  { seq: 15, name: '农村部分计划生育家庭奖励扶助制度', kind: 'approvalAgency', themes: ['familyPlanning'], dept: 'WJJ', channels: ['assistRequest'], cross: false, days: 30 },
  { seq: 16, name: '计划生育家庭特别扶助制度', kind: 'approvalAgency', themes: ['familyPlanning'], dept: 'WJJ', channels: ['assistRequest'], cross: false, days: 30 },
  { seq: 17, name: '病残儿医学鉴定', kind: 'approvalAgency', themes: ['familyPlanning', 'disability'], dept: 'WJJ', channels: ['assistRequest'], cross: false, days: 30 },
  // Household surveys, a signed authorisation to check finances and a village notice: a person starts it, not the kiosk.
  { seq: 18, name: '最低生活保障', kind: 'approvalAgency', themes: ['socialAssistance'], dept: 'MZJ', channels: ['assistRequest'], cross: false, days: 30 },
  { seq: 19, name: '特困人员救助供养', kind: 'approvalAgency', themes: ['socialAssistance', 'elderly'], dept: 'MZJ', channels: ['assistRequest'], cross: false, days: 30 },
  // Emergency aid may be claimed where the emergency happened, not only where one is registered.
  { seq: 20, name: '临时救助', kind: 'approvalAgency', themes: ['socialAssistance'], dept: 'MZJ', channels: ['assistRequest'], cross: true, days: 15 },
  { seq: 21, name: '孤儿基本生活保障', kind: 'approvalAgency', themes: ['socialAssistance'], dept: 'MZJ', channels: ['assistRequest'], cross: false, days: 30 },
  { seq: 22, name: '经济困难老年人生活补贴', kind: 'approvalAgency', themes: ['elderly', 'socialAssistance'], dept: 'MZJ', channels: ['assistRequest'], cross: false, days: 20 },
  { seq: 23, name: '困境儿童基本生活保障', kind: 'approvalAgency', themes: ['socialAssistance'], dept: 'MZJ', channels: ['assistRequest'], cross: false, days: 30 },
  // The two disability subsidies (国发〔2015〕52号): 民政 decides after 残联 checks. Papers are few and scannable.
  { seq: 24, name: '重度残疾人护理补贴', kind: 'approvalAgency', themes: ['disability'], dept: 'MZJ', channels: ['selfService', 'assistRequest'], cross: false, days: 20 },
  { seq: 25, name: '困难残疾人生活补贴', kind: 'approvalAgency', themes: ['disability', 'socialAssistance'], dept: 'MZJ', channels: ['selfService', 'assistRequest'], cross: false, days: 20 },
  { seq: 26, name: '残疾学生和贫困残疾人子女助学补贴', kind: 'approvalAgency', themes: ['disability'], dept: 'CLH', channels: ['assistRequest'], cross: false, days: 20 },
  { seq: 27, name: '残疾人自主创业扶持', kind: 'approvalAgency', themes: ['disability', 'employment'], dept: 'CLH', channels: ['assistRequest'], cross: false, days: 30 },
  // 耕地地力保护补贴: land areas are checked and posted by the village before the county pays.
  { seq: 28, name: '农业支持保护补贴', kind: 'approvalAgency', themes: ['agriculture'], dept: 'NYJ', channels: ['assistRequest'], cross: false, days: 30 },
  // The village's 协保员 takes down the farmer's cover and reports it to the insurer: registration, not an approval.
  // Premium subsidies also involve 财政; we file it under 农业农村, the department farmers deal with.
  { seq: 29, name: '政策性农业保险', kind: 'assistedAcceptance', themes: ['agriculture'], dept: 'NYJ', channels: ['assistRequest'], cross: false, days: 20 },
  { seq: 30, name: '退役士兵老年生活补助身份认定', kind: 'approvalAgency', themes: ['military', 'elderly'], dept: 'TYJ', channels: ['assistRequest'], cross: false, days: 30 },
  // Disaster relief (incl. rebuilding damaged homes) is 应急管理's job since 2018.
  { seq: 31, name: '自然灾害受损居民住房恢复重建补助', kind: 'approvalAgency', themes: ['housing', 'socialAssistance'], dept: 'YJJ', channels: ['assistRequest'], cross: false, days: 30 },
  { seq: 32, name: '自然灾害受灾生活救助', kind: 'approvalAgency', themes: ['socialAssistance'], dept: 'YJJ', channels: ['assistRequest'], cross: false, days: 15 },
  { seq: 33, name: '农村危房改造', kind: 'approvalAgency', themes: ['housing'], dept: 'ZJJ', channels: ['assistRequest'], cross: false, days: 30 },
  // The people's mediation committee accepts the dispute itself; nobody above approves it.
  // Mediation is normally closed within a month (about 20 working days).
  { seq: 34, name: '民间纠纷人民调解', kind: 'assistedAcceptance', themes: ['legal'], dept: 'SFJ', channels: ['assistRequest'], cross: false, days: 20 },
  // The legal aid centre decides within 7 days of receiving the application (法律援助法), about 5 working days.
  // One may apply where one lives or where the case is, so any station may take it.
  { seq: 35, name: '法律援助', kind: 'approvalAgency', themes: ['legal'], dept: 'SFJ', channels: ['selfService', 'assistRequest'], cross: true, days: 5 },
  { seq: 36, name: '党组织关系转移', kind: 'assistedAcceptance', themes: ['party'], dept: 'ZZB', channels: ['assistRequest'], cross: false, days: null },
  // Party dues go to one's own branch; most pay by phone, so the kiosk only explains how.
  { seq: 37, name: '党费缴纳', kind: 'assistedAcceptance', themes: ['party'], dept: 'ZZB', channels: ['guideOnly'], cross: false, days: null },
  { seq: 38, name: '党员发展对象亲属政审', kind: 'assistedAcceptance', themes: ['party'], dept: 'ZZB', channels: ['assistRequest'], cross: false, days: null },
  // A mobile party member registers where he or she now lives — by definition not the home village.
  { seq: 39, name: '流动党员管理登记', kind: 'assistedAcceptance', themes: ['party'], dept: 'ZZB', channels: ['assistRequest'], cross: true, days: null },
  // The village takes down the need on the spot (即办); the hardship fund itself is granted higher up.
  { seq: 40, name: '困难党员救助', kind: 'assistedAcceptance', themes: ['party', 'socialAssistance'], dept: 'ZZB', channels: ['assistRequest'], cross: false, days: null },
  { seq: 41, name: '党务政策咨询解答', kind: 'consultation', themes: ['party'], dept: 'ZZB', channels: ['assistRequest'], cross: true, days: null },
  // Registration is online (全国征兵网) and confirmed by the town's 武装部, so no village ties it.
  { seq: 42, name: '兵役登记', kind: 'assistedAcceptance', themes: ['military'], dept: 'RWB', channels: ['assistRequest'], cross: true, days: null },
  // 宅基地 is split: 农业农村 approves new plots, 自然资源 plans and registers them. Most questions are about
  // boundaries and 确权登记, so we file it under 自然资源; the guide points to 农业农村 for applications.
  { seq: 43, name: '宅基地问题咨询', kind: 'consultation', themes: ['housing', 'agriculture'], dept: 'ZRJ', channels: ['assistRequest'], cross: true, days: null },
  { seq: 44, name: '矛盾纠纷调解', kind: 'assistedAcceptance', themes: ['legal'], dept: 'SFJ', channels: ['assistRequest'], cross: false, days: null },
  // Handed out by staff (or a separate dispensing machine); the kiosk tells where.
  { seq: 45, name: '计划生育药具免费发放', kind: 'assistedAcceptance', themes: ['familyPlanning'], dept: 'WJJ', channels: ['guideOnly'], cross: true, days: null },
  { seq: 46, name: '计生保险申请', kind: 'assistedAcceptance', themes: ['familyPlanning'], dept: 'WJJ', channels: ['assistRequest'], cross: false, days: null },
  // Signing up needs only the ID card, which the kiosk reads.
  { seq: 47, name: '两癌筛查申报', kind: 'assistedAcceptance', themes: ['familyPlanning'], dept: 'WJJ', channels: ['selfService', 'assistRequest'], cross: false, days: null },
  { seq: 48, name: '信访调解受理', kind: 'assistedAcceptance', themes: ['petitions'], dept: 'XFJ', channels: ['assistRequest'], cross: false, days: null },
  { seq: 49, name: '提供就业信息', kind: 'directQuery', themes: ['employment'], dept: 'RSJ', channels: ['guideOnly'], cross: true, days: null },
  { seq: 50, name: '公章使用', kind: 'assistedAcceptance', themes: ['livelihood'], dept: 'CWH', channels: ['assistRequest'], cross: false, days: null },
  // General questions about any policy; the station's comprehensive window answers, under 行政审批服务局.
  { seq: 51, name: '政策咨询', kind: 'consultation', themes: ['livelihood'], dept: 'SPJ', channels: ['assistRequest'], cross: true, days: null },
  { seq: 52, name: '法律咨询', kind: 'consultation', themes: ['legal'], dept: 'SFJ', channels: ['assistRequest'], cross: true, days: null },
  // The station arranges these services for the resident; the farming ones are 农业农村's.
  { seq: 53, name: '提供农业科技服务、金融服务、志愿服务等便民服务', kind: 'assistedAcceptance', themes: ['agriculture', 'volunteering', 'livelihood'], dept: 'NYJ', channels: ['assistRequest'], cross: false, days: null },
  // A booking needs no papers: the ID card and a form on screen are enough.
  { seq: 54, name: '义工服务预约', kind: 'assistedAcceptance', themes: ['volunteering'], dept: 'XCB', channels: ['selfService', 'assistRequest'], cross: false, days: null },
  // Troupes and lecturer groups serve the whole town, so any village may book them here.
  { seq: 55, name: '邻里艺术团、文明讲师团等团体活动预约', kind: 'assistedAcceptance', themes: ['volunteering'], dept: 'XCB', channels: ['selfService', 'assistRequest'], cross: true, days: null },
  // "代为联系": the station phones on the resident's behalf, so the help request is the service.
  { seq: 56, name: '农机设备购置、租赁代为联系', kind: 'assistedAcceptance', themes: ['agriculture'], dept: 'NYJ', channels: ['assistRequest'], cross: false, days: null },
  { seq: 57, name: '农作物病虫害防治、农技指导等代为联系', kind: 'assistedAcceptance', themes: ['agriculture'], dept: 'NYJ', channels: ['assistRequest'], cross: false, days: null },
  { seq: 58, name: '农业生产代耕代种代收等代为联系', kind: 'assistedAcceptance', themes: ['agriculture'], dept: 'NYJ', channels: ['assistRequest'], cross: false, days: null },
  // 商务 is the industry department for 家政服务.
  { seq: 59, name: '家政服务代为联系', kind: 'assistedAcceptance', themes: ['livelihood'], dept: 'SWJ', channels: ['assistRequest'], cross: false, days: null },
  { seq: 60, name: '法律服务代为联系', kind: 'assistedAcceptance', themes: ['legal'], dept: 'SFJ', channels: ['assistRequest'], cross: false, days: null },
  { seq: 61, name: '心理咨询、健康保健等代为联系', kind: 'assistedAcceptance', themes: ['livelihood'], dept: 'WJJ', channels: ['assistRequest'], cross: false, days: null },
  // The village answers the request itself; a written request with photos can be left at the kiosk.
  { seq: 62, name: '处理、答复群众反映的合理诉求', kind: 'assistedAcceptance', themes: ['petitions'], dept: 'CWH', channels: ['selfService', 'assistRequest'], cross: false, days: null },
];

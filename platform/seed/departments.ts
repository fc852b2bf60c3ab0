import type { Department } from '../contract/catalog';

/**
 * The departments (主管部门) of a county-level city that the 62 village matters belong to, named
 * as in Anqiu's government. Codes are our own short pinyin initials (the schema wants 2–32 of
 * [A-Za-z0-9-]); they are stable identifiers, not official organisation codes. No phone numbers:
 * each guide carries the number to call for its matter.
 */
export const SEED_DEPARTMENTS = [
  { code: 'RSJ', name: '安丘市人力资源和社会保障局' },
  { code: 'YBJ', name: '安丘市医疗保障局' },
  { code: 'MZJ', name: '安丘市民政局' },
  // 老龄工作 (incl. 老年优待证) moved from 民政 to 卫生健康 in the 2018 reform.
  { code: 'WJJ', name: '安丘市卫生健康局' },
  { code: 'CLH', name: '安丘市残疾人联合会' },
  { code: 'NYJ', name: '安丘市农业农村局' },
  { code: 'TYJ', name: '安丘市退役军人事务局' },
  { code: 'YJJ', name: '安丘市应急管理局' },
  { code: 'ZJJ', name: '安丘市住房和城乡建设局' },
  { code: 'SFJ', name: '安丘市司法局' },
  { code: 'ZRJ', name: '安丘市自然资源局' },
  { code: 'XFJ', name: '安丘市信访局' },
  { code: 'SWJ', name: '安丘市商务局' },
  // Oversees the village stations themselves (the Anqiu plan names 市行政审批服务局).
  { code: 'SPJ', name: '安丘市行政审批服务局' },
  { code: 'ZZB', name: '中共安丘市委组织部' },
  // 新时代文明实践 and volunteer service are run by the propaganda department's 文明办.
  { code: 'XCB', name: '中共安丘市委宣传部（市文明办）' },
  { code: 'RWB', name: '安丘市人民武装部' },
  // Services the village provides itself, with no county department above them.
  { code: 'CWH', name: '村（居）民委员会' },
] as const satisfies readonly Department[];

export type DepartmentCode = (typeof SEED_DEPARTMENTS)[number]['code'];

import type { Theme } from '../contract/catalog';

/**
 * Themes (主题) residents browse by. Our own grouping, sized for a village touch screen: few
 * enough to page through, each named in the words villagers use. `order` is the display order:
 * the most asked-about subjects (pension, medical insurance, assistance) come first.
 */
export const SEED_THEMES = [
  { id: 'socialInsurance', name: '社会保险', order: 1 },
  { id: 'medicalInsurance', name: '医疗保障', order: 2 },
  { id: 'socialAssistance', name: '社会救助', order: 3 },
  { id: 'elderly', name: '老年人服务', order: 4 },
  { id: 'disability', name: '残疾人服务', order: 5 },
  { id: 'familyPlanning', name: '计划生育与妇幼健康', order: 6 },
  { id: 'agriculture', name: '农业农村', order: 7 },
  { id: 'housing', name: '住房与宅基地', order: 8 },
  { id: 'legal', name: '法律服务与调解', order: 9 },
  { id: 'party', name: '党员服务', order: 10 },
  { id: 'military', name: '兵役与退役军人', order: 11 },
  { id: 'employment', name: '就业创业', order: 12 },
  { id: 'volunteering', name: '志愿与文化活动', order: 13 },
  { id: 'livelihood', name: '生活服务', order: 14 },
  { id: 'petitions', name: '信访与诉求', order: 15 },
] as const satisfies readonly Theme[];

export type ThemeId = (typeof SEED_THEMES)[number]['id'];

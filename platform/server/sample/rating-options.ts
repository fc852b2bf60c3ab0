import { RATING_LEVEL_LABELS, type RatingOption, type RatingOptionSet } from '../../contract/ratings';

/**
 * The rating options the reference platform publishes. The five levels and their wording are
 * national (国办发〔2019〕51号); the option texts below were written for this project in the
 * style of provincial 好差评 systems (GB/T 39734 Annex A was not available), hence isSample.
 */

const POSITIVE: readonly RatingOption[] = [
  { code: 'efficientService', label: '服务效率高' },
  { code: 'friendlyStaff', label: '服务态度好' },
  { code: 'convenientProcess', label: '办事流程便捷' },
  { code: 'clearGuide', label: '办事指南清晰' },
  { code: 'easyTerminal', label: '自助设备好用' },
  { code: 'shortWait', label: '等待时间短' },
  { code: 'doneInOneVisit', label: '一次办好' },
];

const NEGATIVE: readonly RatingOption[] = [
  { code: 'cumbersomeProcess', label: '办事流程繁琐' },
  { code: 'longWait', label: '等待时间长' },
  { code: 'poorAttitude', label: '服务态度差' },
  { code: 'unclearGuide', label: '指南不清楚' },
  { code: 'unclearMaterials', label: '材料要求不明确' },
  { code: 'repeatVisits', label: '多次跑腿' },
  { code: 'terminalProblem', label: '自助设备故障或难用' },
  { code: 'otherProblem', label: '其他问题' },
];

const level = (value: 1 | 2 | 3 | 4 | 5, options: readonly RatingOption[]) => ({
  level: value,
  label: RATING_LEVEL_LABELS[value],
  options: [...options],
});

export const SAMPLE_RATING_OPTIONS: RatingOptionSet = {
  version: '2025.1',
  publishedAt: '2025-01-01T00:00:00+08:00',
  isSample: true,
  levels: [
    level(5, POSITIVE),
    level(4, POSITIVE),
    level(3, POSITIVE.slice(0, 5)),
    level(2, NEGATIVE),
    level(1, NEGATIVE),
  ],
};

import { WorkCalendar } from '../contract/work-calendar';

/**
 * The working calendar the reference platform publishes when it starts: China's public holidays
 * and make-up working days for 2025, 2026 and 2027, transcribed day by day.
 *
 * - 2025 and 2026: from the State Council General Office's notices (official).
 * - 2027: no notice was published when this version was written, so the year is provisional:
 *   only the statutory holidays of the 全国年节及纪念日放假办法 (2024 revision, art. 2: 元旦 1 day,
 *   春节 4 days from 除夕, 清明节 1, 劳动节 2, 端午节 1, 中秋节 1, 国庆节 3), each on its own date,
 *   without the days the notice will move around them (调休) or give back for a weekend (补假).
 *   The lunar dates follow the Chinese calendar at Beijing time: 端午 and 中秋 agree with ICU's
 *   Chinese calendar (work-calendar.test.ts checks), 春节 does not: the new moon that begins the
 *   year falls at 23:56 Beijing time on 6 February 2027 (Meeus, Astronomical Algorithms ch. 49),
 *   so 正月初一 is the 6th and 除夕 the 5th, where ICU's coarser new moon makes it the 7th.
 *   清明 is the solar term, 5 April. When the 2027 notice is out, publish a new version with
 *   the year marked official; kiosks pick it up within half an hour.
 */

export const SEED_WORK_CALENDAR_VERSION = '2026.12.01-1';

const NOTICE_2025 =
  '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日），https://www.gov.cn/zhengce/content/202411/content_6986382.htm';
const NOTICE_2026 =
  '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日），https://www.gov.cn/zhengce/content/202511/content_7047090.htm';
const RULE_2027 =
  '尚无国务院办公厅2027年节假日安排通知：暂按《全国年节及纪念日放假办法》列出法定假日当天，不含调休和补假，通知发布后更新';

const holiday = (name: string, firstDay: string, lastDay: string, makeUpWorkdays: string[] = []) => ({
  name,
  firstDay,
  lastDay,
  makeUpWorkdays,
});

export const SEED_WORK_CALENDAR: WorkCalendar = WorkCalendar.parse({
  version: SEED_WORK_CALENDAR_VERSION,
  publishedAt: '2026-12-01T09:00:00+08:00',
  years: [
    { year: 2025, status: 'official', source: NOTICE_2025 },
    { year: 2026, status: 'official', source: NOTICE_2026 },
    { year: 2027, status: 'provisional', source: RULE_2027 },
  ],
  holidays: [
    // 2025: 一、元旦 1月1日放假1天，不调休。
    holiday('元旦', '2025-01-01', '2025-01-01'),
    // 二、春节 1月28日（除夕）至2月4日放假调休，共8天；1月26日（周日）、2月8日（周六）上班。
    holiday('春节', '2025-01-28', '2025-02-04', ['2025-01-26', '2025-02-08']),
    // 三、清明节 4月4日至6日放假，共3天。
    holiday('清明节', '2025-04-04', '2025-04-06'),
    // 四、劳动节 5月1日至5日放假调休，共5天；4月27日（周日）上班。
    holiday('劳动节', '2025-05-01', '2025-05-05', ['2025-04-27']),
    // 五、端午节 5月31日至6月2日放假，共3天。
    holiday('端午节', '2025-05-31', '2025-06-02'),
    // 六、国庆节、中秋节 10月1日至8日放假调休，共8天；9月28日（周日）、10月11日（周六）上班。
    holiday('国庆节、中秋节', '2025-10-01', '2025-10-08', ['2025-09-28', '2025-10-11']),

    // 2026: 一、元旦 1月1日至3日放假调休，共3天；1月4日（周日）上班。
    holiday('元旦', '2026-01-01', '2026-01-03', ['2026-01-04']),
    // 二、春节 2月15日（腊月二十八）至23日（正月初七）放假调休，共9天；2月14日（周六）、2月28日（周六）上班。
    holiday('春节', '2026-02-15', '2026-02-23', ['2026-02-14', '2026-02-28']),
    // 三、清明节 4月4日至6日放假，共3天。
    holiday('清明节', '2026-04-04', '2026-04-06'),
    // 四、劳动节 5月1日至5日放假调休，共5天；5月9日（周六）上班。
    holiday('劳动节', '2026-05-01', '2026-05-05', ['2026-05-09']),
    // 五、端午节 6月19日至21日放假，共3天。
    holiday('端午节', '2026-06-19', '2026-06-21'),
    // 六、中秋节 9月25日至27日放假，共3天。
    holiday('中秋节', '2026-09-25', '2026-09-27'),
    // 七、国庆节 10月1日至7日放假调休，共7天；9月20日（周日）、10月10日（周六）上班。
    holiday('国庆节', '2026-10-01', '2026-10-07', ['2026-09-20', '2026-10-10']),

    // 2027, provisional: the statutory days only.
    holiday('元旦', '2027-01-01', '2027-01-01'),
    // 除夕 (腊月廿九, the last day of the year) 2月5日, 正月初一至初三 2月6日至8日.
    holiday('春节', '2027-02-05', '2027-02-08'),
    holiday('清明节', '2027-04-05', '2027-04-05'),
    holiday('劳动节', '2027-05-01', '2027-05-02'),
    // 五月初五.
    holiday('端午节', '2027-06-09', '2027-06-09'),
    // 八月十五.
    holiday('中秋节', '2027-09-15', '2027-09-15'),
    holiday('国庆节', '2027-10-01', '2027-10-03'),
  ],
});

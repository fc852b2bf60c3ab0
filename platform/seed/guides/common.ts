import type { GuidePlace } from '../../contract/catalog';

/**
 * What many sample guides share. Addresses are written for any village in the city, since one
 * catalog serves every station; a station shows its own address and phone from its configuration.
 */

/** 12345 政务服务便民热线: the national number for complaints about any government service. */
export const COMPLAINT_PHONE = '12345';

export const OFFICE_HOURS = '法定工作日 上午8:30—12:00，下午13:30—17:00（夏季作息时间以公告为准），节假日休息';

export const VILLAGE_STATION: GuidePlace = {
  name: '本村（社区）便民服务站',
  address: '本村（社区）党群服务中心一楼 综合受理窗口',
  hours: `${OFFICE_HOURS}；站内自助服务终端开放时间以本站公示为准`,
};

export const TOWN_CENTRE: GuidePlace = {
  name: '所在镇（街道）便民服务中心',
  address: '所在镇政府（街道办事处）驻地 便民服务中心大厅',
  hours: OFFICE_HOURS,
};

/** The city's government service hall; `window` names the counter, e.g. 人社综合窗口. */
export function cityHall(window: string): GuidePlace {
  return {
    name: `安丘市政务服务中心 ${window}`,
    address: '安丘市城区 市政务服务中心大厅（具体位置可拨打本指南的咨询电话询问）',
    hours: OFFICE_HOURS,
  };
}

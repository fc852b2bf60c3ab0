import type { OpeningHours, ServicePoint, ServicePointList } from '../../contract/service-points';

/**
 * SAMPLE service points around 安丘市 (Anqiu, Weifang, Shandong; region code 370784) for the
 * kiosk's offline map. Names follow the local pattern (市政务服务中心, 镇便民服务中心, 村便民服务站,
 * 24小时自助服务区), but addresses, phone numbers and positions are illustrative, written for this
 * project and NOT the official service map: the list is published with isSample = true.
 * Positions are approximate WGS-84.
 */

const WEEKDAYS = [1, 2, 3, 4, 5];
const WORKING_HOURS: OpeningHours[] = [
  { days: WEEKDAYS, opens: '08:30', closes: '12:00' },
  { days: WEEKDAYS, opens: '13:30', closes: '17:30' },
];
const VILLAGE_HOURS: OpeningHours[] = [
  { days: WEEKDAYS, opens: '08:00', closes: '11:30' },
  { days: WEEKDAYS, opens: '14:00', closes: '17:00' },
];
const TOWN_SERVICES = ['社会保障', '医疗保障', '民政救助', '退役军人服务', '计划生育', '取号', '预约'];
const VILLAGE_SERVICES = ['代办帮办', '社保医保缴费', '证明开具', '政策咨询', '好差评'];

/**
 * 行政区划代码 of the sample: the county (6 digits), a township or street (9) and a village (12).
 * The county console groups stations into townships by the first 9 digits
 * (platform/server/fleet/stations.ts). Township codes other than 景芝镇's are written for the
 * sample, not looked up.
 */
const COUNTY = '370784';
const XINGAN = '370784002';
const JINGZHI = '370784107';
const GUANZHUANG = '370784103';
const SHIBUZI = '370784112';
const HUIQU = '370784109';

const point = (
  fields: Omit<ServicePoint, 'regionCode' | 'location'> & { regionCode?: string; lat: number; lng: number },
): ServicePoint => {
  const { lat, lng, regionCode, ...rest } = fields;
  return { ...rest, regionCode: regionCode ?? COUNTY, location: { lat, lng, system: 'wgs84' } };
};

const SERVICE_POINTS: ServicePoint[] = [
  point({
    id: 'aq-zwfw-centre',
    kind: 'governmentServiceCentre',
    name: '安丘市政务服务中心',
    address: '安丘市兴安街道政务服务中心大楼(示例地址)',
    lat: 36.4785,
    lng: 119.2196,
    open24h: false,
    openingHours: [...WORKING_HOURS, { days: [6], opens: '09:00', closes: '12:00' }],
    hoursNote: '周六上午延时服务; 法定节假日除外',
    phone: '0536-4390001',
    services: ['综合受理', '不动产登记', '企业开办', '社会保障', '医疗保障', '公安户政', '取号', '预约'],
    matterCodes: [],
    bookable: true,
    selfServiceTerminal: true,
    accessible: true,
  }),
  point({
    id: 'aq-zwfw-24h',
    kind: 'selfService24h',
    name: '安丘市政务服务中心24小时自助服务区',
    address: '安丘市政务服务中心一楼东侧(示例地址)',
    lat: 36.4787,
    lng: 119.2201,
    open24h: true,
    openingHours: [],
    hoursNote: '无人值守; 工作时间可呼叫帮办人员',
    phone: '0536-4390002',
    services: ['自助申报', '证明打印', '社保查询', '好差评'],
    matterCodes: [],
    bookable: false,
    selfServiceTerminal: true,
    accessible: true,
  }),
  point({
    id: 'aq-xingan-centre',
    regionCode: XINGAN,
    kind: 'townServiceCentre',
    name: '兴安街道便民服务中心',
    address: '安丘市兴安街道办事处一楼(示例地址)',
    lat: 36.4702,
    lng: 119.2105,
    open24h: false,
    openingHours: WORKING_HOURS,
    phone: '0536-4390003',
    services: TOWN_SERVICES,
    matterCodes: [],
    bookable: true,
    selfServiceTerminal: true,
    accessible: true,
  }),
  point({
    id: 'aq-xingan-24h',
    regionCode: XINGAN,
    kind: 'selfService24h',
    name: '兴安街道24小时自助服务区',
    address: '安丘市兴安街道便民服务中心西门(示例地址)',
    lat: 36.4699,
    lng: 119.2098,
    open24h: true,
    openingHours: [],
    phone: null,
    services: ['自助申报', '证明打印', '好差评'],
    matterCodes: [],
    bookable: false,
    selfServiceTerminal: true,
    accessible: false,
  }),
  point({
    id: 'aq-jingzhi-centre',
    regionCode: JINGZHI,
    kind: 'townServiceCentre',
    name: '景芝镇便民服务中心',
    address: '安丘市景芝镇驻地(示例地址)',
    lat: 36.3372,
    lng: 119.4015,
    open24h: false,
    openingHours: WORKING_HOURS,
    hoursNote: '农忙季节中午延时服务',
    phone: '0536-4390004',
    services: TOWN_SERVICES,
    matterCodes: [],
    bookable: true,
    selfServiceTerminal: true,
    accessible: true,
  }),
  point({
    id: 'aq-jingzhi-dongjingzhi',
    regionCode: `${JINGZHI}201`,
    kind: 'villageStation',
    name: '景芝镇东景芝村便民服务站',
    address: '安丘市景芝镇东景芝村村委会(示例地址)',
    lat: 36.3418,
    lng: 119.4102,
    open24h: false,
    openingHours: VILLAGE_HOURS,
    hoursNote: '代办员可预约上门',
    phone: '0536-4390005',
    services: VILLAGE_SERVICES,
    matterCodes: [],
    bookable: false,
    selfServiceTerminal: true,
    accessible: true,
  }),
  // The station the default kiosk configuration stands in (kiosk-config/default.json): registered
  // under the station's id, so a pick-up there is named on receipts and in progress, and the map
  // knows "you are here" without guessing by distance.
  point({
    id: '370784-JZ-DB',
    regionCode: `${JINGZHI}214`,
    kind: 'villageStation',
    name: '东埠村便民服务站',
    address: '安丘市景芝镇东埠村党群服务中心一楼(示例地址)',
    lat: 36.3391,
    lng: 119.2021,
    open24h: false,
    openingHours: VILLAGE_HOURS,
    hoursNote: '自助服务区24小时开放',
    phone: '0536-4000123',
    services: VILLAGE_SERVICES,
    matterCodes: [],
    bookable: false,
    selfServiceTerminal: true,
    accessible: true,
  }),
  point({
    id: 'aq-guanzhuang-centre',
    regionCode: GUANZHUANG,
    kind: 'townServiceCentre',
    name: '官庄镇便民服务中心',
    address: '安丘市官庄镇驻地(示例地址)',
    lat: 36.5532,
    lng: 119.1206,
    open24h: false,
    openingHours: WORKING_HOURS,
    phone: '0536-4390006',
    services: TOWN_SERVICES,
    matterCodes: [],
    bookable: true,
    selfServiceTerminal: false,
    accessible: true,
  }),
  point({
    id: 'aq-guanzhuang-xiaozhuang',
    regionCode: `${GUANZHUANG}208`,
    kind: 'villageStation',
    name: '官庄镇小庄村便民服务站',
    address: '安丘市官庄镇小庄村党群服务中心(示例地址)',
    lat: 36.5601,
    lng: 119.1334,
    open24h: false,
    openingHours: VILLAGE_HOURS,
    phone: '0536-4390007',
    services: VILLAGE_SERVICES,
    matterCodes: [],
    bookable: false,
    selfServiceTerminal: false,
    accessible: false,
  }),
  point({
    id: 'aq-shibuzi-centre',
    regionCode: SHIBUZI,
    kind: 'townServiceCentre',
    name: '石埠子镇便民服务中心',
    address: '安丘市石埠子镇驻地(示例地址)',
    lat: 36.1805,
    lng: 119.1187,
    open24h: false,
    openingHours: WORKING_HOURS,
    phone: '0536-4390008',
    services: TOWN_SERVICES,
    matterCodes: [],
    bookable: true,
    selfServiceTerminal: true,
    accessible: true,
  }),
  point({
    id: 'aq-huiqu-nanliu',
    regionCode: `${HUIQU}203`,
    kind: 'villageStation',
    name: '辉渠镇南流村便民服务站',
    address: '安丘市辉渠镇南流村村委会(示例地址)',
    lat: 36.2841,
    lng: 118.9702,
    open24h: false,
    openingHours: VILLAGE_HOURS,
    hoursNote: '山区村, 可电话预约帮办员上门',
    phone: '0536-4390009',
    services: VILLAGE_SERVICES,
    matterCodes: [],
    bookable: false,
    selfServiceTerminal: true,
    accessible: false,
  }),
];

export const SAMPLE_SERVICE_POINTS: ServicePointList = {
  version: '2025.2-sample',
  publishedAt: '2025-01-01T00:00:00+08:00',
  regionCode: '370784',
  isSample: true,
  servicePoints: SERVICE_POINTS,
};

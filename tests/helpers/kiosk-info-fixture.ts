import type { KioskInfo } from '../../core/api/contract';

/** The kiosk that unit, renderer and host tests run as: the sample station, one agent, default UI. */
export const kioskInfoFixture: KioskInfo = {
  appVersion: '0.0.0-test',
  host: 'browser',
  devMode: false,
  terminal: { id: 'KIOSK-TEST-01', name: '测试一体机' },
  station: {
    id: 'TEST-STATION',
    name: '东埠村便民服务站',
    region: {
      code: '370784107',
      province: '山东省',
      city: '潍坊市',
      county: '安丘市',
      town: '景芝镇',
      village: '东埠村',
    },
    address: '东埠村党群服务中心一楼',
    hotline: '0536-4000123',
    staffedHours: [
      { days: '周一至周五', open: '08:30', close: '17:30' },
      { days: '周六', open: '09:00', close: '12:00' },
    ],
    staffedJourneys: ['ticket', 'appointmentCheckIn', 'agentAtStation'],
    timeZone: 'Asia/Shanghai',
    selfServiceHours: '24h',
    agents: [{ name: '王秀兰', role: '红管家', phone: '13800000001' }],
    location: { lat: 36.3, lng: 119.2 },
    progressPageUrl: 'https://zwfw.example.gov.cn/anqiu/progress',
  },
  ui: { defaultLocale: 'zh-CN', orientation: 'auto', attractAfterIdleSeconds: 120 },
  documentCamera: { mode: 'emulated', deviceLabel: null },
  speech: { available: true, prepareAtStart: false },
  clockOffsetMs: 0,
};

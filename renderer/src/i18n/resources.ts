import enAttract from './locales/en/attract.json';
import enBrowse from './locales/en/browse.json';
import enCommon from './locales/en/common.json';
import enEnums from './locales/en/enums.json';
import enGuide from './locales/en/guide.json';
import enHome from './locales/en/home.json';
import enStatus from './locales/en/status.json';
import zhAttract from './locales/zh-CN/attract.json';
import zhBrowse from './locales/zh-CN/browse.json';
import zhCommon from './locales/zh-CN/common.json';
import zhEnums from './locales/zh-CN/enums.json';
import zhGuide from './locales/zh-CN/guide.json';
import zhHome from './locales/zh-CN/home.json';
import zhStatus from './locales/zh-CN/status.json';
import enDevices from './locales/en/devices.json';
import enCamera from './locales/en/camera.json';
import enTechnician from './locales/en/technician.json';
import zhDevices from './locales/zh-CN/devices.json';
import zhCamera from './locales/zh-CN/camera.json';
import zhTechnician from './locales/zh-CN/technician.json';
import enSearch from './locales/en/search.json';
import zhSearch from './locales/zh-CN/search.json';
import enTicket from './locales/en/ticket.json';
import enAppointment from './locales/en/appointment.json';
import enProgress from './locales/en/progress.json';
import zhTicket from './locales/zh-CN/ticket.json';
import zhAppointment from './locales/zh-CN/appointment.json';
import zhProgress from './locales/zh-CN/progress.json';
import enSignin from './locales/en/signin.json';
import enApply from './locales/en/apply.json';
import enKeypad from './locales/en/keypad.json';
import zhSignin from './locales/zh-CN/signin.json';
import zhApply from './locales/zh-CN/apply.json';
import zhKeypad from './locales/zh-CN/keypad.json';
import enRating from './locales/en/rating.json';
import enHelp from './locales/en/help.json';
import enMap from './locales/en/map.json';
import zhRating from './locales/zh-CN/rating.json';
import zhHelp from './locales/zh-CN/help.json';
import zhMap from './locales/zh-CN/map.json';
import enKeyboard from './locales/en/keyboard.json';
import enVoice from './locales/en/voice.json';
import zhKeyboard from './locales/zh-CN/keyboard.json';
import zhVoice from './locales/zh-CN/voice.json';
import enScan from './locales/en/scan.json';
import zhScan from './locales/zh-CN/scan.json';
import enService from './locales/en/service.json';
import zhService from './locales/zh-CN/service.json';
import enVideoHelp from './locales/en/videoHelp.json';
import zhVideoHelp from './locales/zh-CN/videoHelp.json';
import type { Locale } from '../../../core/api/contract';

/**
 * Every UI string, bundled: the kiosk loads nothing at run time. One namespace per screen or
 * area; zh-CN is the base locale that key checks and types are made from.
 */
export const BASE_LOCALE = 'zh-CN' satisfies Locale;

export const namespaces = [
  'common',
  'attract',
  'home',
  'browse',
  'guide',
  'status',
  'enums',
  'devices',
  'camera',
  'technician',
  'rating',
  'help',
  'map',
  'signin',
  'apply',
  'keypad',
  'ticket',
  'appointment',
  'progress',
  'search',
  'keyboard',
  'voice',
  'scan',
  'service',
  'videoHelp',
] as const;
export type Namespace = (typeof namespaces)[number];

export const resources = {
  'zh-CN': {
    common: zhCommon,
    attract: zhAttract,
    home: zhHome,
    browse: zhBrowse,
    guide: zhGuide,
    status: zhStatus,
    enums: zhEnums,
    devices: zhDevices,
    camera: zhCamera,
    technician: zhTechnician,
    search: zhSearch,
    rating: zhRating,
    help: zhHelp,
    map: zhMap,
    signin: zhSignin,
    apply: zhApply,
    keypad: zhKeypad,
    ticket: zhTicket,
    appointment: zhAppointment,
    progress: zhProgress,
    keyboard: zhKeyboard,
    voice: zhVoice,
    scan: zhScan,
    service: zhService,
    videoHelp: zhVideoHelp,
  },
  en: {
    common: enCommon,
    attract: enAttract,
    home: enHome,
    browse: enBrowse,
    guide: enGuide,
    status: enStatus,
    enums: enEnums,
    devices: enDevices,
    camera: enCamera,
    technician: enTechnician,
    search: enSearch,
    rating: enRating,
    help: enHelp,
    map: enMap,
    signin: enSignin,
    apply: enApply,
    keypad: enKeypad,
    ticket: enTicket,
    appointment: enAppointment,
    progress: enProgress,
    keyboard: enKeyboard,
    voice: enVoice,
    scan: enScan,
    service: enService,
    videoHelp: enVideoHelp,
  },
} as const satisfies Record<Locale, Record<Namespace, object>>;

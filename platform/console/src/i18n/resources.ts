import { en } from './en';
import { zhCN } from './zh-CN';

export const LOCALES = ['zh-CN', 'en'] as const;
export type ConsoleLocale = (typeof LOCALES)[number];
export const BASE_LOCALE: ConsoleLocale = 'zh-CN';

export const resources = { 'zh-CN': zhCN, en } as const;
export type Namespace = keyof typeof zhCN;
export const namespaces = Object.keys(zhCN) as Namespace[];

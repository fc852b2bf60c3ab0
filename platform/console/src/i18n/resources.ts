import { en as agentEn, zhCN as agentZh } from './agent';
import { en } from './en';
import { zhCN } from './zh-CN';

export const LOCALES = ['zh-CN', 'en'] as const;
export type ConsoleLocale = (typeof LOCALES)[number];
export const BASE_LOCALE: ConsoleLocale = 'zh-CN';

export const resources = { 'zh-CN': { ...zhCN, ...agentZh }, en: { ...en, ...agentEn } } as const;
export type Namespace = keyof (typeof resources)['zh-CN'];
export const namespaces = Object.keys(resources['zh-CN']) as Namespace[];

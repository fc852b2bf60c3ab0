import 'i18next';
import type { zhCN } from './zh-CN';

/** Typed keys: a misspelt key or a missing namespace fails the console's typecheck. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof zhCN;
  }
}

import 'i18next';
import type { resources } from './resources';

/** Types every namespaced translation key against the base locale, so a missing key does not compile. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof resources)['zh-CN'];
  }
}

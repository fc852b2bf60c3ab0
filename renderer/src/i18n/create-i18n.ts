import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../../core/api/contract';
import { BASE_LOCALE, namespaces, resources } from './resources';

/**
 * One i18next instance per app (tests make their own). Synchronous: the resources are bundled, so
 * the first render already has its strings.
 */
export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: BASE_LOCALE,
    ns: [...namespaces],
    defaultNS: 'common',
    // React escapes; i18next escaping would show "&amp;" in station names.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

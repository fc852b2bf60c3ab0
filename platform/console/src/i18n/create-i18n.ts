import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { BASE_LOCALE, LOCALES, namespaces, resources, type ConsoleLocale } from './resources';

const STORED_LOCALE = 'console.locale';

/** The locale the user chose last time on this PC, else Chinese. */
export function initialLocale(storage: Pick<Storage, 'getItem'> | null): ConsoleLocale {
  const stored = storage?.getItem(STORED_LOCALE);
  return (LOCALES as readonly string[]).includes(stored ?? '') ? (stored as ConsoleLocale) : BASE_LOCALE;
}

export function rememberLocale(storage: Pick<Storage, 'setItem'> | null, locale: ConsoleLocale): void {
  storage?.setItem(STORED_LOCALE, locale);
}

/** One i18next instance for the console (not the global one: tests make their own). */
export function createConsoleI18n(locale: ConsoleLocale): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: BASE_LOCALE,
    ns: namespaces,
    defaultNS: 'common',
    initAsync: false,
    // React escapes text; i18next must not escape it a second time.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

import { useTranslation } from 'react-i18next';
import { rememberLocale } from '../i18n/create-i18n';
import { LOCALES, type ConsoleLocale } from '../i18n/resources';

const NAMES: Record<ConsoleLocale, string> = { 'zh-CN': '中文', en: 'English' };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language">
      {t('common:language')}
      <select
        value={i18n.language}
        onChange={(event) => {
          const locale = event.target.value as ConsoleLocale;
          void i18n.changeLanguage(locale);
          document.documentElement.lang = locale;
          rememberLocale(window.localStorage, locale);
        }}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {NAMES[locale]}
          </option>
        ))}
      </select>
    </label>
  );
}

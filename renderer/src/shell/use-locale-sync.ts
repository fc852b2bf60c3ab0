import { useEffect } from 'react';
import type { Locale } from '../../../core/api/contract';
import { languageInfo } from '../i18n/languages';
import { useT } from '../i18n/use-t';

/**
 * Puts the visit's language into i18next and onto `<html lang>`; `lang` also picks the CJK or
 * Latin glyphs and the speech voice; `dir` comes from the language's entry in i18n/languages.ts.
 */
export function useLocaleSync(locale: Locale): void {
  const { i18n, t } = useT();
  useEffect(() => {
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
    document.documentElement.lang = locale;
    document.documentElement.dir = languageInfo(locale).dir;
  }, [i18n, locale]);
  useEffect(() => {
    document.title = t('appName');
  }, [t, locale]);
}

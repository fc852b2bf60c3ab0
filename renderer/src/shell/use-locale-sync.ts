import { useEffect } from 'react';
import type { Locale } from '../../../core/api/contract';
import { useT } from '../i18n/use-t';

/**
 * Puts the visit's language into i18next and onto `<html lang>`; `lang` also picks the CJK or
 * Latin glyphs and will pick the voice when speech comes.
 */
export function useLocaleSync(locale: Locale): void {
  const { i18n, t } = useT();
  useEffect(() => {
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
    document.documentElement.lang = locale;
  }, [i18n, locale]);
  useEffect(() => {
    document.title = t('appName');
  }, [t, locale]);
}

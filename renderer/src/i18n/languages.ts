import type { Locale } from '../../../core/api/contract';

/**
 * What the shell needs to know about each language beyond its strings. Adding a minority
 * language (for example Uyghur, `ug`, written right to left in Arabic script) is: add it to
 * core/api/locale.ts, add `locales/ug/*.json` with every key (i18n.test.ts checks; its name in
 * itself goes in common.json `language.ug`), register the bundle in resources.ts, and give it an
 * entry here. `speech: false` hides voice mode for a
 * language the kiosk cannot speak (EN 301 549 5.1.3.14: speech in the language of the screen, or
 * none), and `dir` flips the layout, which uses logical properties (margin-inline …) for that.
 */
export interface LanguageInfo {
  readonly dir: 'ltr' | 'rtl';
  /** Core's speech engine has a voice for it. */
  readonly speech: boolean;
}

export const LANGUAGES = {
  'zh-CN': { dir: 'ltr', speech: true },
  en: { dir: 'ltr', speech: true },
} as const satisfies Record<Locale, LanguageInfo>;

export function languageInfo(locale: Locale): LanguageInfo {
  return LANGUAGES[locale];
}

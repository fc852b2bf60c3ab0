import { useT } from '../i18n/use-t';
import { Locale } from '../../../core/api/contract';
import { useShellSend, useVisit } from '../shell/shell-context';

/** Each language is named in itself, so a visitor who cannot read the current one finds theirs. */
export function LanguageSwitch() {
  const { t } = useT();
  const send = useShellSend();
  const { locale } = useVisit();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')} data-testid="language-switch">
      {Locale.options.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="language-option"
          aria-pressed={option === locale}
          data-locale={option}
          onClick={() => send({ type: 'SET_LOCALE', locale: option })}
        >
          {t(`language.${option}`)}
        </button>
      ))}
    </div>
  );
}

import { useState } from 'react';
import { IdNumberKeypad } from '../../components/keypad/IdNumberKeypad';
import { checkIdNumber, type IdNumberCheck } from '../../components/keypad/id-number';
import { TextEntry } from '../../components/keypad/TextEntry';
import { useT } from '../../i18n/use-t';
import type { TypedIdentity } from './sign-in-machine';

export interface TypedSignInProps {
  /** What was typed before (kept when core refused it). */
  readonly initial: TypedIdentity;
  readonly busy: boolean;
  readonly onSubmit: (typed: TypedIdentity) => void;
}

/**
 * The ID number on the keypad and the name in a text field. The check digit is checked here
 * first, in plain words; the message shows only after 确认 so it does not nag while typing.
 */
export function TypedSignIn({ initial, busy, onSubmit }: TypedSignInProps) {
  const { t } = useT();
  const [idNumber, setIdNumber] = useState(initial.idNumber);
  const [name, setName] = useState(initial.name);
  const [tried, setTried] = useState(false);

  const idCheck: IdNumberCheck = checkIdNumber(idNumber);
  const nameMissing = name.trim() === '';
  const idMessage = tried && idCheck !== 'ok' ? t(`signin:typed.${idCheck}`) : null;

  return (
    <form
      className="typed-sign-in"
      noValidate
      data-testid="typed-sign-in"
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (busy || idCheck !== 'ok' || nameMissing) return;
        onSubmit({ idNumber, name: name.trim() });
      }}
    >
      <h2 className="sign-in-prompt">{t('signin:typed.title')}</h2>
      <p className="sign-in-hint" data-speech="hint">
        {t('signin:typed.hint')}
      </p>
      <IdNumberKeypad value={idNumber} onChange={setIdNumber} disabled={busy} message={idMessage} />
      <TextEntry
        label={t('signin:typed.name')}
        name="name"
        value={name}
        onChange={setName}
        maxLength={64}
        required
        disabled={busy}
        error={tried && nameMissing ? t('signin:typed.nameMissing') : null}
        testId="typed-name"
      />
      <button type="submit" className="button button--primary" disabled={busy} data-testid="typed-submit">
        {t('signin:typed.submit')}
      </button>
    </form>
  );
}

import { useState } from 'react';
import { isPhoneNumber, PhonePad as Keys } from '../../../components/keypad/PhonePad';
import { ExplainedButton } from '../../../components/ExplainedButton';
import { useT } from '../../../i18n/use-t';
import '../../../journey/journeys.css';

/**
 * The booking's phone step: the shared phone pad, checked against the platform's phone rule before
 * going on. The shared pad marks its keys as one input (data-input-pad), so 长辈版 counts the step
 * as two choices: the pad and 下一步.
 */
export function PhonePad({ initial, onDone }: { initial: string; onDone: (phone: string) => void }) {
  const { t } = useT();
  const [phone, setPhone] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  const next = () => {
    if (isPhoneNumber(phone)) onDone(phone);
    else setInvalid(true);
  };
  return (
    <div className="journey-step" data-testid="appointment-phone">
      <h2 className="journey-step-title" data-speech="title">
        {t('appointment:phone.title')}
      </h2>
      <p className="journey-note" data-speech="hint">
        {t('appointment:phone.hint')}
      </p>
      <Keys
        label={t('appointment:phone.title')}
        value={phone}
        onChange={(next) => {
          setInvalid(false);
          setPhone(next);
        }}
        testId="appointment-phone-pad"
      />
      {invalid && (
        <p className="journey-warning" role="alert" data-speech="hint">
          {t('appointment:phone.invalid')}
        </p>
      )}
      <div className="journey-actions">
        <ExplainedButton
          className="button button--primary"
          data-testid="appointment-phone-next"
          blockedBy={phone.length === 0 ? t('appointment:phone.needed') : null}
          onClick={next}
        >
          {t('appointment:phone.next')}
        </ExplainedButton>
      </div>
    </div>
  );
}

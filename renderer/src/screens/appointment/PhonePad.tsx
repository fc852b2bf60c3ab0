import { useState } from 'react';
import { PhoneNumber } from '../../../../platform/contract/common';
import { useT } from '../../i18n/use-t';
import '../ticket/journeys.css';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
const MAX_LENGTH = 12;

/** A large-key phone pad: digits only, checked against the platform's phone rule before going on. */
export function PhonePad({ initial, onDone }: { initial: string; onDone: (phone: string) => void }) {
  const { t } = useT();
  const [phone, setPhone] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  const press = (digit: string) => {
    setInvalid(false);
    setPhone((current) => (current.length < MAX_LENGTH ? current + digit : current));
  };
  const next = () => {
    if (PhoneNumber.safeParse(phone).success) onDone(phone);
    else setInvalid(true);
  };
  return (
    <div className="journey-step" data-testid="appointment-phone">
      <h2 className="journey-step-title">{t('appointment:phone.title')}</h2>
      <p className="journey-note">{t('appointment:phone.hint')}</p>
      <output className="journey-field" data-testid="appointment-phone-value" aria-live="polite">
        {phone}
      </output>
      {invalid && (
        <p className="journey-warning" role="alert">
          {t('appointment:phone.invalid')}
        </p>
      )}
      <div className="journey-keys">
        {DIGITS.map((digit) => (
          <button
            key={digit}
            type="button"
            className="journey-key"
            aria-label={t('appointment:phone.digit', { digit })}
            onClick={() => press(digit)}
          >
            {digit}
          </button>
        ))}
        <button type="button" className="journey-key journey-key--small" onClick={() => setPhone('')}>
          {t('appointment:phone.clear')}
        </button>
        <button
          type="button"
          className="journey-key"
          aria-label={t('appointment:phone.digit', { digit: '0' })}
          onClick={() => press('0')}
        >
          0
        </button>
        <button
          type="button"
          className="journey-key journey-key--small"
          onClick={() => setPhone((current) => current.slice(0, -1))}
        >
          {t('appointment:phone.delete')}
        </button>
      </div>
      <div className="journey-actions">
        <button
          type="button"
          className="button button--primary"
          data-testid="appointment-phone-next"
          disabled={phone.length === 0}
          onClick={next}
        >
          {t('appointment:phone.next')}
        </button>
      </div>
    </div>
  );
}

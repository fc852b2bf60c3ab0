import { PhoneNumber } from '../../../../platform/contract/common';
import { useT } from '../../i18n/use-t';
import './phone-pad.css';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const;
/** 11 digits for a mobile, up to 12 for a landline with its area code (0536 + 8). */
const MAX_DIGITS = 12;

export const isPhoneNumber = (value: string): boolean => PhoneNumber.safeParse(value).success;

/**
 * A phone number typed on large keys of our own: no system keyboard on a kiosk, and digits only
 * (a landline's hyphen is optional in the contract, so it is not offered).
 */
export function PhonePad({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  onChange: (next: string) => void;
  testId: string;
}) {
  const { t } = useT();
  const complete = isPhoneNumber(value);
  return (
    <fieldset className="phone-pad" data-testid={testId}>
      <legend className="phone-pad-label">{label}</legend>
      <output className="phone-pad-value" data-testid={`${testId}-value`} aria-live="polite">
        {value === '' ? <span className="phone-pad-empty">{t('keypad:phone.empty')}</span> : value}
      </output>
      {value !== '' && !complete && (
        <p className="phone-pad-hint" data-testid={`${testId}-incomplete`}>
          {t('keypad:phone.incomplete')}
        </p>
      )}
      <div className="phone-pad-keys" data-input-pad="">
        {DIGITS.map((digit) => (
          <button
            key={digit}
            type="button"
            className="phone-pad-key"
            aria-label={t('keypad:phone.digit', { digit })}
            disabled={value.length >= MAX_DIGITS}
            onClick={() => onChange(`${value}${digit}`)}
          >
            {digit}
          </button>
        ))}
        <button
          type="button"
          className="phone-pad-key phone-pad-key--wide"
          disabled={value === ''}
          onClick={() => onChange(value.slice(0, -1))}
        >
          {t('keypad:phone.delete')}
        </button>
        <button
          type="button"
          className="phone-pad-key phone-pad-key--wide"
          disabled={value === ''}
          onClick={() => onChange('')}
        >
          {t('keypad:phone.clear')}
        </button>
      </div>
    </fieldset>
  );
}

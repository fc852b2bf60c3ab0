import { PhoneNumber } from '../../../../platform/contract/common';
import { useT } from '../../i18n/use-t';
import { DigitKeys } from './DigitKeys';
import { GivenPhoneOffer } from './GivenPhoneOffer';
import './phone-pad.css';

/** 11 digits for a mobile, up to 12 for a landline with its area code (0536 + 8). */
const MAX_DIGITS = 12;

export const isPhoneNumber = (value: string): boolean => PhoneNumber.safeParse(value).success;

/**
 * A phone number typed on the kiosk's one number pad: no system keyboard on a kiosk, and digits
 * only (a landline's hyphen is optional in the contract, so it is not offered). A number given
 * earlier in this visit is offered above the keys, never filled in unasked.
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
      <GivenPhoneOffer value={value} onUse={onChange} testId={`${testId}-offer`} />
      <DigitKeys
        label={label}
        empty={value === ''}
        keyDisabled={() => value.length >= MAX_DIGITS}
        onKey={(digit) => onChange(`${value}${digit}`)}
        onBackspace={() => onChange(value.slice(0, -1))}
        onClear={() => onChange('')}
      />
    </fieldset>
  );
}

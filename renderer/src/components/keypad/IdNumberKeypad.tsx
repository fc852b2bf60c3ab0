import { useT } from '../../i18n/use-t';
import { appendIdKey, groupIdNumber, ID_NUMBER_LENGTH, type IdKey } from './id-number';
import { DigitKeys } from './DigitKeys';
import './keypad.css';

export interface IdNumberKeypadProps {
  readonly value: string;
  readonly onChange: (next: string) => void;
  readonly disabled?: boolean;
  /** Plain words under the number (what is wrong with it), or null. */
  readonly message: string | null;
}

/**
 * The ID number typed on screen on the kiosk's one number pad (with X), the number shown grouped 6-8-4
 * as on the card. X is only accepted as the 18th character, so a stray X cannot slip in.
 */
export function IdNumberKeypad({ value, onChange, disabled = false, message }: IdNumberKeypadProps) {
  const { t } = useT();
  const full = value.length >= ID_NUMBER_LENGTH;
  return (
    <div className="id-keypad" data-testid="id-keypad">
      <output className="id-keypad-display code" data-testid="id-number-display" aria-live="polite">
        {value === '' ? <span className="id-keypad-placeholder">{t('keypad:placeholder')}</span> : groupIdNumber(value)}
      </output>
      {message !== null && (
        <p className="keypad-message" role="alert" data-testid="id-number-message">
          {message}
        </p>
      )}
      {/* X is the 18th character only (a check digit of 10), so it sits under the digits. */}
      <DigitKeys
        label={t('keypad:label')}
        masked
        disabled={disabled}
        empty={value === ''}
        extraKeys={['X']}
        keyDisabled={(key) => full || (key === 'X' && value.length !== ID_NUMBER_LENGTH - 1)}
        onKey={(key) => onChange(appendIdKey(value, key as IdKey))}
        onBackspace={() => onChange(value.slice(0, -1))}
        onClear={() => onChange('')}
      />
    </div>
  );
}

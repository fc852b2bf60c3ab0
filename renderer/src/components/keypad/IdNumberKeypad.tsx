import { useT } from '../../i18n/use-t';
import { appendIdKey, groupIdNumber, ID_NUMBER_LENGTH, type IdKey } from './id-number';
import './keypad.css';

const KEYS: readonly IdKey[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'X', '0'];

export interface IdNumberKeypadProps {
  readonly value: string;
  readonly onChange: (next: string) => void;
  readonly disabled?: boolean;
  /** Plain words under the number (what is wrong with it), or null. */
  readonly message: string | null;
}

/**
 * The ID number typed on screen: large keys (0–9, X, 退格, 清空), the number shown grouped 6-8-4
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
      {/* One input, not 13 choices (长辈版's count); its keys are spoken as 星号 (masked entry). */}
      <div className="id-keypad-keys" role="group" aria-label={t('keypad:label')} data-input-pad="" data-masked="">
        {KEYS.map((key) => (
          <button
            key={key}
            type="button"
            className="keypad-key"
            data-key={key}
            disabled={disabled || full || (key === 'X' && value.length !== ID_NUMBER_LENGTH - 1)}
            onClick={() => onChange(appendIdKey(value, key))}
          >
            {key}
          </button>
        ))}
        <button
          type="button"
          className="keypad-key keypad-key--action"
          data-key="backspace"
          disabled={disabled || value === ''}
          onClick={() => onChange(value.slice(0, -1))}
        >
          {t('keypad:backspace')}
        </button>
        <button
          type="button"
          className="keypad-key keypad-key--action"
          data-key="clear"
          disabled={disabled || value === ''}
          onClick={() => onChange('')}
        >
          {t('keypad:clear')}
        </button>
      </div>
    </div>
  );
}

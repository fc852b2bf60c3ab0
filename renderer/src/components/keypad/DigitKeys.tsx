import type { MouseEvent } from 'react';
import { useT } from '../../i18n/use-t';
import './keypad.css';

/** 1-2-3 on top, as on a phone and an ATM (docs/accessibility.md §2.8); 5 carries the home mark. */
const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

export interface DigitKeysProps {
  readonly onKey: (key: string) => void;
  readonly onBackspace: () => void;
  readonly onClear: () => void;
  /** Nothing typed yet: 退格 and 清空 are off. */
  readonly empty: boolean;
  /** Keys beyond the ten digits, in a row of their own under them (the ID number's X, A–F). */
  readonly extraKeys?: readonly string[];
  /** A key that cannot be typed now (the number is full, X before the 18th character …). */
  readonly keyDisabled?: (key: string) => boolean;
  readonly disabled?: boolean;
  /** The keys are one input, not many choices (长辈版's count); masked keys are spoken as 星号. */
  readonly masked?: boolean;
  readonly label: string;
  readonly testId?: string;
  /** Keys that must not take the focus from a field a scanner types into. */
  readonly keepFocus?: boolean;
}

/**
 * The one number pad of the kiosk, under every phone number, ID number, case number, date and
 * postcode: the same large keys in the same places everywhere, so a resident who has typed a phone
 * number once knows where every key is the next time.
 *
 *     1 2 3
 *     4 5 6
 *     7 8 9
 *    退格 0 清空
 *    [extra keys]
 */
export function DigitKeys({
  onKey,
  onBackspace,
  onClear,
  empty,
  extraKeys = [],
  keyDisabled = () => false,
  disabled = false,
  masked = false,
  label,
  testId,
  keepFocus = false,
}: DigitKeysProps) {
  const { t } = useT();
  const onMouseDown = keepFocus ? (event: MouseEvent) => event.preventDefault() : undefined;
  const key = (value: string) => (
    <button
      key={value}
      type="button"
      className="keypad-key"
      data-key={value}
      // A masked pad's keys keep their one-character name, which voice mode says as 星号.
      aria-label={!masked && /[0-9]/.test(value) ? t('keypad:digit', { digit: value }) : undefined}
      disabled={disabled || keyDisabled(value)}
      onMouseDown={onMouseDown}
      onClick={() => onKey(value)}
    >
      {value}
    </button>
  );
  return (
    <div
      className="digit-keys"
      role="group"
      aria-label={label}
      data-testid={testId}
      data-input-pad=""
      data-masked={masked ? '' : undefined}
    >
      <div className="digit-keys-grid">
        {DIGITS.map(key)}
        <button
          type="button"
          className="keypad-key keypad-key--action"
          data-key="backspace"
          disabled={disabled || empty}
          onMouseDown={onMouseDown}
          onClick={onBackspace}
        >
          {t('keypad:backspace')}
        </button>
        {key('0')}
        <button
          type="button"
          className="keypad-key keypad-key--action"
          data-key="clear"
          disabled={disabled || empty}
          onMouseDown={onMouseDown}
          onClick={onClear}
        >
          {t('keypad:clear')}
        </button>
      </div>
      {extraKeys.length > 0 && <div className="digit-keys-extra">{extraKeys.map(key)}</div>}
    </div>
  );
}

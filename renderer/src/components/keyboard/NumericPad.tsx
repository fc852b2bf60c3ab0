import { useT } from '../../i18n/use-t';
import { appendWithin } from './composer';
import { deleteDateDigit, typeDateDigit } from './date-digits';
import '../keypad/keypad.css';
import './keyboard.css';

/** 1-2-3 on top, as on a phone and an ATM (docs/accessibility.md §2.8); 5 carries the home mark. */
const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

export interface NumericPadProps {
  readonly value: string;
  readonly onChange: (next: string) => void;
  /** 'date' types YYYY-MM-DD with the hyphens put in; 'digits' types plain digits. */
  readonly format: 'digits' | 'date';
  readonly maxLength?: number;
  readonly onDone: () => void;
  readonly testId?: string;
}

/**
 * The 12-key pad under a phone, number or date field: the keys, labels and look of the ID and
 * phone keypads (keypad.css, keypad:*), laid out 3 × 4 with 完成 below.
 */
export function NumericPad({ value, onChange, format, maxLength, onDone, testId }: NumericPadProps) {
  const { t } = useT();
  const type = (digit: string) =>
    onChange(format === 'date' ? typeDateDigit(value, digit) : appendWithin(value, digit, maxLength));
  const full = format === 'digits' && maxLength !== undefined && value.length >= maxLength;
  const digitKey = (digit: string) => (
    <button
      key={digit}
      type="button"
      className="keypad-key kb-key"
      data-key={digit}
      aria-label={t('keypad:phone.digit', { digit })}
      disabled={full}
      onClick={() => type(digit)}
    >
      {digit}
    </button>
  );
  return (
    <div
      className="kb kb--numeric"
      role="group"
      aria-label={t('keyboard:numericLabel')}
      data-testid={testId}
      data-input-pad=""
    >
      <div className="kb-numeric-keys">
        {DIGITS.map(digitKey)}
        <button
          type="button"
          className="keypad-key keypad-key--action kb-key"
          data-key="backspace"
          disabled={value === ''}
          onClick={() => onChange(format === 'date' ? deleteDateDigit(value) : value.slice(0, -1))}
        >
          {t('keyboard:backspace')}
        </button>
        {digitKey('0')}
        <button
          type="button"
          className="keypad-key keypad-key--action kb-key"
          data-key="clear"
          disabled={value === ''}
          onClick={() => onChange('')}
        >
          {t('keyboard:clear')}
        </button>
      </div>
      <button type="button" className="button button--primary kb-done" data-key="done" onClick={onDone}>
        {t('keyboard:done')}
      </button>
    </div>
  );
}

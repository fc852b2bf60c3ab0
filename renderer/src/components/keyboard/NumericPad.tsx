import { useT } from '../../i18n/use-t';
import { DigitKeys } from '../keypad/DigitKeys';
import { appendWithin } from './composer';
import { deleteDateDigit, typeDateDigit } from './date-digits';
import './keyboard.css';

export interface NumericPadProps {
  readonly value: string;
  readonly onChange: (next: string) => void;
  /** 'date' types YYYY-MM-DD with the hyphens put in; 'digits' types plain digits. */
  readonly format: 'digits' | 'date';
  readonly maxLength?: number;
  readonly onDone: () => void;
  readonly testId?: string;
}

/** The number pad under a phone, number or date field: the kiosk's one pad (DigitKeys), with 完成 below. */
export function NumericPad({ value, onChange, format, maxLength, onDone, testId }: NumericPadProps) {
  const { t } = useT();
  const full = format === 'digits' && maxLength !== undefined && value.length >= maxLength;
  return (
    <div className="kb kb--numeric" data-testid={testId}>
      <DigitKeys
        label={t('keyboard:numericLabel')}
        empty={value === ''}
        keyDisabled={() => full}
        onKey={(digit) =>
          onChange(format === 'date' ? typeDateDigit(value, digit) : appendWithin(value, digit, maxLength))
        }
        onBackspace={() => onChange(format === 'date' ? deleteDateDigit(value) : value.slice(0, -1))}
        onClear={() => onChange('')}
      />
      <button type="button" className="button button--primary kb-done" data-key="done" onClick={onDone}>
        {t('keyboard:done')}
      </button>
    </div>
  );
}

import { useId } from 'react';
import './keypad.css';

export interface TextEntryProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (next: string) => void;
  /** Which on-screen keyboard suits it; plain inputs for now, the pinyin keyboard (issue 5) reads this. */
  readonly kind?: 'text' | 'multiline' | 'phone' | 'number' | 'date';
  readonly name?: string;
  readonly maxLength?: number;
  readonly required?: boolean;
  readonly disabled?: boolean;
  /** A line under the label, e.g. "已从身份证读取". */
  readonly note?: string | null;
  /** What is wrong with the value, in plain words, or null. */
  readonly error?: string | null;
  readonly testId?: string;
}

/**
 * Every text the resident types goes through here, so the touch keyboard of issue 5 replaces one
 * component instead of every form.
 */
export function TextEntry({
  label,
  value,
  onChange,
  kind = 'text',
  name,
  maxLength,
  required = false,
  disabled = false,
  note = null,
  error = null,
  testId,
}: TextEntryProps) {
  const id = useId();
  const common = {
    id,
    name,
    value,
    maxLength,
    required,
    disabled,
    'aria-invalid': error !== null || undefined,
    'aria-describedby': error !== null ? `${id}-error` : note !== null ? `${id}-note` : undefined,
    'data-testid': testId,
    className: 'text-entry-input',
  };
  return (
    <div className="text-entry" data-invalid={error !== null || undefined}>
      <label className="text-entry-label" htmlFor={id}>
        {label}
      </label>
      {note !== null && (
        <p className="text-entry-note" id={`${id}-note`}>
          {note}
        </p>
      )}
      {kind === 'multiline' ? (
        <textarea {...common} rows={3} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input
          {...common}
          type={kind === 'date' ? 'date' : 'text'}
          inputMode={kind === 'phone' ? 'tel' : kind === 'number' ? 'numeric' : 'text'}
          autoComplete="off"
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {error !== null && (
        <p className="keypad-message" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

import { useEffect, useId, useRef } from 'react';
import { useT } from '../../i18n/use-t';
import { NumericPad } from '../keyboard/NumericPad';
import { useKeyboardOpen } from '../keyboard/open-keyboard';
import { PinyinKeyboard } from '../keyboard/PinyinKeyboard';
import { GivenPhoneOffer } from './GivenPhoneOffer';
import './keypad.css';

export type TextEntryKind = 'text' | 'multiline' | 'phone' | 'number' | 'date';

export interface TextEntryProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (next: string) => void;
  /** Which touch keyboard opens: pinyin for text, the numeric pad for phone, number and date. */
  readonly kind?: TextEntryKind;
  readonly name?: string;
  readonly maxLength?: number;
  readonly required?: boolean;
  readonly disabled?: boolean;
  /** A line under the label, e.g. "已从身份证读取". */
  readonly note?: string | null;
  /** What is wrong with the value, in plain words, or null. */
  readonly error?: string | null;
  readonly testId?: string;
  /** Extra word candidates for the pinyin keyboard, e.g. the station's town and village names. */
  readonly vocabulary?: readonly string[];
  /** Voice mode reads the label as the step's title (a 长辈版 form that asks one question per step). */
  readonly labelIsTitle?: boolean;
  /** The pinyin keyboard offers the typed letters as they are (search by initials or pinyin). */
  readonly offerLetters?: boolean;
}

/**
 * Every text the resident types goes through here. The field is a real <input> (a physical
 * keyboard or a test's fill() still works); touching it opens our touch keyboard inline right under
 * it, one at a time on the screen, until 完成. There is no OS keyboard on a kiosk.
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
  vocabulary,
  labelIsTitle = false,
  offerLetters = false,
}: TextEntryProps) {
  const { t } = useT();
  const id = useId();
  const { open, show, hide } = useKeyboardOpen(id);
  const rootRef = useRef<HTMLDivElement>(null);
  const labelRef = useRef<HTMLLabelElement>(null);
  const showing = open && !disabled;

  useEffect(() => {
    if (!showing) return;
    // The keyboard grows the page downwards; bring it into view without losing the field above it.
    rootRef.current?.scrollIntoView?.({ block: 'nearest' });
    labelRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [showing]);

  const common = {
    id,
    name,
    value,
    maxLength,
    required,
    disabled,
    'aria-invalid': error !== null || undefined,
    'aria-describedby': error !== null ? `${id}-error` : note !== null ? `${id}-note` : undefined,
    // No aria-expanded: a textbox may not carry it (axe aria-allowed-attr); the keyboard is inline
    // right under the field, in reading order, so nothing is hidden to announce.
    'data-testid': testId,
    className: 'text-entry-input',
    onFocus: show,
    onClick: show,
  };
  const keyboardTestId = testId === undefined ? undefined : `${testId}-keyboard`;
  return (
    <div className="text-entry" ref={rootRef} data-invalid={error !== null || undefined}>
      <label className="text-entry-label" htmlFor={id} ref={labelRef} data-speech={labelIsTitle ? 'title' : undefined}>
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
          // A text input for dates too: a date input blanks a half-typed "1960-0".
          type="text"
          inputMode={kind === 'phone' ? 'tel' : kind === 'number' || kind === 'date' ? 'numeric' : 'text'}
          placeholder={kind === 'date' ? t('keyboard:datePlaceholder') : undefined}
          autoComplete="off"
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {kind === 'phone' && !disabled && (
        <GivenPhoneOffer value={value} onUse={onChange} testId={testId === undefined ? undefined : `${testId}-offer`} />
      )}
      {error !== null && (
        <p className="keypad-message" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      {showing &&
        (kind === 'text' || kind === 'multiline' ? (
          <PinyinKeyboard
            value={value}
            onChange={onChange}
            maxLength={maxLength}
            vocabulary={vocabulary}
            onDone={hide}
            testId={keyboardTestId}
            offerLetters={offerLetters}
          />
        ) : (
          <NumericPad
            value={value}
            onChange={onChange}
            format={kind === 'date' ? 'date' : 'digits'}
            maxLength={maxLength}
            onDone={hide}
            testId={keyboardTestId}
          />
        ))}
    </div>
  );
}

import { useRef, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/use-t';
import { isLookupReference, parseReference } from './reference';
import '../ticket/journeys.css';

const KEYS = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', '-'] as const;

/**
 * The receipt's number: typed with big keys, or scanned. A keyboard-wedge scanner types the QR
 * content and Enter into the focused field, so the field keeps the focus (the keys do not take
 * it) and Enter looks up; `bmkiosk:progress:<ref>` is understood as the ref.
 */
export function ReferenceEntry({
  initial,
  onLookup,
}: {
  /** What was looked up last, kept so a mistyped number can be corrected rather than retyped. */
  initial: string;
  onLookup: (reference: string) => void;
}) {
  const { t } = useT();
  const [text, setText] = useState(initial);
  const [tooShort, setTooShort] = useState(false);
  const field = useRef<HTMLInputElement>(null);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const reference = parseReference(text);
    if (isLookupReference(reference)) onLookup(reference);
    else setTooShort(true);
  };
  const edit = (change: (current: string) => string) => {
    setTooShort(false);
    setText((current) => change(current).slice(0, 80));
    field.current?.focus();
  };
  // Buttons keep the field focused, so a scan right after a key press still lands in it.
  const keepFocus = (event: { preventDefault: () => void }) => event.preventDefault();

  return (
    <form className="journey-step" data-testid="progress-entry" onSubmit={submit}>
      <h2 className="journey-step-title" data-speech="title">
        {t('progress:entry.title')}
      </h2>
      <p className="journey-note" data-speech="hint">
        {t('progress:entry.hint')}
      </p>
      <label className="journey-note" htmlFor="progress-reference">
        {t('progress:entry.label')}
      </label>
      <input
        id="progress-reference"
        ref={field}
        className="journey-field"
        data-testid="progress-reference"
        // The on-screen keys are the keyboard; a tablet's own keyboard would cover them.
        inputMode="none"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        // The scanner types into whichever field has the focus.
        autoFocus
        value={text}
        onChange={(event) => edit(() => event.target.value)}
      />
      {tooShort && (
        <p className="journey-warning" role="alert">
          {t('progress:entry.tooShort')}
        </p>
      )}
      {/* One input, however many keys: 长辈版 counts the pad as one choice (data-input-pad). */}
      <div className="journey-keys journey-keys--wide" data-input-pad>
        {KEYS.map((key) => (
          <button
            key={key}
            type="button"
            className="journey-key"
            aria-label={t('progress:entry.key', { key })}
            onMouseDown={keepFocus}
            onClick={() => edit((current) => current + key)}
          >
            {key}
          </button>
        ))}
        <button
          type="button"
          className="journey-key journey-key--small"
          onMouseDown={keepFocus}
          onClick={() => edit((current) => current.slice(0, -1))}
        >
          {t('progress:entry.delete')}
        </button>
        <button
          type="button"
          className="journey-key journey-key--small"
          onMouseDown={keepFocus}
          onClick={() => edit(() => '')}
        >
          {t('progress:entry.clear')}
        </button>
      </div>
      <div className="journey-actions">
        <button type="submit" className="button button--primary" data-testid="progress-lookup">
          {t('progress:entry.submit')}
        </button>
      </div>
    </form>
  );
}

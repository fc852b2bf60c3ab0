import { useRef, useState, type FormEvent } from 'react';
import { useKioskInfo } from '../../api/kiosk-info-context';
import { useApiQuery } from '../../api/use-api-query';
import { DigitKeys } from '../../components/keypad/DigitKeys';
import { useT } from '../../i18n/use-t';
import {
  CASE_DIGITS,
  caseNumberTemplate,
  deleteCaseDigit,
  LOCAL_REF_LENGTH,
  LOCAL_REF_LETTERS,
  typeCaseDigit,
  typedCaseDigits,
} from './case-number';
import { isLookupReference, parseReference } from './reference';
import '../../journey/journeys.css';

type Kind = 'caseNo' | 'localRef';

/**
 * The receipt's number: typed on the kiosk's number pad, or scanned. A 办件编号 is the county's
 * region code, the day and a sequence (370784-20261206-000123): the region is shown fixed and the
 * resident types the 14 digits. A receipt printed while offline carries an 8-character 本机受理号
 * instead, typed on the same pad with A–F. A keyboard-wedge scanner types the QR content and Enter
 * into the focused field, so the field keeps the focus (the keys do not take it) and Enter looks up; the
 * receipt's printed code (reference.ts) is understood as its number.
 */
export function ReferenceEntry({
  initial,
  scannerFitted,
  onLookup,
}: {
  /** What was looked up last, kept so a mistyped number can be corrected rather than retyped. */
  initial: string;
  /** A QR scanner is configured: the hint says the receipt's code can be scanned. */
  scannerFitted: boolean;
  onLookup: (reference: string) => void;
}) {
  const { t } = useT();
  const { station } = useKioskInfo();
  const overview = useApiQuery('catalog.overview', {}, '');
  // Until the catalog says which county this is, the region is typed too (with its hyphen).
  const prefix = overview.status === 'ok' ? `${overview.value.region.code}-` : null;
  const [kind, setKind] = useState<Kind>('caseNo');
  const [text, setText] = useState(initial);
  const [tooShort, setTooShort] = useState(false);
  const field = useRef<HTMLInputElement>(null);

  const typing = prefix === null ? null : typedCaseDigits(text, prefix);
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const reference = parseReference(text, station.progressPageUrl ?? null);
    const halfTyped = kind === 'caseNo' && typing !== null && typing.length > 0 && typing.length < CASE_DIGITS;
    if (!halfTyped && isLookupReference(reference)) onLookup(reference);
    else setTooShort(true);
  };
  const edit = (change: (current: string) => string) => {
    setTooShort(false);
    setText((current) => change(current).slice(0, 80));
    field.current?.focus();
  };
  const choose = (next: Kind) => {
    setKind(next);
    edit(() => '');
  };

  const pad =
    kind === 'caseNo' && prefix !== null ? (
      <DigitKeys
        label={t('progress:entry.caseNoPad')}
        keepFocus
        empty={text === ''}
        keyDisabled={() => (typing ?? '').length >= CASE_DIGITS}
        onKey={(digit) => edit((current) => typeCaseDigit(current, prefix, digit))}
        onBackspace={() => edit((current) => deleteCaseDigit(current, prefix))}
        onClear={() => edit(() => '')}
        testId="progress-pad"
      />
    ) : (
      <DigitKeys
        label={t(kind === 'caseNo' ? 'progress:entry.caseNoPad' : 'progress:entry.localRefPad')}
        keepFocus
        empty={text === ''}
        extraKeys={kind === 'caseNo' ? ['-'] : LOCAL_REF_LETTERS}
        keyDisabled={() => kind === 'localRef' && text.length >= LOCAL_REF_LENGTH}
        onKey={(key) => edit((current) => current + key)}
        onBackspace={() => edit((current) => current.slice(0, -1))}
        onClear={() => edit(() => '')}
        testId="progress-pad"
      />
    );
  const template = kind === 'caseNo' && prefix !== null && typing !== null ? caseNumberTemplate(prefix, typing) : null;
  const digitsLeft = typing !== null && typing.length > 0 ? CASE_DIGITS - typing.length : 0;

  return (
    <form className="journey-step" data-testid="progress-entry" onSubmit={submit}>
      <h2 className="journey-step-title" data-speech="title">
        {scannerFitted ? t('progress:entry.title') : t('scan:withoutScanner.entryTitle')}
      </h2>
      <p className="journey-note" data-speech="hint">
        {scannerFitted ? t('progress:entry.hint') : t('scan:withoutScanner.entryHint')}
      </p>
      {scannerFitted && (
        <p className="scan-hint" data-testid="scan-hint">
          {t('scan:hint.receipt')}
        </p>
      )}
      <div className="journey-actions" role="radiogroup" aria-label={t('progress:entry.kind')}>
        {(['caseNo', 'localRef'] as const).map((option) => (
          <button
            key={option}
            type="button"
            role="radio"
            aria-checked={kind === option}
            className={kind === option ? 'button button--primary' : 'button'}
            data-testid={`progress-kind-${option}`}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(option)}
          >
            {t(`progress:entry.${option}`)}
          </button>
        ))}
      </div>
      <label className="journey-note" htmlFor="progress-reference">
        {t(kind === 'caseNo' ? 'progress:entry.label' : 'progress:entry.localRefLabel')}
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
        // The region is fixed: shown before anything is typed, put in with the first digit.
        placeholder={template ? `${template.typed}${template.remaining}` : undefined}
        // The scanner types into whichever field has the focus.
        autoFocus
        value={text}
        onChange={(event) => edit(() => event.target.value)}
      />
      {kind === 'caseNo' && digitsLeft > 0 && !tooShort && (
        <p className="journey-note" data-testid="progress-digits-left">
          {t('progress:entry.digitsLeft', { count: digitsLeft })}
        </p>
      )}
      {tooShort && (
        <p className="journey-warning" role="alert">
          {t('progress:entry.tooShort')}
        </p>
      )}
      {pad}
      <div className="journey-actions">
        <button type="submit" className="button button--primary" data-testid="progress-lookup">
          {t('progress:entry.submit')}
        </button>
      </div>
    </form>
  );
}

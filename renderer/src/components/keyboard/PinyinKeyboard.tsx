import { useMemo, useState } from 'react';
import { useT } from '../../i18n/use-t';
import {
  EMPTY_COMPOSITION,
  appendWithin,
  backspace,
  clearAll,
  commitRaw,
  isFull,
  pick,
  settle,
  typeLetter,
  type Composition,
  type Edit,
} from './composer';
import { bundledLexicon, spellWords } from './lexicon';
import { candidatesFor, SEPARATOR, type Candidate } from './pinyin-match';
import punctuationData from './punctuation.json';
import './keyboard.css';

/** Five or six big candidates per page (docs/accessibility.md §4); six fill the row at every scale. */
export const CANDIDATES_PER_PAGE = 6;

const NO_WORDS: readonly string[] = [];
const DIGIT_ROW = Array.from('1234567890');
const LETTER_ROWS = [Array.from('qwertyuiop'), Array.from('asdfghjkl'), Array.from('zxcvbnm')] as const;

type PunctuationId = 'comma' | 'period' | 'hyphen' | 'hash';
/** The marks an address needs (，。-#); the characters live in JSON so no source file holds hanzi text. */
interface Punctuation {
  readonly id: PunctuationId;
  readonly text: string;
}
const PUNCTUATION = punctuationData as readonly Punctuation[];
/**
 * No row has more than ten keys, so ten keys of 长辈版's 96 px fit a 1080 px portrait screen
 * (keyboard.css): three marks end the zxcvbnm row, the last one sits by the space bar.
 */
const ROW_MARKS = PUNCTUATION.slice(0, 3);
const BOTTOM_MARKS = PUNCTUATION.slice(3);

export interface PinyinKeyboardProps {
  readonly value: string;
  readonly onChange: (next: string) => void;
  readonly maxLength?: number;
  /** Extra words offered as candidates, e.g. the station's town and village names. */
  readonly vocabulary?: readonly string[];
  /** 完成: the keyboard closes (a pending pinyin buffer becomes its first candidate first). */
  readonly onDone: () => void;
  /**
   * Offer the typed letters themselves as the first candidate (search: sb for initials, shebao
   * for pinyin), so letters need no switch to 英 first. Pinyin input methods do the same.
   */
  readonly offerLetters?: boolean;
  readonly testId?: string;
}

/**
 * Our own touch keyboard for Chinese: QWERTY letters build a pinyin buffer, the candidate bar
 * offers characters and words for it, and picking one appends it to the field's end. 中/英 types
 * letters as they are; digits and the address marks are always on screen.
 */
export function PinyinKeyboard({
  value,
  onChange,
  maxLength,
  vocabulary = NO_WORDS,
  onDone,
  testId,
  offerLetters = false,
}: PinyinKeyboardProps) {
  const { t } = useT();
  const [composition, setComposition] = useState<Composition>(EMPTY_COMPOSITION);
  const lexicon = bundledLexicon();
  const extra = useMemo(() => spellWords(lexicon, vocabulary), [lexicon, vocabulary]);
  const candidatesOf = (buffer: string): readonly Candidate[] => candidatesFor(lexicon, buffer, extra);
  const candidates = useMemo(
    () => candidatesFor(lexicon, composition.buffer, extra),
    [lexicon, composition.buffer, extra],
  );
  const full = isFull(value, maxLength);
  const composing = composition.buffer !== '';
  const letters = offerLetters && composing ? composition.buffer.replaceAll(SEPARATOR, '') : '';
  // The letters take one place of every page, so a row never holds more than six.
  const perPage = letters ? CANDIDATES_PER_PAGE - 1 : CANDIDATES_PER_PAGE;
  const pages = Math.max(1, Math.ceil(candidates.length / perPage));
  const page = Math.min(composition.page, pages - 1);
  const shown = candidates.slice(page * perPage, (page + 1) * perPage);

  const apply = (next: Edit) => {
    setComposition(next.composition);
    if (next.value !== value) onChange(next.value);
  };
  const edit: Edit = { composition, value };
  /** Digits, marks and spaces end the pinyin first, the way desktop input methods do. */
  const insert = (text: string) => {
    const settled = settle(edit, candidatesOf, maxLength);
    apply({ ...settled, value: appendWithin(settled.value, text, maxLength) });
  };
  const onSpace = () => {
    const first = candidates[0];
    if (composing && first !== undefined) apply(pick(edit, first, maxLength));
    else if (composing) apply(commitRaw(edit, maxLength));
    else insert(' ');
  };
  const toggleMode = () => {
    const settled = commitRaw(edit, maxLength);
    apply({
      ...settled,
      composition: { ...settled.composition, mode: composition.mode === 'pinyin' ? 'english' : 'pinyin' },
    });
  };

  const letterKey = (letter: string) => (
    <button
      key={letter}
      type="button"
      className="kb-key"
      data-key={letter}
      disabled={full}
      onClick={() => apply(typeLetter(edit, letter, maxLength))}
    >
      {composition.mode === 'english' && composition.upperCase ? letter.toUpperCase() : letter}
    </button>
  );

  const markKey = ({ id, text }: Punctuation) => (
    <button
      key={id}
      type="button"
      className="kb-key"
      data-key={id}
      aria-label={t(`keyboard:punctuation.${id}`)}
      disabled={full}
      onClick={() => insert(text)}
    >
      {text}
    </button>
  );

  return (
    <div
      className="kb"
      role="group"
      aria-label={t('keyboard:label')}
      data-testid={testId}
      data-mode={composition.mode}
      data-input-pad=""
    >
      {composition.mode === 'pinyin' && (
        <div className="kb-candidates" data-testid="kb-candidates">
          <output className="kb-buffer" aria-label={t('keyboard:composing')} data-testid="kb-buffer">
            {composing ? composition.buffer : <span className="kb-hint">{t('keyboard:hint')}</span>}
          </output>
          <div className="kb-candidate-list" role="group" aria-label={t('keyboard:candidates')}>
            {letters && (
              <button
                type="button"
                className="kb-key kb-candidate kb-candidate--letters"
                data-testid="kb-letters"
                aria-label={t('keyboard:letters', { letters })}
                onClick={() => apply(commitRaw(edit, maxLength))}
              >
                {letters}
              </button>
            )}
            {shown.map((candidate) => (
              <button
                key={candidate.text}
                type="button"
                className="kb-key kb-candidate"
                data-candidate={candidate.text}
                onClick={() => apply(pick(edit, candidate, maxLength))}
              >
                {candidate.text}
              </button>
            ))}
          </div>
          <button
            type="button"
            className="kb-key kb-key--action"
            data-key="prev-page"
            disabled={page === 0}
            onClick={() => setComposition({ ...composition, page: page - 1 })}
          >
            {t('keyboard:prevPage')}
          </button>
          <button
            type="button"
            className="kb-key kb-key--action"
            data-key="next-page"
            disabled={page >= pages - 1}
            onClick={() => setComposition({ ...composition, page: page + 1 })}
          >
            {t('keyboard:nextPage')}
          </button>
        </div>
      )}
      <div className="kb-row">
        {DIGIT_ROW.map((digit) => (
          <button
            key={digit}
            type="button"
            className="kb-key"
            data-key={digit}
            aria-label={t('keypad:digit', { digit })}
            disabled={full}
            onClick={() => insert(digit)}
          >
            {digit}
          </button>
        ))}
      </div>
      <div className="kb-row">{LETTER_ROWS[0].map(letterKey)}</div>
      <div className="kb-row">
        {LETTER_ROWS[1].map(letterKey)}
        {composition.mode === 'pinyin' && (
          <button
            type="button"
            className="kb-key"
            data-key="separator"
            aria-label={t('keyboard:separator')}
            disabled={!composing}
            onClick={() => apply(typeLetter(edit, SEPARATOR, maxLength))}
          >
            {SEPARATOR}
          </button>
        )}
      </div>
      <div className="kb-row">
        {LETTER_ROWS[2].map(letterKey)}
        {ROW_MARKS.map(markKey)}
      </div>
      <div className="kb-row">
        <button
          type="button"
          className="kb-key kb-key--action"
          data-key="mode"
          aria-label={composition.mode === 'pinyin' ? t('keyboard:mode.toEnglish') : t('keyboard:mode.toPinyin')}
          onClick={toggleMode}
        >
          {composition.mode === 'pinyin' ? t('keyboard:mode.pinyin') : t('keyboard:mode.english')}
        </button>
        {composition.mode === 'english' && (
          <button
            type="button"
            className="kb-key kb-key--action"
            data-key="case"
            aria-pressed={composition.upperCase}
            onClick={() => setComposition({ ...composition, upperCase: !composition.upperCase })}
          >
            {t('keyboard:upperCase')}
          </button>
        )}
        {BOTTOM_MARKS.map(markKey)}
        <button
          type="button"
          className="kb-key kb-key--action kb-key--space"
          data-key="space"
          disabled={full && !composing}
          onClick={onSpace}
        >
          {composing ? t('keyboard:confirm') : t('keyboard:space')}
        </button>
        <button
          type="button"
          className="kb-key kb-key--action"
          data-key="backspace"
          disabled={!composing && value === ''}
          onClick={() => apply(backspace(edit))}
        >
          {t('keyboard:backspace')}
        </button>
        <button
          type="button"
          className="kb-key kb-key--action"
          data-key="clear"
          disabled={!composing && value === ''}
          onClick={() => apply(clearAll(edit))}
        >
          {t('keyboard:clear')}
        </button>
        <button
          type="button"
          className="kb-key kb-key--action kb-key--done"
          data-key="done"
          onClick={() => {
            apply(settle(edit, candidatesOf, maxLength));
            onDone();
          }}
        >
          {t('keyboard:done')}
        </button>
      </div>
    </div>
  );
}

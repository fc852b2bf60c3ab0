import { useState } from 'react';
import { normalTicketNo } from '../../../../core/api/ticket-rating';
import { useElder } from '../../components/ChoicePages';
import { DigitKeys } from '../../components/keypad/DigitKeys';
import { useT } from '../../i18n/use-t';
import type { ApiPart } from '../../api/api-part';

/** The letters tickets begin with (one per queue service, platform/server/sample/queue-services.ts); a station's own go up to F. */
const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

type Problem = 'ticketNotFound' | 'ticketNotFinished' | 'alreadyRated' | 'platformUnavailable' | 'other';

/**
 * 评价窗口服务: the resident types the number on their ticket (A012) with the one number pad
 * of the kiosk, a letter row under the digits; the kiosk asks the platform whether a window
 * finished it (rating.ticketByNumber), and the journey then rates it like any service of the
 * visit. 长辈版 draws the same pad larger and reads the number back as it is typed.
 */
export function TicketNumberEntry({
  api,
  onFound,
  onCancel,
}: {
  api: ApiPart<'rating.ticketByNumber'>;
  onFound: (serviceRef: string) => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  const elder = useElder();
  const [typed, setTyped] = useState('');
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const letter = typed.slice(0, 1);
  const digits = typed.slice(1);
  const complete = letter !== '' && digits.length >= 1;

  const type = (key: string) => {
    setProblem(null);
    if (/^[A-Z]$/.test(key)) setTyped(key);
    else if (letter !== '' && digits.length < 3) setTyped(typed + key);
  };
  const ask = async () => {
    setAsking(true);
    const answer = await api['rating.ticketByNumber']({ ticketNo: typed });
    setAsking(false);
    if (answer.ok) {
      onFound(answer.value.service.ref);
      return;
    }
    const code = answer.error.code;
    setProblem(
      code === 'ticketNotFound' ||
        code === 'ticketNotFinished' ||
        code === 'alreadyRated' ||
        code === 'platformUnavailable'
        ? code
        : 'other',
    );
  };

  return (
    <div
      className={`ticket-number-entry${elder ? ' ticket-number-entry--elder' : ''}`}
      data-testid="ticket-number-entry"
    >
      <h2 className="state-title" data-speech="title">
        {t('rating:byNumber.title')}
      </h2>
      <p className="state-body" data-speech="hint">
        {t('rating:byNumber.hint')}
      </p>
      <output className="ticket-number-typed" data-testid="ticket-number-typed" aria-live="polite">
        {typed === '' ? t('rating:byNumber.empty') : complete ? normalTicketNo(typed) : typed}
      </output>
      {problem && (
        <p
          className="state-body"
          role="alert"
          data-testid="ticket-number-problem"
          data-problem={problem}
          data-speech="hint"
        >
          {t(`rating:byNumber.problem.${problem}`, { ticketNo: complete ? normalTicketNo(typed) : typed })}
        </p>
      )}
      <DigitKeys
        label={t('rating:byNumber.keys')}
        testId="ticket-number-keys"
        onKey={type}
        onBackspace={() => {
          setProblem(null);
          setTyped(typed.slice(0, -1));
        }}
        onClear={() => {
          setProblem(null);
          setTyped('');
        }}
        empty={typed === ''}
        extraKeys={LETTERS}
        keyDisabled={(key) => (/^[A-Z]$/.test(key) ? false : letter === '' || digits.length >= 3)}
        disabled={asking}
      />
      <div className="state-actions">
        <button type="button" className="button" data-testid="ticket-number-cancel" onClick={onCancel}>
          {t('rating:back')}
        </button>
        <button
          type="button"
          className="button button--primary"
          data-testid="ticket-number-confirm"
          disabled={!complete || asking}
          onClick={() => void ask()}
        >
          {asking ? t('rating:byNumber.asking') : t('rating:byNumber.confirm')}
        </button>
      </div>
    </div>
  );
}

import { useState, type Dispatch, type FormEvent } from 'react';
import type { AgentVideoMessage } from '../../../../contract/video-help';
import { useWords } from '../../app/console-context';
import type { AgentAction, CallView } from '../../view/agent-state';

/** The note joins the help request's history (channel 'video'); the platform takes ≤ 500 characters. */
export const NOTE_MAX = 500;

/** 结束通话: a note is required, then `hangUp`; the call closes when the platform says `ended`. */
export function HangUpForm({
  call,
  send,
  dispatch,
}: {
  call: CallView;
  send: (message: AgentVideoMessage) => boolean;
  dispatch: Dispatch<AgentAction>;
}) {
  const { t } = useWords();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [failed, setFailed] = useState(false);
  const trimmed = note.trim();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (trimmed === '' || trimmed.length > NOTE_MAX) return;
    const sent = send({ t: 'hangUp', callId: call.call.callId, note: trimmed });
    setFailed(!sent);
    if (sent) dispatch({ type: 'hangUpSent' });
  };
  if (!open) {
    return (
      <div className="button-row">
        <button type="button" className="danger" data-testid="agent-hang-up" onClick={() => setOpen(true)}>
          {t('agent:hangUp.button')}
        </button>
      </div>
    );
  }
  return (
    <form className="hang-up" onSubmit={submit} data-testid="agent-hang-up-form">
      <label>
        {t('agent:hangUp.note')}
        <textarea
          name="note"
          data-testid="agent-hang-up-note"
          rows={3}
          maxLength={NOTE_MAX}
          required
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </label>
      <p className="muted">{t('agent:hangUp.noteHint', { count: trimmed.length, max: NOTE_MAX })}</p>
      {failed && (
        <p className="notice notice-error" role="alert">
          {t('agent:hangUp.notSent')}
        </p>
      )}
      <div className="button-row">
        <button
          type="submit"
          className="danger"
          data-testid="agent-hang-up-confirm"
          disabled={trimmed === '' || call.hangingUp}
        >
          {call.hangingUp ? t('agent:hangUp.ending') : t('agent:hangUp.confirm')}
        </button>
        <button type="button" disabled={call.hangingUp} onClick={() => setOpen(false)}>
          {t('common:cancel')}
        </button>
      </div>
    </form>
  );
}

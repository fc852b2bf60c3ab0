import { useState } from 'react';
import { useClient } from '../../api/api-context';
import { useT } from '../../i18n/use-t';
import { formatClock } from './format-time';
import { useKioskInfo } from '../../api/kiosk-info-context';
import type { TechnicianSession } from './technician-api';

const MAX_DIGITS = 12;
const MIN_DIGITS = 4;
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

type Problem =
  | { kind: 'wrong'; attemptsLeft: number }
  | { kind: 'locked'; until: string }
  | { kind: 'notConfigured' }
  | { kind: 'failed' };

/**
 * Core answers wrongPin and lockedOut with a message that carries the numbers
 * (core/technician/handlers.ts): "wrong PIN: 3 attempts left", "entry locked until <ISO time>".
 */
function problemOf(code: string, message: string): Problem {
  if (code === 'wrongPin') {
    const left = /(\d+) attempts left/.exec(message);
    return { kind: 'wrong', attemptsLeft: left ? Number(left[1]) : 0 };
  }
  if (code === 'lockedOut') {
    const until = /locked until (\S+)/.exec(message)?.[1];
    return until && !Number.isNaN(Date.parse(until)) ? { kind: 'locked', until } : { kind: 'failed' };
  }
  if (code === 'notConfigured') return { kind: 'notConfigured' };
  return { kind: 'failed' };
}

/** The PIN pad behind the hidden gesture: big keys, dots instead of digits, plain words on failure. */
export function PinPadScreen({
  onEntered,
  onCancel,
}: {
  onEntered: (session: TechnicianSession) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useT();
  const zone = useKioskInfo().station.timeZone;
  const client = useClient();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const press = (digit: string) => setPin((current) => (current.length < MAX_DIGITS ? current + digit : current));

  const submit = async () => {
    setBusy(true);
    const answer = await client.call('technician.enter', { pin });
    setBusy(false);
    setPin('');
    if (answer.ok) {
      const now = Date.now();
      onEntered({
        token: answer.value.token,
        startedAt: new Date(now).toISOString(),
        idleMs: Math.max(60_000, Date.parse(answer.value.expiresAt) - now),
      });
      return;
    }
    setProblem(problemOf(answer.error.code, answer.error.message));
  };

  return (
    <section className="technician-pin" data-testid="technician-pin" aria-labelledby="technician-pin-title">
      <h1 id="technician-pin-title">{t('technician:pin.title')}</h1>
      <p>{t('technician:pin.hint')}</p>
      <div
        className="technician-pin-dots"
        role="status"
        aria-label={t('technician:pin.entered', { count: pin.length })}
      >
        {Array.from({ length: Math.max(MIN_DIGITS, pin.length) }, (_, i) => (
          <span key={i} className="technician-pin-dot" data-filled={i < pin.length || undefined} />
        ))}
      </div>
      {problem && (
        <p className="technician-problem" role="alert" data-testid="technician-pin-problem">
          {problem.kind === 'wrong' && t('technician:pin.wrong', { count: problem.attemptsLeft })}
          {problem.kind === 'locked' &&
            t('technician:pin.locked', { time: formatClock(problem.until, i18n.language, zone) })}
          {problem.kind === 'notConfigured' && t('technician:pin.notConfigured')}
          {problem.kind === 'failed' && t('technician:pin.failed')}
        </p>
      )}
      <div className="technician-pin-keys">
        {KEYS.map((digit) => (
          <button
            key={digit}
            type="button"
            className="technician-pin-key"
            aria-label={t('technician:pin.digit', { digit })}
            disabled={busy}
            onClick={() => press(digit)}
          >
            {digit}
          </button>
        ))}
        <button
          type="button"
          className="technician-pin-key technician-pin-key--small"
          disabled={busy}
          onClick={() => setPin('')}
        >
          {t('technician:pin.clear')}
        </button>
        <button
          type="button"
          className="technician-pin-key"
          aria-label={t('technician:pin.digit', { digit: '0' })}
          disabled={busy}
          onClick={() => press('0')}
        >
          0
        </button>
        <button
          type="button"
          className="technician-pin-key technician-pin-key--small"
          disabled={busy}
          onClick={() => setPin((current) => current.slice(0, -1))}
        >
          {t('technician:pin.delete')}
        </button>
      </div>
      <div className="technician-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('technician:pin.cancel')}
        </button>
        <button
          type="button"
          className="button button--primary"
          data-testid="technician-pin-submit"
          disabled={busy || pin.length < MIN_DIGITS}
          onClick={() => void submit()}
        >
          {busy ? t('technician:pin.checking') : t('technician:pin.submit')}
        </button>
      </div>
    </section>
  );
}

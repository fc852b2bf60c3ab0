import type { ReactNode } from 'react';
import type { KioskState } from '../../../contract/console/fleet-views';
import { useWords, type Loaded } from './console-context';
import { stateWords } from '../view/words';
import { formatDateTime } from '../view/format';

/** A kiosk state as a badge: colour and a word (never colour alone). */
export function StateBadge({ state }: { state: KioskState }) {
  const { t } = useWords();
  return (
    <span className={`badge badge-${state}`} data-testid="state-badge" data-state={state}>
      {stateWords(t, state)}
    </span>
  );
}

export function Time({ iso }: { iso: string | null }) {
  const { t, locale } = useWords();
  if (iso === null) return <span className="muted">{t('common:never')}</span>;
  return <time dateTime={iso}>{formatDateTime(iso, locale) ?? iso}</time>;
}

export function Notice({ message }: { message: { kind: 'ok' | 'error'; text: string } | null }) {
  if (!message) return null;
  return (
    <p className={`notice notice-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
      {message.text}
    </p>
  );
}

/** Loading, failed (with the last data kept) or the content. */
export function LoadedView<T>({ loaded, children }: { loaded: Loaded<T>; children: (value: T) => ReactNode }) {
  const { t } = useWords();
  if (loaded.state === 'loading') return <p role="status">{t('common:loading')}</p>;
  if (loaded.state === 'failed') {
    return (
      <>
        <Notice message={{ kind: 'error', text: loaded.message }} />
        {loaded.last !== null && children(loaded.last)}
      </>
    );
  }
  return <>{children(loaded.value)}</>;
}

export function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

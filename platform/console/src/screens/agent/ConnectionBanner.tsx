import { useEffect, useState } from 'react';
import type { AgentSocketStatus } from '../../api/agent-socket';
import { useWords } from '../../app/console-context';

/** The socket's state in words: a lost connection is said plainly, with when the next try is. */
export function ConnectionBanner({ socket, wanted }: { socket: AgentSocketStatus; wanted: boolean }) {
  const { t } = useWords();
  const seconds = useCountdown(socket.state === 'lost' ? socket.retryInMs : null);
  if (socket.state === 'lost' && wanted) {
    return (
      <p className="notice notice-error" role="alert" data-testid="agent-connection" data-state="lost">
        {t('agent:connection.lost', { seconds, attempt: socket.attempt })}
      </p>
    );
  }
  if (socket.state === 'refused') {
    return (
      <p className="notice notice-error" role="alert" data-testid="agent-connection" data-state="refused">
        {t(`agent:connection.refused.${socket.reason}`)}
      </p>
    );
  }
  if (socket.state === 'connecting' && wanted) {
    return (
      <p className="muted" role="status" data-testid="agent-connection" data-state="connecting">
        {t('agent:connection.connecting')}
      </p>
    );
  }
  return null;
}

function useCountdown(ms: number | null): number {
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (ms === null) return;
    const until = Date.now() + ms;
    const tick = () => setLeft(Math.max(0, Math.ceil((until - Date.now()) / 1000)));
    tick();
    const timer = setInterval(tick, 500);
    return () => clearInterval(timer);
  }, [ms]);
  return left;
}

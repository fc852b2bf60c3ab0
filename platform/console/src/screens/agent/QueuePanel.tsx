import type { QueuedVideoCall } from '../../../../contract/video-help';
import { useWords } from '../../app/console-context';
import { Section } from '../../app/ui';
import { formatWaiting, LONG_WAIT_SECONDS, waitingSeconds } from '../../view/agent-queue';
import { useNow } from '../../app/use-now';

/** The calls this agent may take, oldest first, each waiting time ticking by the second. */
export function QueuePanel({
  queue,
  onDuty,
  accepting,
  onAccept,
}: {
  queue: readonly QueuedVideoCall[];
  onDuty: boolean;
  accepting: string | null;
  onAccept: (callId: string) => void;
}) {
  const { t } = useWords();
  const now = useNow(1_000);
  return (
    <Section title={t('agent:queue.title')} id="agent-queue">
      {!onDuty ? (
        <p className="muted">{t('agent:queue.notOnDuty')}</p>
      ) : queue.length === 0 ? (
        <p className="muted" data-testid="agent-queue-empty">
          {t('agent:queue.empty')}
        </p>
      ) : (
        <div className="table-scroll">
          <table data-testid="agent-queue-table">
            <thead>
              <tr>
                <th scope="col">{t('agent:queue.col.station')}</th>
                <th scope="col">{t('agent:queue.col.topic')}</th>
                <th scope="col">{t('agent:queue.col.matter')}</th>
                <th scope="col">{t('agent:queue.col.waiting')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('agent:queue.col.action')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {queue.map((call) => {
                const seconds = waitingSeconds(call.requestedAt, now);
                return (
                  <tr key={call.callId} data-testid="agent-queue-row" data-call-id={call.callId}>
                    <th scope="row">
                      {call.stationName}
                      {call.elderMode && (
                        <span className="tag" data-testid="agent-elder-badge">
                          {t('agent:elderMode')}
                        </span>
                      )}
                    </th>
                    <td>{call.topicName}</td>
                    <td>{call.matter?.matterName ?? <span className="muted">{t('agent:noMatter')}</span>}</td>
                    <td
                      className={seconds >= LONG_WAIT_SECONDS ? 'number warn' : 'number'}
                      data-testid="agent-queue-waiting"
                    >
                      {formatWaiting(seconds)}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="primary"
                        data-testid="agent-accept"
                        disabled={accepting !== null}
                        onClick={() => onAccept(call.callId)}
                      >
                        {accepting === call.callId ? t('agent:queue.accepting') : t('agent:queue.accept')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

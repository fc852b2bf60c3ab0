import type { CallEndReason, QueuedVideoCall } from '../../../../contract/video-help';
import { useWords } from '../../app/console-context';

/** Why the last call ended, shown above the queue until the next call. */
export function EndedNotice({ ended }: { ended: { call: QueuedVideoCall; reason: CallEndReason } }) {
  const { t } = useWords();
  return (
    <p
      className={ended.reason === 'agentHungUp' ? 'notice notice-ok' : 'notice notice-error'}
      role="status"
      data-testid="agent-call-ended"
      data-reason={ended.reason}
    >
      {t('agent:ended.text', {
        callId: ended.call.callId,
        station: ended.call.stationName,
        reason: t(`agent:endReason.${ended.reason}`),
      })}
    </p>
  );
}

import type { AssistanceReceipt } from '../../../../core/api/care';
import { UiIcon } from '../../components/icons/UiIcon';
import { useStationTime } from '../../api/use-station-time';
import { useT } from '../../i18n/use-t';

/** After sending: the reference to quote, when someone gets in touch, where the request is, the slip. */
export function AssistanceSlip({ receipt, onDone }: { receipt: AssistanceReceipt; onDone: () => void }) {
  const { t } = useT();
  const time = useStationTime();
  const onPaper = receipt.print.output === 'paper';
  return (
    <div
      className="state-panel help-slip"
      data-testid="help-slip"
      data-status={receipt.status}
      data-output={receipt.print.output}
    >
      <UiIcon name="check" size={72} />
      <h2 className="state-title" data-speech="title">
        {t(`help:slip.title.${receipt.kind}`)}
      </h2>
      <p className="state-body">
        {t('help:slip.reference')}{' '}
        <span className="code help-reference" data-testid="help-reference">
          {receipt.reference}
        </span>
      </p>
      <p className="state-body" data-testid="help-contact-time" data-speech="hint">
        {receipt.kind === 'agentAtStation'
          ? t('help:slip.agentSoon')
          : receipt.contactFrom !== null
            ? t('help:slip.contactFrom', { when: time.when(receipt.contactFrom) })
            : t('help:slip.contactWithin', { hours: receipt.expectedContactWithinHours })}
      </p>
      <p className="state-body" data-testid="help-delivery">
        {receipt.status === 'delivered' ? t('help:slip.delivered') : t('help:slip.savedOffline')}
      </p>
      <p className="notice" data-testid="help-print">
        {onPaper ? t('help:slip.printed') : t(`help:slip.onScreen.${receipt.print.problem ?? 'printerUnavailable'}`)}
      </p>
      <div className="state-actions">
        <button type="button" className="button button--primary" data-testid="help-done" onClick={onDone}>
          {t('help:done')}
        </button>
      </div>
    </div>
  );
}

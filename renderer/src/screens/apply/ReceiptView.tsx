import type { ApplicationReceipt } from '../../../../core/api/applications';
import { useT } from '../../i18n/use-t';
import type { ApplyNotice } from './apply-context';
import { ApplyNoticeLine } from './ApplyNoticeLine';
import { ProgressQr } from './ProgressQr';
import { useStationTime } from '../../api/use-station-time';
import { formatIsoDateNumeric as formatDate } from '../../format/station-time';

/** The kiosk reference as the paper receipt prints it (core's shortLocalRef), so both read the same. */
function shortLocalRef(localRef: string): string {
  return localRef.slice(0, 8).toUpperCase();
}

/**
 * The receipt on screen: each matter with its 办件编号 (or 本机受理号 while saved offline), when,
 * the promised time, whether the platform has it, and where the paper went. When the printer
 * could not print, the QR is drawn here so the resident can still keep it.
 */
export function ReceiptView({
  receipt,
  notice,
  reprinting,
  onReprint,
  onRate,
  onFinish,
}: {
  receipt: ApplicationReceipt;
  notice: ApplyNotice;
  reprinting: boolean;
  onReprint: () => void;
  onRate: () => void;
  onFinish: () => void;
}) {
  const { t, i18n } = useT();
  const time = useStationTime();
  const { print } = receipt;
  return (
    <div className="apply-step apply-receipt" data-testid="apply-receipt" data-status={receipt.status}>
      <h2 className="screen-title" data-speech="title">
        {t('apply:receipt.title')}
      </h2>
      <p className="apply-hint" data-speech="hint">
        {t('apply:receipt.hint')}
      </p>
      <p className="apply-receipt-status" data-testid="receipt-status">
        {receipt.status === 'delivered' ? t('apply:receipt.delivered') : t('apply:receipt.savedOffline')}
      </p>
      <dl className="apply-review-list">
        {receipt.matters.map((entry) => (
          <div key={entry.matter.matterCode} className="apply-receipt-matter" data-matter={entry.matter.matterCode}>
            <dt>{entry.matter.matterName}</dt>
            <dd>
              {entry.caseNo !== null ? (
                <>
                  {t('apply:receipt.caseNo')}{' '}
                  <span className="code" data-testid="receipt-case-no">
                    {entry.caseNo}
                  </span>
                </>
              ) : (
                <>
                  {t('apply:receipt.localRef')}{' '}
                  <span className="code" data-testid="receipt-local-ref" data-local-ref={receipt.localRef}>
                    {shortLocalRef(receipt.localRef)}
                  </span>
                </>
              )}
              {entry.promisedBy !== null && (
                <>
                  <br />
                  {t('apply:receipt.promisedBy')} {formatDate(entry.promisedBy, i18n.language)}
                </>
              )}
            </dd>
          </div>
        ))}
        <div>
          <dt>{t('apply:receipt.submittedAt')}</dt>
          <dd>{time.dateTimeNumeric(receipt.submittedAt)}</dd>
        </div>
      </dl>
      {receipt.receiptLines.length > 0 && (
        <ul className="apply-receipt-lines">
          {receipt.receiptLines.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      )}
      {print.output === 'paper' ? (
        <p className="apply-receipt-print" data-testid="receipt-print">
          {t('apply:receipt.printed')}
        </p>
      ) : (
        <>
          <p className="apply-notice" data-testid="receipt-print" data-problem={print.problem ?? 'printFailed'}>
            {t(`apply:receipt.problem.${print.problem ?? 'printFailed'}`)}
          </p>
          <p>{t('apply:receipt.onScreen')}</p>
          <ProgressQr text={receipt.progressQr} label={t('apply:receipt.qrLabel')} />
        </>
      )}
      <ApplyNoticeLine notice={notice} />
      <div className="apply-actions">
        <button
          type="button"
          className="button"
          data-testid="receipt-reprint"
          disabled={reprinting}
          onClick={onReprint}
        >
          {reprinting ? t('apply:receipt.reprinting') : t('apply:receipt.reprint')}
        </button>
        <button type="button" className="button" data-testid="receipt-rate" onClick={onRate}>
          {t('apply:receipt.rate')}
        </button>
        <button type="button" className="button button--primary" data-testid="receipt-finish" onClick={onFinish}>
          {t('apply:receipt.finish')}
        </button>
      </div>
      <p className="screen-subtitle">{t('apply:receipt.autoReturn')}</p>
    </div>
  );
}

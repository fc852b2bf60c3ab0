import { useState } from 'react';
import type { PrinterCounters } from '../../../../core/api/technician';
import { useT } from '../../i18n/use-t';
import { formatDateTime } from './format-time';
import { useKioskInfo } from '../../api/kiosk-info-context';
import { useTechnicianApi } from './technician-api';

/** Prints since the last roll (XFS ResetCount / SupplyReplenish) and the button that restarts it. */
export function PaperCounter({ counters, onDone }: { counters: PrinterCounters; onDone: () => void }) {
  const { t, i18n } = useT();
  const zone = useKioskInfo().station.timeZone;
  const api = useTechnicianApi();
  const [recorded, setRecorded] = useState(false);
  return (
    <div className="technician-paper">
      <p>{t('technician:paper.counter', { count: counters.printsSincePaperReplaced })}</p>
      <p>
        {counters.paperReplacedAt
          ? t('technician:paper.replacedAt', { time: formatDateTime(counters.paperReplacedAt, i18n.language, zone) })
          : t('technician:paper.never')}
      </p>
      <button
        type="button"
        className="button"
        onClick={() =>
          void api.call('technician.recordPaperReplaced', {}).then((answer) => {
            setRecorded(answer.ok);
            onDone();
          })
        }
      >
        {t('technician:paper.recordReplaced')}
      </button>
      {recorded && <p role="status">{t('technician:paper.recorded')}</p>}
    </div>
  );
}

import type { CheckInReceipt } from '../../../../../core/api/queue';
import { useT } from '../../../i18n/use-t';
import { TicketView } from '../../../journey/TicketView';
import { FinishActions } from './FinishActions';

/** Checked in: the priority ticket the appointment became. */
export function CheckedInStep({ checkedIn, onFinish }: { checkedIn: CheckInReceipt; onFinish: () => void }) {
  const { t } = useT();
  return (
    <div className="journey-step" data-testid="appointment-checked-in">
      <h2 className="journey-step-title" data-speech="title">
        {t('appointment:checkIn.done')}
      </h2>
      <TicketView ticket={checkedIn.ticket} wait={checkedIn.wait} print={checkedIn.print} offline={false} />
      <FinishActions onFinish={onFinish} />
    </div>
  );
}

import { useScannerFitted } from '../../../api/use-devices';
import { useT } from '../../../i18n/use-t';
import { SignIn } from '../../signin/SignIn';

/**
 * Check-in's sign-in: only the card will do (appointments are a person's records). Above it, the
 * hint that a slip may be scanned instead of chosen, or the word that the scanned slip was read.
 */
export function CheckInSignIn({
  scannedAppointmentId,
  onSignedIn,
  onCancel,
}: {
  scannedAppointmentId: string | null;
  onSignedIn: () => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  const scannerFitted = useScannerFitted();
  return (
    <>
      {scannedAppointmentId === null && scannerFitted && (
        <p className="scan-hint" data-testid="scan-hint">
          {t('scan:hint.checkIn')}
        </p>
      )}
      {scannedAppointmentId !== null && (
        // The slip was read; appointment.checkIn is a person's record, so the card comes next.
        <p className="journey-note" data-testid="slip-scanned" data-speech="hint">
          {t('scan:checkIn.scanned')}
        </p>
      )}
      <SignIn purpose="checkIn" allowAgent requireCard="checkIn" onSignedIn={onSignedIn} onCancel={onCancel} />
    </>
  );
}

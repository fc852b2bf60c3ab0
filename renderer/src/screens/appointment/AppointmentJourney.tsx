import { BookingJourney } from './BookingJourney';
import { CheckInJourney } from './CheckInJourney';

/** 预约办事 (mode book) or 预约签到 (mode checkIn): two journeys, each with its own machine. */
export function AppointmentJourney({
  mode,
  matterCode,
  servicePointId,
  scannedAppointmentId = null,
  onExit,
}: {
  mode: 'book' | 'checkIn';
  matterCode: string | null;
  servicePointId: string | null;
  /** Check-in opened by scanning a slip: after the card, that appointment is checked in. */
  scannedAppointmentId?: string | null;
  onExit: () => void;
}) {
  return mode === 'book' ? (
    <BookingJourney matterCode={matterCode} servicePointId={servicePointId} onExit={onExit} />
  ) : (
    <CheckInJourney scannedAppointmentId={scannedAppointmentId} onExit={onExit} />
  );
}

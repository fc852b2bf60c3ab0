import type { ReactNode } from 'react';
import { useT } from '../../i18n/use-t';
import '../../journey/journeys.css';
import '../../scan/scan.css';

/** The screen both appointment journeys fill with their current step; `step` is the machine's state. */
export function AppointmentScreen({
  mode,
  step,
  children,
}: {
  mode: 'book' | 'checkIn';
  step: string;
  children: ReactNode;
}) {
  const { t } = useT();
  return (
    <section className="screen journey" data-testid="appointment-journey" data-step={step}>
      <header className="screen-heading">
        <h1 className="screen-title" data-speech="title">
          {mode === 'book' ? t('appointment:title') : t('appointment:checkInTitle')}
        </h1>
      </header>
      {children}
    </section>
  );
}

import type { ReactNode } from 'react';
import { UiIcon } from '../components/icons/UiIcon';
import './journeys.css';

/** A plain-words message inside a journey (a failure, "nothing today"), with its ways on. */
export function JourneyNotice({
  children,
  actions,
  testId,
  tone = 'problem',
}: {
  children: ReactNode;
  actions?: ReactNode;
  testId: string;
  tone?: 'problem' | 'info';
}) {
  return (
    <div className="state-panel journey-notice" role={tone === 'problem' ? 'alert' : 'status'} data-testid={testId}>
      <UiIcon name="info" size={72} />
      <div className="state-body">{children}</div>
      {actions && <div className="state-actions">{actions}</div>}
    </div>
  );
}

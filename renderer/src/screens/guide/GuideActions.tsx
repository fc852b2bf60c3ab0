import { useState } from 'react';
import type { MatterDetail } from '../../../../core/api/contract';
import { useClient } from '../../api/api-context';
import { useJourneyAvailability } from '../../api/use-devices';
import { useT } from '../../i18n/use-t';
import { useShellSend } from '../../shell/shell-context';
import { ChecklistOnScreen, type ChecklistProblem } from './ChecklistOnScreen';

type PrintState =
  | { readonly step: 'idle' }
  | { readonly step: 'printing' }
  | { readonly step: 'printed' }
  | { readonly step: 'onScreen'; readonly guideUrl: string; readonly problem: ChecklistProblem }
  | { readonly step: 'failed' };

/**
 * What a resident can do from a guide: apply here (when the matter is offered for self-service;
 * disabled, with the reason, while the devices do not allow it), book a visit to the window,
 * take the material checklist home, or ask someone to help.
 */
export function GuideActions({ matter }: { matter: MatterDetail }) {
  const { t } = useT();
  const send = useShellSend();
  const client = useClient();
  const { selfServiceSubmission } = useJourneyAvailability();
  const [print, setPrint] = useState<PrintState>({ step: 'idle' });
  const offersSelfService = matter.channels.includes('selfService');

  const printChecklist = async () => {
    setPrint({ step: 'printing' });
    const result = await client.call('catalog.printChecklist', { code: matter.code });
    if (!result.ok) return setPrint({ step: 'failed' });
    const { output, problem, guideUrl } = result.value;
    setPrint(
      output === 'paper'
        ? { step: 'printed' }
        : { step: 'onScreen', guideUrl, problem: problem ?? 'printerUnavailable' },
    );
  };

  return (
    <div className="guide-actions-wrap">
      <div className="guide-actions" role="group" aria-label={t('guide:actions.label')} data-testid="guide-actions">
        {offersSelfService && (
          <button
            type="button"
            className="button button--primary"
            data-testid="action-apply"
            disabled={!selfServiceSubmission}
            aria-describedby={selfServiceSubmission ? undefined : 'apply-unavailable'}
            onClick={() =>
              send({ type: 'OPEN_JOURNEY', journey: { kind: 'apply', matterCodes: [matter.code], lifeEventId: null } })
            }
          >
            {t('guide:actions.apply')}
          </button>
        )}
        <button
          type="button"
          className="button"
          data-testid="action-appointment"
          onClick={() =>
            send({
              type: 'OPEN_JOURNEY',
              journey: { kind: 'appointment', matterCode: matter.code, servicePointId: null },
            })
          }
        >
          {t('guide:actions.appointment')}
        </button>
        {matter.guide && (
          <button
            type="button"
            className="button"
            data-testid="action-print-checklist"
            disabled={print.step === 'printing'}
            onClick={() => void printChecklist()}
          >
            {print.step === 'printing' ? t('guide:actions.printing') : t('guide:actions.printChecklist')}
          </button>
        )}
        <button
          type="button"
          className="button"
          data-testid="action-help"
          onClick={() => send({ type: 'OPEN_JOURNEY', journey: { kind: 'help', matterCode: matter.code } })}
        >
          {t('guide:actions.help')}
        </button>
      </div>
      {offersSelfService && !selfServiceSubmission && (
        <p id="apply-unavailable" className="guide-actions-note" data-testid="apply-unavailable">
          {t('guide:actions.applyUnavailable')}
        </p>
      )}
      {print.step === 'printed' && (
        <p className="guide-actions-note guide-actions-note--ok" role="status" data-testid="checklist-printed">
          {t('guide:actions.printed')}
        </p>
      )}
      {print.step === 'failed' && (
        <p className="guide-actions-note" role="alert" data-testid="checklist-failed">
          {t('guide:actions.printFailed')}
        </p>
      )}
      {print.step === 'onScreen' && matter.guide && (
        <ChecklistOnScreen
          matter={matter}
          guide={matter.guide}
          guideUrl={print.guideUrl}
          problem={print.problem}
          onClose={() => setPrint({ step: 'idle' })}
        />
      )}
    </div>
  );
}

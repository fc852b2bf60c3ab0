import type { ApplicationDraft } from '../../../../core/api/applications';
import { useElder } from '../../components/ChoicePages';
import { useT } from '../../i18n/use-t';
import type { ApplyContext } from './apply-context';
import { ApplyNoticeLine } from './ApplyNoticeLine';
import { ElderFormStep } from './ElderFormStep';
import { FieldInput } from './FieldInput';
import { formProblems } from './form-check';
import { useStationTime } from '../../api/use-station-time';

/** 使用您上次在本机填写的电话和地址？ Asked before the form, and nothing is taken without a yes. */
export function ConsentPrompt({
  history,
  busy,
  onAccept,
  onDecline,
}: {
  history: NonNullable<ApplicationDraft['history']>;
  busy: boolean;
  onAccept: () => void;
  onDecline: () => void;
}) {
  const { t } = useT();
  const time = useStationTime();
  return (
    <div className="apply-consent" data-testid="history-consent">
      <h2 className="apply-question" data-speech="title">
        {t('apply:consent.question')}
      </h2>
      <p className="screen-subtitle">
        {t('apply:consent.when', { time: time.dateTimeNumeric(history.lastSubmittedAt) })}
      </p>
      <p className="apply-hint" data-speech="hint">
        {t('apply:consent.hint')}
      </p>
      {busy ? (
        <p className="screen-subtitle">{t('apply:consent.loading')}</p>
      ) : (
        <div className="apply-actions">
          <button type="button" className="button button--primary" data-testid="consent-yes" onClick={onAccept}>
            {t('apply:consent.yes')}
          </button>
          <button type="button" className="button" data-testid="consent-no" onClick={onDecline}>
            {t('apply:consent.no')}
          </button>
        </div>
      )}
    </div>
  );
}

interface FormStepProps {
  readonly context: ApplyContext;
  readonly onChange: (name: string, value: string) => void;
  readonly onNext: () => void;
}

/** The form: every question on one page, or in 长辈版 one question per step (ElderFormStep). */
export function FormStep(props: FormStepProps) {
  return useElder() ? <ElderFormStep {...props} /> : <WholeForm {...props} />;
}

/** The form, pre-filled, each card or history value marked as such; problems show after 下一步. */
function WholeForm({ context, onChange, onNext }: FormStepProps) {
  const { t } = useT();
  const fields = context.draft?.fields ?? [];
  const problems = context.showFormErrors ? formProblems(fields, context.values) : {};
  return (
    <div className="apply-step" data-testid="apply-form">
      <ApplyNoticeLine notice={context.notice} />
      <h2 className="apply-question" data-speech="title">
        {t('apply:steps.form')}
      </h2>
      <p className="apply-hint" data-speech="hint">
        {t('apply:formHint')}
      </p>
      <div className="apply-fields">
        {fields.map((field) => {
          const problem = problems[field.name];
          const refused = context.refusedFields.includes(field.name);
          return (
            <FieldInput
              key={field.name}
              field={field}
              value={context.values[field.name] ?? ''}
              filledFrom={context.filledFrom[field.name] ?? 'none'}
              problem={problem}
              refused={refused}
              onChange={(value) => onChange(field.name, value)}
            />
          );
        })}
      </div>
      <div className="apply-actions">
        <button type="button" className="button button--primary" data-testid="apply-next" onClick={onNext}>
          {t('apply:next')}
        </button>
      </div>
    </div>
  );
}

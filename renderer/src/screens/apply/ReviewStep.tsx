import type { ReactNode } from 'react';
import type { ApplicationDraft } from '../../../../core/api/applications';
import type { FormField } from '../../../../platform/contract/forms';
import { useT } from '../../i18n/use-t';
import type { ApplyContext, ApplyStep } from './apply-context';
import { ApplyNoticeLine } from './ApplyNoticeLine';

function shownValue(field: FormField, value: string): string {
  if (field.kind !== 'select') return value;
  return field.options?.find((option) => option.value === value)?.label ?? value;
}

function Section({
  title,
  step,
  onEdit,
  children,
}: {
  title: string;
  step: ApplyStep | null;
  onEdit: (step: ApplyStep) => void;
  children: ReactNode;
}) {
  const { t } = useT();
  return (
    <section className="apply-review-section" data-section={step ?? 'applicant'}>
      <header className="apply-review-heading">
        <h2 className="apply-review-title">{title}</h2>
        {step !== null && (
          <button type="button" className="button" data-testid={`edit-${step}`} onClick={() => onEdit(step)}>
            {t('apply:review.edit')}
          </button>
        )}
      </header>
      {children}
    </section>
  );
}

/** Everything on one screen, each part with a 修改 link back to its step; then 确认提交. */
export function ReviewStep({
  context,
  draft,
  submitting,
  failed,
  onEdit,
  onConfirm,
  onRetry,
}: {
  context: ApplyContext;
  draft: ApplicationDraft;
  submitting: boolean;
  failed: boolean;
  onEdit: (step: ApplyStep) => void;
  onConfirm: () => void;
  onRetry: () => void;
}) {
  const { t } = useT();
  const applicant = context.session?.applicant ?? null;
  const agent = context.session?.agent ?? null;
  const { delivery } = context;
  return (
    <div className="apply-step" data-testid="apply-review">
      <h2 className="apply-question" data-speech="title">
        {t('apply:review.title')}
      </h2>
      {/* What is listed below (names, numbers) is never marked for speech: personal data. */}
      <p className="apply-hint" data-speech="hint">
        {t('apply:review.hint')}
      </p>
      {!failed && <ApplyNoticeLine notice={context.notice} />}
      <Section title={t('apply:review.applicant')} step={null} onEdit={onEdit}>
        <dl className="apply-review-list">
          {applicant && (
            <div>
              <dt>{t('apply:review.applicant')}</dt>
              <dd>
                {applicant.name} <span className="code">{applicant.idNumberMasked}</span>
              </dd>
            </div>
          )}
          {agent && (
            <div>
              <dt>{t('apply:review.agent')}</dt>
              <dd>
                {agent.name} <span className="code">{agent.idNumberMasked}</span>
              </dd>
            </div>
          )}
        </dl>
      </Section>
      <Section title={t('apply:steps.form')} step="form" onEdit={onEdit}>
        <dl className="apply-review-list">
          {draft.fields.map((field) => {
            const value = (context.values[field.name] ?? '').trim();
            return (
              <div key={field.name} data-field={field.name}>
                <dt>{field.label}</dt>
                <dd>{value === '' ? t('apply:review.empty') : shownValue(field, value)}</dd>
              </div>
            );
          })}
        </dl>
      </Section>
      <Section
        title={t('apply:steps.materials')}
        step={draft.materials.length > 0 ? 'materials' : null}
        onEdit={onEdit}
      >
        {draft.materials.length === 0 ? (
          <p>{t('apply:review.noMaterials')}</p>
        ) : (
          <dl className="apply-review-list">
            {draft.materials.map((material) => {
              const state = context.materials[material.name];
              return (
                <div key={material.name}>
                  <dt>{material.name}</dt>
                  <dd>
                    {state?.kind === 'captured'
                      ? t('apply:material.captured', { count: state.pageCount })
                      : state?.kind === 'licence'
                        ? t('scan:licence.review')
                        : state?.kind === 'skipped'
                          ? t('apply:material.skipped')
                          : t('apply:material.notYet')}
                  </dd>
                </div>
              );
            })}
          </dl>
        )}
      </Section>
      <Section title={t('apply:steps.delivery')} step="delivery" onEdit={onEdit}>
        {delivery.method === 'pickUp' ? (
          <p>{t('common:labelled', { label: t('apply:delivery.pickUp'), value: draft.delivery.pickUp.name })}</p>
        ) : (
          <p>
            {t('common:labelled', {
              label: t('apply:delivery.mail'),
              value: `${delivery.recipient} ${delivery.phone} ${draft.delivery.mailDefaults.province}${draft.delivery.mailDefaults.city}${draft.delivery.mailDefaults.county}${delivery.detail}`,
            })}
          </p>
        )}
      </Section>
      {failed ? (
        <>
          <p className="apply-notice" role="alert" data-testid="submit-failed">
            {t('apply:review.failed')}
          </p>
          <div className="apply-actions">
            <button type="button" className="button button--primary" data-testid="submit-retry" onClick={onRetry}>
              {t('apply:retry')}
            </button>
          </div>
        </>
      ) : (
        <div className="apply-actions">
          <button
            type="button"
            className="button button--primary apply-confirm"
            data-testid="apply-confirm"
            disabled={submitting}
            onClick={onConfirm}
          >
            {submitting ? t('apply:review.submitting') : t('apply:review.confirm')}
          </button>
        </div>
      )}
    </div>
  );
}

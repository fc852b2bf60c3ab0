import { acceptsLicenceCode } from '../../../../core/api/licence-materials';
import { useScannerFitted } from '../../api/use-devices';
import { ExplainedButton } from '../../components/ExplainedButton';
import { useT } from '../../i18n/use-t';
import '../../scan/scan.css';
import type { ApplyContext } from './apply-context';
import { ApplyNoticeLine } from './ApplyNoticeLine';
import { useRenderCapture } from './capture-context';

export interface MaterialsStepProps {
  readonly context: ApplyContext;
  readonly capturing: boolean;
  readonly onCapture: () => void;
  readonly onCaptured: (result: { captureId: string; pageCount: number }) => void;
  readonly onCancelCapture: () => void;
  readonly onSkip: () => void;
  /** A 亮证码 was scanned for a material no licence can stand for. */
  readonly licenceRefused: boolean;
  readonly onRemoveLicence: () => void;
  readonly onNext: () => void;
  readonly onBack: () => void;
}

/**
 * The materials one at a time: what it is, whether it must be given, and its state. A required
 * one cannot be skipped; a retake replaces the earlier capture (discarded in core once the new
 * one is in).
 */
export function MaterialsStep(props: MaterialsStepProps) {
  const { t } = useT();
  const renderCapture = useRenderCapture();
  const scannerFitted = useScannerFitted();
  const { context } = props;
  const materials = context.draft?.materials ?? [];
  const material = materials[context.materialIndex];
  if (!material) return null;
  const state = context.materials[material.name];

  if (props.capturing) {
    return (
      <div className="apply-step apply-capture" data-testid="apply-capturing">
        {renderCapture({
          materialName: material.name,
          onDone: props.onCaptured,
          onCancel: props.onCancelCapture,
        })}
      </div>
    );
  }

  const done =
    state?.kind === 'captured' || state?.kind === 'licence' || (state?.kind === 'skipped' && !material.required);
  const licenceOffered = scannerFitted && acceptsLicenceCode(material.name);
  return (
    <div
      className="apply-step"
      data-testid="apply-material"
      data-material={material.name}
      data-required={material.required}
    >
      <ApplyNoticeLine notice={context.notice} />
      <p className="screen-subtitle">
        {t('apply:material.counter', { index: context.materialIndex + 1, count: materials.length })}
      </p>
      <div className="apply-material-card">
        <h2 className="apply-question" data-speech="title">
          {material.name}
        </h2>
        <p className={material.required ? 'badge apply-badge--required' : 'badge'}>
          {material.required ? t('apply:material.required') : t('apply:material.optional')}
        </p>
        {material.note !== null && <p className="screen-subtitle">{material.note}</p>}
        <p className="apply-material-state" data-testid="material-state">
          {state?.kind === 'captured'
            ? t('apply:material.captured', { count: state.pageCount })
            : state?.kind === 'licence'
              ? t('scan:licence.attached')
              : state?.kind === 'skipped'
                ? t('apply:material.skipped')
                : t('apply:material.notYet')}
        </p>
        {state?.kind === 'licence' && (
          <div className="apply-licence" data-testid="material-licence">
            <button type="button" className="button" data-testid="licence-remove" onClick={props.onRemoveLicence}>
              {t('scan:licence.remove')}
            </button>
          </div>
        )}
        {licenceOffered && state?.kind !== 'licence' && (
          <p className="scan-hint" data-testid="licence-offer" data-speech="hint">
            {t('scan:licence.offer')}
          </p>
        )}
        {props.licenceRefused && (
          <p className="apply-notice" role="alert" data-testid="licence-refused">
            {t('scan:licence.notForThis')}
          </p>
        )}
        <p className="apply-hint" data-speech="hint">
          {t('apply:material.hint')}
        </p>
      </div>
      {/* Both rows stay on screen together (the fixed action rows, styles/layout.css). */}
      <div className="apply-step-actions">
        <div className="apply-actions">
          <button
            type="button"
            className={state?.kind === 'captured' ? 'button' : 'button button--primary'}
            data-testid="material-capture"
            onClick={props.onCapture}
          >
            {state?.kind === 'captured' ? t('apply:material.retake') : t('apply:material.capture')}
          </button>
          {!material.required && state?.kind !== 'skipped' && (
            <button type="button" className="button" data-testid="material-skip" onClick={props.onSkip}>
              {t('apply:material.skip')}
            </button>
          )}
        </div>
        {material.required && state?.kind !== 'captured' && (
          <p className="screen-subtitle">{t('apply:material.requiredHint')}</p>
        )}
        <div className="apply-actions apply-actions--nav">
          <button type="button" className="button" onClick={props.onBack}>
            {t('apply:back')}
          </button>
          <ExplainedButton
            className="button button--primary"
            data-testid="apply-next"
            blockedBy={
              done ? null : material.required ? t('apply:material.neededRequired') : t('apply:material.neededOptional')
            }
            onClick={props.onNext}
          >
            {t('apply:next')}
          </ExplainedButton>
        </div>
      </div>
    </div>
  );
}

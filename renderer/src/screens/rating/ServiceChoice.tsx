import type { CompletedService } from '../../../../core/api/resident';
import { ChoicePages } from '../../components/ChoicePages';
import { useT } from '../../i18n/use-t';

/** More than one service this visit: the resident says which one they are rating (paged in 长辈版). */
export function ServiceChoice({
  services,
  onChoose,
}: {
  services: readonly CompletedService[];
  onChoose: (ref: string) => void;
}) {
  const { t } = useT();
  return (
    <div className="rating-choice">
      <p className="rating-section-title" data-speech="hint">
        {t('rating:chooseService')}
      </p>
      <ChoicePages
        items={services}
        keyOf={(service) => `${service.kind} ${service.ref}`}
        className="rating-service-list"
        testId="rating-service-list"
        render={(service) => (
          <button
            type="button"
            className="tile"
            data-testid="rating-service"
            data-ref={service.ref}
            onClick={() => onChoose(service.ref)}
          >
            <span className="tile-text">
              <span className="tile-label">{service.title}</span>
              <span className="tile-hint">{t(`rating:serviceKind.${service.kind}`)}</span>
            </span>
          </button>
        )}
      />
    </div>
  );
}

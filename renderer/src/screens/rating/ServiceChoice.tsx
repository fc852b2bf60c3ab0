import type { CompletedService } from '../../../../core/api/resident';
import { useT } from '../../i18n/use-t';

/** More than one service this visit: the resident says which one they are rating. */
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
      <p className="rating-section-title">{t('rating:chooseService')}</p>
      <ul className="rating-service-list" data-testid="rating-service-list">
        {services.map((service) => (
          <li key={`${service.kind} ${service.ref}`}>
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
          </li>
        ))}
      </ul>
    </div>
  );
}

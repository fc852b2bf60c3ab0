import type { MatterDetail } from '../../../../core/api/contract';
import type { Guide } from '../../../../platform/contract/catalog';
import { useT } from '../../i18n/use-t';
import { QrCode } from './QrCode';

export type ChecklistProblem = 'printerUnavailable' | 'paperOut' | 'printFailed';

/**
 * The material checklist on screen when the printer cannot print it: the same content as the
 * paper (materials, place and hours, consult phone, the matter's version) and the QR of the guide,
 * large enough to photograph or scan with a phone.
 */
export function ChecklistOnScreen({
  matter,
  guide,
  guideUrl,
  problem,
  onClose,
}: {
  matter: MatterDetail;
  guide: Guide;
  guideUrl: string;
  problem: ChecklistProblem;
  onClose: () => void;
}) {
  const { t } = useT();
  return (
    <section className="checklist" data-testid="checklist-on-screen" aria-labelledby="checklist-title">
      <p className="checklist-problem" role="status">
        {t(`guide:checklist.problem.${problem}`)}
      </p>
      <h2 id="checklist-title" className="checklist-title">
        {t('guide:checklist.title')} · {matter.name}
      </h2>
      <p className="checklist-version">{t('guide:checklist.version', { version: matter.version })}</p>
      <div className="checklist-body">
        <div className="checklist-text">
          <h3>{t('guide:checklist.materials')}</h3>
          <ul className="checklist-materials">
            {guide.materials.map((material) => (
              <li key={material.name} data-testid="checklist-material">
                {material.name}
                {!material.required && t('guide:checklist.optional')}
                {' · '}
                {[
                  material.originals > 0 ? t('guide:checklist.originals', { count: material.originals }) : null,
                  material.copies > 0 ? t('guide:checklist.copies', { count: material.copies }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ') || t('guide:checklist.showOnly')}
              </li>
            ))}
          </ul>
          <h3>{t('guide:checklist.places')}</h3>
          <ul className="checklist-places">
            {guide.placesAndHours.map((place) => (
              <li key={place.name}>
                {place.name} · {place.address} · {place.hours}
                {place.phone && ` · ${place.phone}`}
              </li>
            ))}
          </ul>
          <p>
            {t('guide:checklist.consult')} <span className="phone-number">{guide.contact.consultPhone}</span>
          </p>
        </div>
        <figure className="checklist-qr">
          <QrCode value={guideUrl} label={t('guide:checklist.qr')} />
          <figcaption>{t('guide:checklist.qr')}</figcaption>
        </figure>
      </div>
      <button type="button" className="button" data-testid="checklist-close" onClick={onClose}>
        {t('guide:checklist.close')}
      </button>
    </section>
  );
}

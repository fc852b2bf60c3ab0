import { useT } from '../../i18n/use-t';
import { GUIDE_SECTIONS, KEY_SECTION, type GuideSectionId } from './guide-sections';

/** The guide's index: one big button per section, so 申请材料 is one tap away. */
export function SectionNav({ onJump }: { onJump: (id: GuideSectionId) => void }) {
  const { t } = useT();
  return (
    <nav className="section-nav" aria-label={t('guide:sectionNav')} data-testid="section-nav">
      <ul className="section-nav-list">
        {GUIDE_SECTIONS.map((id) => (
          <li key={id}>
            <button
              type="button"
              className={id === KEY_SECTION ? 'section-nav-button section-nav-button--key' : 'section-nav-button'}
              data-testid="section-nav-item"
              data-section={id}
              onClick={() => onJump(id)}
            >
              {t(`guide:sections.${id}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

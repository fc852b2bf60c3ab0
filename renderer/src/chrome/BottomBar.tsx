import { useT } from '../i18n/use-t';
import { AccessControls } from './AccessControls';
import { CatalogStatusLine } from './CatalogStatusLine';
import { NavButtons } from './NavButtons';

/**
 * Everything touchable that every screen shares, low on the screen where every visitor can reach
 * it: back, home and help on one row, as wide as the screen; 长辈版, contrast, the voice
 * controls and the languages on the next, which wraps when 长辈版 makes it too wide.
 */
export function BottomBar() {
  const { t } = useT();
  return (
    <footer className="bottom">
      <nav className="bottom-bar" aria-label={t('nav.label')}>
        <NavButtons />
      </nav>
      <div className="bottom-bar bottom-bar--access">
        <AccessControls />
      </div>
      <CatalogStatusLine />
    </footer>
  );
}

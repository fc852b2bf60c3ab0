import { useT } from '../i18n/use-t';
import { CatalogStatusLine } from './CatalogStatusLine';
import { LanguageSwitch } from './LanguageSwitch';
import { NavButtons } from './NavButtons';

/** Everything touchable that every screen shares, low on the screen where every visitor can reach it. */
export function BottomBar() {
  const { t } = useT();
  return (
    <footer className="bottom">
      <nav className="bottom-bar" aria-label={t('nav.label')}>
        <NavButtons />
        <LanguageSwitch />
      </nav>
      <CatalogStatusLine />
    </footer>
  );
}

import { memo } from 'react';
import { useT } from '../i18n/use-t';
import { useKioskInfo } from '../api/kiosk-info-context';
import { UiIcon } from '../components/icons/UiIcon';
import { Clock } from './Clock';
import './chrome.css';

/**
 * Read-only: on a tall portrait screen the top is out of easy reach (docs/accessibility.md §2.3), so
 * everything that can be touched lives in the bottom bar.
 */
/** Memoised: nothing in it follows the screen, and every tap re-renders the shell around it. */
export const Header = memo(function Header() {
  const { t } = useT();
  const { station } = useKioskInfo();
  return (
    <header className="header" data-testid="kiosk-header">
      <div className="header-station">
        <p className="header-name">{station.name}</p>
        <p className="header-sub">{t('terminal')}</p>
      </div>
      <p className="header-hotline">
        <UiIcon name="phone" size={28} />
        <span className="header-hotline-label">{t('hotline.label')}</span>
        <span className="phone-number">{station.hotline}</span>
      </p>
      <Clock />
    </header>
  );
});

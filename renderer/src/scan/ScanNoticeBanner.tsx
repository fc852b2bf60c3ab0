import { useT } from '../i18n/use-t';
import type { ScanNotice } from './scan-reaction';
import './scan.css';

/** What a scan that opened nothing means, in plain words, over whatever screen is shown. */
export function ScanNoticeBanner({ notice, onClose }: { notice: ScanNotice; onClose: () => void }) {
  const { t } = useT();
  return (
    <div className="scan-notice" role="status" data-testid="scan-notice" data-notice={notice}>
      <p className="scan-notice-text" data-speech="hint">
        {t(`scan:notice.${notice}`)}
      </p>
      <button type="button" className="button" data-testid="scan-notice-close" onClick={onClose}>
        {t('scan:notice.close')}
      </button>
    </div>
  );
}

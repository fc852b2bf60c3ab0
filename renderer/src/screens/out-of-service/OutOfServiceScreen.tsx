import { UiIcon } from '../../components/icons/UiIcon';
import { useKioskInfo } from '../../api/kiosk-info-context';
import { useT } from '../../i18n/use-t';
import { BASE_LOCALE } from '../../i18n/resources';
import { useVisit } from '../../shell/shell-context';
import './out-of-service.css';

/**
 * In place of the attract screen while the county console has the kiosk out of service: the
 * staff's message and the station hotline, large and high contrast, in both languages since no
 * one can switch language here. Nothing on it starts a visit (the shell refuses START out of
 * service); the technician's hidden gesture still works above it. The title and the message are
 * marked for voice mode like every screen's title and hint.
 */
export function OutOfServiceScreen({ message }: { message: string }) {
  const { t } = useT();
  const { locale } = useVisit();
  const { station } = useKioskInfo();
  const otherLocale = locale === BASE_LOCALE ? 'en' : BASE_LOCALE;
  return (
    <section className="screen out-of-service" data-testid="out-of-service-screen" aria-live="polite">
      <UiIcon name="info" size={120} />
      <h1 className="out-of-service-title" data-speech="title">
        {t('service:outOfService.title')}
      </h1>
      <p className="out-of-service-title-other" lang={otherLocale}>
        {t('service:outOfService.titleOther')}
      </p>
      <p className="out-of-service-message" data-testid="out-of-service-message" data-speech="hint">
        {message}
      </p>
      <p className="out-of-service-hotline" data-speech="hint">
        <span>{t('service:outOfService.hotline')}</span>{' '}
        <span className="phone-number" data-testid="out-of-service-hotline">
          {station.hotline}
        </span>
      </p>
    </section>
  );
}

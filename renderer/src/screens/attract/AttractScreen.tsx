import { useT } from '../../i18n/use-t';
import { BASE_LOCALE } from '../../i18n/resources';
import { useKioskInfo } from '../../api/kiosk-info-context';
import { UiIcon } from '../../components/icons/UiIcon';
import { ElderStartButton } from '../../chrome/ElderStartButton';
import { useShellSend, useVisit } from '../../shell/shell-context';
import './attract.css';

/**
 * The idle screen. A touch anywhere on it starts, on release like every button. Nothing moves (WCAG 2.2.2, 2.3.1): the picture is still and the words are big.
 */
export function AttractScreen() {
  const { t } = useT();
  const send = useShellSend();
  const { locale } = useVisit();
  const { station } = useKioskInfo();
  const otherLocale = locale === BASE_LOCALE ? 'en' : BASE_LOCALE;
  return (
    // The whole screen listens, the hours and hotline too; the button gives it a name and a role.
    <section className="screen attract" data-testid="attract-screen" onClick={() => send({ type: 'START' })}>
      <button type="button" className="attract-touch">
        <span className="attract-station">{station.name}</span>
        <span className="attract-hand" aria-hidden="true">
          <svg
            viewBox="0 0 48 48"
            width="160"
            height="160"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.2"
            strokeLinecap="round"
            strokeLinejoin="round"
          >
            <path d="M18 27V9a3 3 0 0 1 6 0v13m0-2a3 3 0 0 1 6 0v3m0-1a3 3 0 0 1 6 0v3m0-1a3 3 0 0 1 6 0v7c0 7-4 12-11 12h-3c-4 0-7-2-9-5l-7-10a3 3 0 0 1 5-4l3 4" />
          </svg>
        </span>
        <span className="attract-prompt">{t('attract:touchToStart')}</span>
        <span className="attract-prompt-other" lang={otherLocale}>
          {t('attract:touchToStartOther')}
        </span>
        <span className="attract-intro">{t('attract:intro')}</span>
      </button>
      <div className="attract-elder">
        <ElderStartButton />
      </div>
      <dl className="attract-info">
        <div className="attract-info-item">
          <dt>
            <UiIcon name="clock" />
            {t('attract:selfService.label')}
          </dt>
          <dd>{t(`attract:selfService.${station.selfServiceHours}`)}</dd>
        </div>
        <div className="attract-info-item">
          <dt>
            <UiIcon name="clock" />
            {t('attract:staffedHours')}
          </dt>
          <dd>
            {station.staffedHours.map((hours) => (
              <span className="attract-hours" key={`${hours.days} ${hours.open}`}>
                {hours.days} {hours.open}–{hours.close}
              </span>
            ))}
          </dd>
        </div>
        {station.agents.length > 0 && (
          <div className="attract-info-item">
            <dt>
              <UiIcon name="phone" />
              {t('attract:agents')}
            </dt>
            <dd>
              {station.agents.map((agent) => (
                <span className="attract-hours" key={`${agent.name} ${agent.phone}`}>
                  {t('attract:agent', { name: agent.name, role: agent.role })}{' '}
                  <span className="phone-number">{agent.phone}</span>
                </span>
              ))}
            </dd>
          </div>
        )}
        <div className="attract-info-item attract-info-item--hotline">
          <dt>
            <UiIcon name="phone" />
            {t('attract:hotline')}
          </dt>
          <dd className="phone-number">{station.hotline}</dd>
        </div>
      </dl>
    </section>
  );
}

import { useKioskInfo } from '../../api/kiosk-info-context';
import { UiIcon } from '../../components/icons/UiIcon';
import { useT } from '../../i18n/use-t';

/** The station's hotline and its 帮办 agents: on screen the whole time, whatever else fails. */
export function StationContacts() {
  const { t } = useT();
  const { station } = useKioskInfo();
  return (
    <aside className="help-contacts" data-testid="help-contacts" aria-labelledby="help-contacts-title">
      <h2 id="help-contacts-title" className="help-section-title">
        {t('help:contacts.title')}
      </h2>
      <p className="help-hotline">
        <UiIcon name="phone" />
        <span>{t('hotline.label')}</span>
        <span className="phone-number" data-testid="help-hotline">
          {station.hotline}
        </span>
      </p>
      {station.agents.length > 0 ? (
        <ul className="help-agents" data-testid="help-agents">
          {station.agents.map((agent) => (
            <li key={`${agent.name} ${agent.phone}`} className="help-agent" data-testid="help-agent">
              <span className="help-agent-name">{agent.name}</span>
              <span className="help-agent-role">{agent.role}</span>
              <span className="phone-number">{agent.phone}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="help-hint">{t('help:contacts.noAgents')}</p>
      )}
    </aside>
  );
}

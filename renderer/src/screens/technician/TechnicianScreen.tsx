import { useState } from 'react';
import { useT } from '../../i18n/use-t';
import { ConfigTab } from './ConfigTab';
import { DevicesTab } from './DevicesTab';
import { InspectionTab } from './InspectionTab';
import { LogsTab } from './LogsTab';
import { OutboxTab } from './OutboxTab';
import { useTechnicianApi } from './technician-api';

const TABS = ['devices', 'inspection', 'outbox', 'logs', 'config'] as const;
type Tab = (typeof TABS)[number];

/** Technician mode: devices, the guided inspection, the outbox, logs and configuration, and the way out. */
export function TechnicianScreen() {
  const { t } = useT();
  const api = useTechnicianApi();
  const [tab, setTab] = useState<Tab>('devices');
  return (
    <section className="technician" data-testid="technician-screen" aria-labelledby="technician-title">
      <header className="technician-top">
        <h1 id="technician-title">{t('technician:title')}</h1>
        <button type="button" className="button" data-testid="technician-exit" onClick={() => api.exit()}>
          {t('technician:exit')}
        </button>
      </header>
      <div className="technician-tabs" role="tablist" aria-label={t('technician:tabs.label')}>
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`technician-tab-${name}`}
            aria-selected={tab === name}
            aria-controls="technician-tabpanel"
            className="technician-tab"
            data-tab={name}
            onClick={() => setTab(name)}
          >
            {t(`technician:tabs.${name}`)}
          </button>
        ))}
      </div>
      <div
        className="technician-body"
        role="tabpanel"
        id="technician-tabpanel"
        aria-labelledby={`technician-tab-${tab}`}
      >
        {tab === 'devices' && <DevicesTab />}
        {tab === 'inspection' && <InspectionTab />}
        {tab === 'outbox' && <OutboxTab />}
        {tab === 'logs' && <LogsTab />}
        {tab === 'config' && <ConfigTab />}
      </div>
    </section>
  );
}

import { useEffect, useState } from 'react';
import type { DevicesSnapshot } from '../../../core/api/devices';
import { useClient } from '../api/api-context';
import { useT } from '../i18n/use-t';
import { EMULATOR_ACTIONS } from './emulator-actions';
import './dev-panel.css';

/**
 * Dev builds only (`KIOSK_DEV=1`): a corner button that opens the emulator switches, like
 * vxsuite's dev-dock (docs/design-anchors.md §7.8). Core refuses `dev.emulator` on a station anyway,
 * so this panel is a convenience, not a door.
 */
export function DevPanel() {
  const { t } = useT();
  const client = useClient();
  const [open, setOpen] = useState(false);
  const [snapshot, setSnapshot] = useState<DevicesSnapshot | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    void client.call('devices.snapshot', {}).then((result) => live && result.ok && setSnapshot(result.value));
    const stop = client.on('devices.changed', (next) => setSnapshot(next));
    return () => {
      live = false;
      stop();
    };
  }, [client, open]);

  if (!open) {
    return (
      <button type="button" className="dev-panel-toggle" data-testid="dev-panel-toggle" onClick={() => setOpen(true)}>
        {t('devices:dev.open')}
      </button>
    );
  }

  return (
    <aside className="dev-panel" data-testid="dev-panel" aria-label={t('devices:dev.title')}>
      <header>
        <strong>{t('devices:dev.title')}</strong>
        <button type="button" onClick={() => setOpen(false)}>
          {t('devices:dev.close')}
        </button>
      </header>
      <ul className="dev-panel-status">
        {snapshot?.devices.map((d) => (
          <li key={d.device} data-testid={`dev-status-${d.device}`}>
            {t('common:labelled', { label: t(`devices:kind.${d.device}`), value: t(`devices:state.${d.state}`) })} ·{' '}
            {t(`devices:code.${d.code}`)}
          </li>
        ))}
      </ul>
      <div className="dev-panel-actions">
        {EMULATOR_ACTIONS.map((item) => (
          <button
            type="button"
            key={`${item.device}-${item.action}-${item.argument ?? ''}`}
            data-testid={`dev-${item.label}`}
            onClick={() => {
              void client
                .call('dev.emulator', { device: item.device, action: item.action, argument: item.argument })
                .then((result) => {
                  if (result.ok) {
                    setSnapshot(result.value);
                    setMessage(null);
                  } else setMessage(result.error.message);
                });
            }}
          >
            {t(`devices:dev.action.${item.label}`)}
          </button>
        ))}
      </div>
      {message && <p role="status">{message}</p>}
    </aside>
  );
}

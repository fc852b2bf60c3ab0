import { useState, type FormEvent } from 'react';
import type { StationView } from '../../../contract/console/fleet-views';
import { StationSettings, type StationSettingsView } from '../../../contract/console/station-settings';
import { useAction, useLoad, useWords } from '../app/console-context';
import { LoadedView, Notice, Section } from '../app/ui';
import { formatDateTime } from '../view/format';

const LIMITED_KINDS = StationSettings.shape.helpRequests.shape.contactWithinHours.keyof().options;

type Hours = StationSettings['helpRequests']['contactWithinHours'];

/** Admins set, per station, how soon staff must first contact a resident who asked for help. */
export function StationSettingsSection({ stations }: { stations: readonly StationView[] }) {
  const { t } = useWords();
  const [chosen, setChosen] = useState('');
  const stationId = stations.length === 1 ? (stations[0]?.stationId ?? '') : chosen;
  return (
    <Section title={t('help:settings')} id="help-settings">
      <p className="muted">{t('help:settingsHint')}</p>
      <label>
        {t('help:settingsStation')}
        <select
          name="settingsStation"
          data-testid="help-settings-station"
          value={stationId}
          onChange={(event) => setChosen(event.target.value)}
        >
          <option value="">{t('help:chooseStation')}</option>
          {stations.map((station) => (
            <option key={station.stationId} value={station.stationId}>
              {station.name}
            </option>
          ))}
        </select>
      </label>
      {stationId !== '' && <SettingsForm key={stationId} stationId={stationId} />}
    </Section>
  );
}

function SettingsForm({ stationId }: { stationId: string }) {
  const { loaded } = useLoad('getStationSettings', { pathParams: { stationId } });
  return <LoadedView loaded={loaded}>{(view) => <HoursForm view={view} />}</LoadedView>;
}

function HoursForm({ view }: { view: StationSettingsView }) {
  const { t, locale } = useWords();
  const { run, busy, message } = useAction();
  const [current, setCurrent] = useState(view);
  const [hours, setHours] = useState<Record<keyof Hours, string>>(() => {
    const given = view.settings.helpRequests.contactWithinHours;
    return {
      callback: String(given.callback),
      homeVisit: String(given.homeVisit),
      agentAtStation: String(given.agentAtStation),
    };
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body: StationSettings = {
      helpRequests: {
        contactWithinHours: {
          callback: Number(hours.callback),
          homeVisit: Number(hours.homeVisit),
          agentAtStation: Number(hours.agentAtStation),
        },
      },
    };
    const result = await run(
      'putStationSettings',
      { pathParams: { stationId: view.stationId }, body },
      t('help:settingsSaved'),
    );
    if (result.ok) setCurrent(result.value);
  };

  return (
    <form className="grid-form" onSubmit={(event) => void submit(event)} data-testid="help-settings-form">
      <p className="muted" data-testid="help-settings-origin">
        {current.customised && current.updatedAt !== null
          ? t('help:settingsUpdated', {
              by: current.updatedBy ?? '—',
              time: formatDateTime(current.updatedAt, locale) ?? current.updatedAt,
            })
          : t('help:settingsDefault')}
      </p>
      {/* The kinds a station sets a limit for; a video call is answered live, not within hours. */}
      {LIMITED_KINDS.map((kind) => (
        <label key={kind}>
          {t('help:hoursFor', { kind: t(`help:kindName.${kind}`) })}
          <input
            type="number"
            name={`hours-${kind}`}
            data-testid={`help-settings-${kind}`}
            min={1}
            max={720}
            step={1}
            required
            value={hours[kind]}
            onChange={(event) => setHours({ ...hours, [kind]: event.target.value })}
          />
        </label>
      ))}
      <button type="submit" className="primary" disabled={busy} data-testid="help-settings-save">
        {busy ? t('help:sending') : t('help:saveSettings')}
      </button>
      <Notice message={message} />
    </form>
  );
}

import { lazy, Suspense, useMemo } from 'react';
import type { FleetOverview, KioskState } from '../../../contract/console/fleet-views';
import { useLoad, useWords } from '../app/console-context';
import { Link, navigate, useLocation } from '../app/navigation';
import { pathOf } from '../app/routes';
import { LoadedView, Section, StateBadge, Time } from '../app/ui';
import {
  filtersFromSearch,
  searchFromFilters,
  sortKiosks,
  STATE_ORDER,
  stationsFor,
  withFilter,
  type FleetFilters,
} from '../view/fleet-filters';
import { formatDateTime, paperDays } from '../view/format';
import { ruleWords, stateWords } from '../view/words';

/** ECharts is loaded only when the plot is shown: the first screen stays small. */
const FleetPlot = lazy(() => import('../charts/FleetPlot'));

export const FLEET_REFRESH_MS = 15_000;

export function FleetPage() {
  const { t, locale } = useWords();
  const { search } = useLocation();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const { loaded } = useLoad('getFleet', { query: filters }, { everyMs: FLEET_REFRESH_MS });

  return (
    <>
      <h1>{t('fleet:title')}</h1>
      <LoadedView loaded={loaded}>
        {(fleet) => (
          <>
            <p className="muted" role="status" data-testid="fleet-updated">
              {t('fleet:autoRefresh')} ·{' '}
              {t('common:updatedAt', { time: formatDateTime(fleet.generatedAt, locale) ?? fleet.generatedAt })}
            </p>
            <Counts fleet={fleet} filters={filters} />
            <Filters fleet={fleet} filters={filters} />
            <Section title={t('fleet:table')} id="fleet-table">
              <KioskTable fleet={fleet} />
            </Section>
            <Section title={t('fleet:plot')} id="fleet-plot">
              <Suspense fallback={<p role="status">{t('common:loading')}</p>}>
                <FleetPlot fleet={fleet} />
              </Suspense>
            </Section>
          </>
        )}
      </LoadedView>
    </>
  );
}

function setFilters(next: FleetFilters) {
  navigate(`${pathOf({ page: 'fleet' })}${searchFromFilters(next)}`, { replace: true });
}

function Counts({ fleet, filters }: { fleet: FleetOverview; filters: FleetFilters }) {
  const { t } = useWords();
  return (
    <section aria-label={t('fleet:counts')} className="counts" data-testid="fleet-counts">
      {STATE_ORDER.map((state) => (
        <button
          key={state}
          type="button"
          className={`count count-${state}`}
          aria-pressed={filters.state === state}
          data-testid={`count-${state}`}
          onClick={() =>
            setFilters(withFilter(filters, { state: filters.state === state ? '' : state }, fleet.stations))
          }
        >
          <span className="count-number">{fleet.counts[state] ?? 0}</span>
          <span>{stateWords(t, state)}</span>
        </button>
      ))}
    </section>
  );
}

function Filters({ fleet, filters }: { fleet: FleetOverview; filters: FleetFilters }) {
  const { t } = useWords();
  const change = (key: keyof FleetFilters, value: string) =>
    setFilters(withFilter(filters, { [key]: value }, fleet.stations));
  return (
    <form className="filters" aria-label={t('fleet:filters')} onSubmit={(event) => event.preventDefault()}>
      <label>
        {t('fleet:township')}
        <select
          value={filters.township ?? ''}
          onChange={(event) => change('township', event.target.value)}
          name="township"
        >
          <option value="">{t('fleet:all')}</option>
          {fleet.townships.map((township) => (
            <option key={township.townshipCode} value={township.townshipCode}>
              {township.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('fleet:station')}
        <select
          value={filters.station ?? ''}
          onChange={(event) => change('station', event.target.value)}
          name="station"
        >
          <option value="">{t('fleet:all')}</option>
          {stationsFor(fleet.stations, filters.township).map((station) => (
            <option key={station.stationId} value={station.stationId}>
              {station.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('fleet:state')}
        <select value={filters.state ?? ''} onChange={(event) => change('state', event.target.value)} name="state">
          <option value="">{t('fleet:all')}</option>
          {STATE_ORDER.map((state: KioskState) => (
            <option key={state} value={state}>
              {stateWords(t, state)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => setFilters({})} disabled={Object.keys(filters).length === 0}>
        {t('fleet:clearFilters')}
      </button>
    </form>
  );
}

function KioskTable({ fleet }: { fleet: FleetOverview }) {
  const { t } = useWords();
  const stationName = new Map(fleet.stations.map((station) => [station.stationId, station.name]));
  const kiosks = sortKiosks(fleet.kiosks);
  if (kiosks.length === 0) return <p>{t('fleet:empty')}</p>;
  return (
    <div className="table-scroll">
      <table data-testid="kiosk-table">
        <thead>
          <tr>
            {(['terminal', 'station', 'state', 'problems', 'lastHeartbeat', 'paper', 'outbox', 'alarms'] as const).map(
              (col) => (
                <th key={col} scope="col">
                  {t(`fleet:col.${col}`)}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {kiosks.map((kiosk) => {
            const paper = paperDays(kiosk.paperDaysLeft);
            return (
              <tr key={kiosk.terminalId} data-testid={`kiosk-row-${kiosk.terminalId}`}>
                <th scope="row">
                  <Link href={pathOf({ page: 'kiosk', terminalId: kiosk.terminalId })}>{kiosk.terminalId}</Link>
                </th>
                <td>{stationName.get(kiosk.stationId) ?? kiosk.stationId}</td>
                <td>
                  <StateBadge state={kiosk.state} />
                  {kiosk.outOfService && <span className="tag">{t('fleet:outOfService')}</span>}
                </td>
                <td>{kiosk.problems.map((rule) => ruleWords(t, rule)).join('、') || '—'}</td>
                <td>
                  <Time iso={kiosk.lastHeartbeatAt} />
                </td>
                <td className={`paper-${paper.level}`}>
                  {paper.text === null ? '—' : t('common:daysLeft', { days: paper.text })}
                </td>
                <td className="number">{kiosk.outboxPending ?? '—'}</td>
                <td className="number">{kiosk.openAlarms}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

import { useMemo } from 'react';
import type { HelpInbox, HelpInboxItem } from '../../../contract/console/help-views';
import type { StationView } from '../../../contract/console/fleet-views';
import { useConsole, useLoad, useWords } from '../app/console-context';
import { Link, navigate, useLocation } from '../app/navigation';
import { pathOf } from '../app/routes';
import { LoadedView, Section, Time } from '../app/ui';
import { formatDateTime } from '../view/format';
import {
  dueState,
  HELP_KINDS,
  helpFiltersFromSearch,
  INBOX_STATUSES,
  searchFromHelpFilters,
  waited,
  withHelpFilter,
  type HelpFilters,
} from '../view/help-inbox';
import { may } from '../view/permissions';
import type { Translate } from '../view/words';
import { StationSettingsSection } from './HelpStationSettings';

/** Like the fleet: staff keep the page open, new requests show up within 15 s. */
export const HELP_REFRESH_MS = 15_000;

/**
 * 帮办代办: the help requests of the user's stations, overdue first, with the filters in the URL.
 * Admins also set the stations' time limits here. The station list comes from the fleet overview
 * (every role may read it, scoped like the inbox), so a station without requests can be chosen.
 */
export function HelpInboxPage() {
  const { t, locale } = useWords();
  const { session } = useConsole();
  const { search } = useLocation();
  const filters = useMemo(() => helpFiltersFromSearch(search), [search]);
  const { loaded } = useLoad('listHelpRequests', { query: filters }, { everyMs: HELP_REFRESH_MS });
  const fleet = useLoad('getFleet', { query: {} });
  const stations = fleet.loaded.state === 'ok' ? fleet.loaded.value.stations : [];

  return (
    <>
      <h1>{t('help:title')}</h1>
      <LoadedView loaded={loaded}>
        {(inbox) => (
          <>
            <p className="muted" role="status" data-testid="help-updated">
              {t('help:autoRefresh')} ·{' '}
              {t('common:updatedAt', { time: formatDateTime(inbox.generatedAt, locale) ?? inbox.generatedAt })}
            </p>
            <p data-testid="help-counts" data-open={inbox.counts.open} data-overdue={inbox.counts.overdue}>
              {t('help:counts', { open: inbox.counts.open, overdue: inbox.counts.overdue })}
            </p>
            <Filters filters={filters} stations={stationsFor(stations, inbox)} />
            <Section title={t('help:table')} id="help-inbox">
              <InboxTable requests={inbox.requests} />
            </Section>
          </>
        )}
      </LoadedView>
      {may(session.user.role, 'putStationSettings') && <StationSettingsSection stations={stations} />}
    </>
  );
}

/** The fleet's stations, plus any station a request names that the fleet did not list. */
function stationsFor(stations: readonly StationView[], inbox: HelpInbox): Array<{ stationId: string; name: string }> {
  const all = new Map(stations.map((station) => [station.stationId, station.name]));
  for (const request of inbox.requests)
    if (!all.has(request.stationId)) all.set(request.stationId, request.stationName);
  return [...all].map(([stationId, name]) => ({ stationId, name }));
}

function setFilters(next: HelpFilters) {
  navigate(`${pathOf({ page: 'help' })}${searchFromHelpFilters(next)}`, { replace: true });
}

function Filters({
  filters,
  stations,
}: {
  filters: HelpFilters;
  stations: ReadonlyArray<{ stationId: string; name: string }>;
}) {
  const { t } = useWords();
  const change = (key: keyof HelpFilters, value: string) => setFilters(withHelpFilter(filters, { [key]: value }));
  return (
    <form className="filters" aria-label={t('help:filters')} onSubmit={(event) => event.preventDefault()}>
      <label>
        {t('help:status')}
        <select
          name="status"
          data-testid="help-filter-status"
          value={filters.status ?? 'open'}
          onChange={(event) => change('status', event.target.value === 'open' ? '' : event.target.value)}
        >
          {INBOX_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`help:inboxStatus.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('help:kind')}
        <select
          name="kind"
          data-testid="help-filter-kind"
          value={filters.kind ?? ''}
          onChange={(event) => change('kind', event.target.value)}
        >
          <option value="">{t('help:all')}</option>
          {HELP_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`help:kindName.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('help:overdue')}
        <select
          name="overdue"
          data-testid="help-filter-overdue"
          value={filters.overdue ?? ''}
          onChange={(event) => change('overdue', event.target.value)}
        >
          <option value="">{t('help:all')}</option>
          <option value="true">{t('help:overdueOnly')}</option>
          <option value="false">{t('help:onTimeOnly')}</option>
        </select>
      </label>
      {stations.length > 1 && (
        <label>
          {t('help:station')}
          <select
            name="station"
            data-testid="help-filter-station"
            value={filters.station ?? ''}
            onChange={(event) => change('station', event.target.value)}
          >
            <option value="">{t('help:all')}</option>
            {stations.map((station) => (
              <option key={station.stationId} value={station.stationId}>
                {station.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="button" onClick={() => setFilters({})} disabled={Object.keys(filters).length === 0}>
        {t('help:clearFilters')}
      </button>
    </form>
  );
}

export function waitedWords(t: Translate, minutes: number): string {
  const { unit, count } = waited(minutes);
  return t(`common:${unit}`, { count });
}

/** The deadline as a word beside the colour: 已超时 / 待联系 / 已联系. */
export function DueLabel({ item }: { item: HelpInboxItem }) {
  const { t } = useWords();
  const state = dueState(item);
  if (state === 'closed') return null;
  const badge = state === 'overdue' ? 'badge-missing' : state === 'due' ? 'badge-pending' : 'badge-online';
  return (
    <span className={`badge ${badge}`} data-testid="help-due-label" data-due={state}>
      {t(`help:due.${state}`)}
    </span>
  );
}

function InboxTable({ requests }: { requests: readonly HelpInboxItem[] }) {
  const { t } = useWords();
  if (requests.length === 0) return <p data-testid="help-empty">{t('help:empty')}</p>;
  const columns = ['request', 'kind', 'matter', 'requester', 'waited', 'due', 'handler', 'status'] as const;
  return (
    <div className="table-scroll">
      <table data-testid="help-table">
        <thead>
          <tr>
            {columns.map((col) => (
              <th key={col} scope="col">
                {t(`help:col.${col}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {requests.map((item) => (
            <tr
              key={item.requestId}
              data-testid={`help-row-${item.requestId}`}
              data-status={item.status}
              data-overdue={item.overdue}
            >
              <th scope="row">
                <Link href={pathOf({ page: 'helpRequest', requestId: item.requestId })}>{item.requestId}</Link>
                <div className="muted">{item.stationName}</div>
              </th>
              <td>{t(`help:kindName.${item.kind}`)}</td>
              <td>{item.matter?.matterName ?? <span className="muted">{t('help:noMatter')}</span>}</td>
              <td>{item.requesterName ?? <span className="muted">{t('help:noName')}</span>}</td>
              <td className="number">{waitedWords(t, item.waitedMinutes)}</td>
              <td>
                <Time iso={item.contactDueAt} /> <DueLabel item={item} />
              </td>
              <td data-testid="help-row-handler">
                {item.assigneeName ?? <span className="muted">{t('help:nobody')}</span>}
              </td>
              <td data-testid="help-row-status">{t(`help:inboxStatus.${item.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

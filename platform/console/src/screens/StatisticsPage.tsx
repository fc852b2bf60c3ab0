import { lazy, Suspense, useState, type FormEvent } from 'react';
import { CONSOLE_API_BASE_PATH } from '../../../contract/console/endpoints';
import type { Durations, ServiceFigures, StatisticsQuery } from '../../../contract/console/statistics-views';
import { useLoad, useWords } from '../app/console-context';
import { navigate, useLocation } from '../app/navigation';
import { pathOf } from '../app/routes';
import { LoadedView, Section } from '../app/ui';
import { uptimePercent } from '../view/format';
import { scopeValue, statisticsQueryFrom, statisticsSearch, withScope } from '../view/statistics-query';
import { StatisticsVideoCalls } from './StatisticsVideoCalls';

const charts = () => import('../charts/StatisticsCharts');
const DailyChart = lazy(() => charts().then((module) => ({ default: module.DailyChart })));
const StateChart = lazy(() => charts().then((module) => ({ default: module.StateChart })));
const LevelChart = lazy(() => charts().then((module) => ({ default: module.LevelChart })));

/**
 * Statistics of a station, township or county over China days, with the 台账 export. The query
 * is in the URL; each chart has a table beside it with the same numbers. The export links are
 * plain downloads: the browser streams the file to disk (the session cookie goes with them).
 */
export function StatisticsPage() {
  const { t } = useWords();
  const location = useLocation();
  const query = statisticsQueryFrom(location.search, new Date());
  const { loaded } = useLoad('getStatistics', { query });
  const go = (next: StatisticsQuery) => navigate(`${pathOf({ page: 'statistics' })}${statisticsSearch(next)}`);
  const exportHref = (format: 'xlsx' | 'csv') =>
    `${CONSOLE_API_BASE_PATH}/statistics/ledger${statisticsSearch(query)}&format=${format}`;

  return (
    <>
      <h1>{t('statistics:title')}</h1>
      <LoadedView loaded={loaded}>
        {(report) => (
          <>
            <RangeForm query={query} choices={report.choices} onApply={go} />
            <p className="export-links">
              <a href={exportHref('xlsx')} download data-testid="export-xlsx">
                {t('statistics:exportXlsx')}
              </a>{' '}
              <a href={exportHref('csv')} download data-testid="export-csv">
                {t('statistics:exportCsv')}
              </a>
            </p>
            <p className="hint">{t('statistics:exportNote')}</p>
            <Section title={t('statistics:totals')} id="statistics-totals">
              <FiguresTable figures={report.totals} />
            </Section>
            <Suspense fallback={<p>{t('common:loading')}</p>}>
              <Section title={t('statistics:daily')} id="statistics-daily">
                <div className="chart-with-table">
                  <DailyChart days={report.days} />
                  <div className="table-scroll">
                    <table data-testid="daily-table">
                      <thead>
                        <tr>
                          {(['day', 'ticketsIssued', 'ticketsCalled', 'ticketsNoShow', 'applications'] as const).map(
                            (col) => (
                              <th key={col} scope="col">
                                {t(`statistics:${col}`)}
                              </th>
                            ),
                          )}
                        </tr>
                      </thead>
                      <tbody>
                        {report.days.map((day) => (
                          <tr key={day.day}>
                            <th scope="row">{day.day}</th>
                            <td>{day.ticketsIssued}</td>
                            <td>{day.ticketsCalled}</td>
                            <td>{day.ticketsNoShow}</td>
                            <td>{day.applications}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </div>
              </Section>
              <Section title={t('statistics:byState')} id="statistics-states">
                <div className="chart-with-table">
                  <StateChart states={report.applicationsByState} />
                  <CountTable
                    testId="states-table"
                    head={t('statistics:state')}
                    rows={report.applicationsByState.map((entry) => [
                      t(`statistics:applicationState.${entry.state}`),
                      entry.count,
                    ])}
                  />
                </div>
              </Section>
              <Section title={t('statistics:byLevel')} id="statistics-levels">
                <div className="chart-with-table">
                  <LevelChart levels={report.totals.ratingsByLevel} />
                  <CountTable
                    testId="levels-table"
                    head={t('statistics:level')}
                    rows={([5, 4, 3, 2, 1] as const).map((level) => [
                      t(`statistics:ratingLevel.${level}`),
                      report.totals.ratingsByLevel[level - 1] ?? 0,
                    ])}
                  />
                </div>
              </Section>
            </Suspense>
            <Section title={t('statistics:byMatter')} id="statistics-matters">
              <CountTable
                testId="matters-table"
                head={t('statistics:matter')}
                rows={report.applicationsByMatter.map((entry) => [entry.matterName, entry.count])}
              />
            </Section>
            <Section title={t('statistics:helpByKind')} id="statistics-help">
              <table data-testid="help-table">
                <thead>
                  <tr>
                    <th scope="col">{t('statistics:kind')}</th>
                    <th scope="col">{t('statistics:received')}</th>
                    <th scope="col">{t('statistics:completed')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.helpByKind.map((entry) => (
                    <tr key={entry.kind}>
                      <th scope="row">{t(`statistics:helpKind.${entry.kind}`)}</th>
                      <td>{entry.received}</td>
                      <td>{entry.completed}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Section>
            <Section title={t('statistics:perStation')} id="statistics-stations">
              <StationsTable stations={report.stations} />
            </Section>
            <Suspense fallback={<p>{t('common:loading')}</p>}>
              <StatisticsVideoCalls report={report.videoCalls} />
            </Suspense>
          </>
        )}
      </LoadedView>
    </>
  );
}

function RangeForm({
  query,
  choices,
  onApply,
}: {
  query: StatisticsQuery;
  choices: {
    townships: Array<{ townshipCode: string; name: string }>;
    stations: Array<{ stationId: string; name: string }>;
  };
  onApply: (query: StatisticsQuery) => void;
}) {
  const { t } = useWords();
  const [scope, setScope] = useState(scopeValue(query));
  const [from, setFrom] = useState(query.from);
  const [to, setTo] = useState(query.to);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(withScope({ from, to }, scope));
  };
  return (
    <form className="filters" aria-label={t('statistics:filters')} onSubmit={submit}>
      <label>
        {t('statistics:scope')}
        <select name="scope" value={scope} onChange={(event) => setScope(event.target.value)}>
          <option value="">{t('statistics:wholeScope')}</option>
          {choices.townships.map((township) => (
            <option key={township.townshipCode} value={`t:${township.townshipCode}`}>
              {t('statistics:township', { name: township.name })}
            </option>
          ))}
          {choices.stations.map((station) => (
            <option key={station.stationId} value={`s:${station.stationId}`}>
              {t('statistics:station', { name: station.name })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('statistics:from')}
        <input type="date" name="from" value={from} onChange={(event) => setFrom(event.target.value)} required />
      </label>
      <label>
        {t('statistics:to')}
        <input type="date" name="to" value={to} onChange={(event) => setTo(event.target.value)} required />
      </label>
      <button type="submit">{t('statistics:apply')}</button>
    </form>
  );
}

function CountTable({ testId, head, rows }: { testId: string; head: string; rows: Array<[string, number]> }) {
  const { t } = useWords();
  if (rows.length === 0) return <p>{t('statistics:empty')}</p>;
  return (
    <table data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col">{t('statistics:count')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, count]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function useDuration() {
  const { t } = useWords();
  return (seconds: number | null) => {
    if (seconds === null) return t('statistics:none');
    return seconds < 3600
      ? t('statistics:minutes', { value: (seconds / 60).toFixed(1) })
      : t('statistics:hours', { value: (seconds / 3600).toFixed(1) });
  };
}

const percent = (share: number | null) => {
  const value = uptimePercent(share);
  return value === null ? '—' : `${value} %`;
};

function figureCells(figures: ServiceFigures, time: (seconds: number | null) => string) {
  const average = (d: Durations) => time(d.averageSeconds);
  const p90 = (d: Durations) => time(d.p90Seconds);
  return [
    ['residentsServed', String(figures.residentsServed)],
    ['applications', String(figures.applications)],
    ['ticketsIssued', String(figures.ticketsIssued)],
    ['ticketsCalled', String(figures.ticketsCalled)],
    ['ticketsNoShow', String(figures.ticketsNoShow)],
    ['waitAverage', average(figures.waiting)],
    ['waitP90', p90(figures.waiting)],
    ['serviceAverage', average(figures.service)],
    ['serviceP90', p90(figures.service)],
    ['ratings', String(figures.ratings)],
    ['satisfactionRate', percent(figures.satisfactionRate)],
    ['callbackRate', percent(figures.callbackRate)],
    ['helpRequests', String(figures.helpRequests)],
    ['helpCompleted', String(figures.helpCompleted)],
    ['helpAverage', average(figures.helpCompletion)],
    ['helpP90', p90(figures.helpCompletion)],
    ['kioskUptime', percent(figures.kioskUptime)],
  ] as const;
}

function FiguresTable({ figures }: { figures: ServiceFigures }) {
  const { t } = useWords();
  const time = useDuration();
  return (
    <dl className="figures" data-testid="statistics-figures">
      {figureCells(figures, time).map(([key, value]) => (
        <div key={key} data-testid={`figure-${key}`}>
          <dt>{t(`statistics:${key}`)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function StationsTable({ stations }: { stations: Array<ServiceFigures & { stationId: string; name: string }> }) {
  const { t } = useWords();
  const time = useDuration();
  const first = stations[0];
  if (first === undefined) return <p>{t('statistics:empty')}</p>;
  const columns = figureCells(first, time).map(([key]) => key);
  return (
    <div className="table-scroll">
      <table data-testid="stations-table">
        <thead>
          <tr>
            <th scope="col">{t('statistics:stationCol')}</th>
            {columns.map((key) => (
              <th key={key} scope="col">
                {t(`statistics:${key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {stations.map((station) => (
            <tr key={station.stationId}>
              <th scope="row">{station.name}</th>
              {figureCells(station, time).map(([key, value]) => (
                <td key={key}>{value}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

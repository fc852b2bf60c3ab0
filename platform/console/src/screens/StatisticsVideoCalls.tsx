import { lazy } from 'react';
import {
  VIDEO_ANSWER_TARGET_SECONDS,
  type VideoCallFigures,
  type VideoCallReport,
} from '../../../contract/console/statistics-views';
import { useWords } from '../app/console-context';
import { Section } from '../app/ui';
import { CALL_TIME_WORDS, callTime, lossPercent, sharePercent, whole } from '../view/call-quality';

const VideoCallChart = lazy(() =>
  import('../charts/StatisticsCharts').then((module) => ({ default: module.VideoCallChart })),
);

/**
 * The 视频帮办 part of the statistics page (VideoCallReport): the figures of the scope, calls per
 * day answered and not (a chart with a table beside it), and tables per topic and per station.
 * Rendered inside the page's Suspense, which covers the lazy chart.
 */

type Cell = readonly [key: string, label: string, value: string];

function useCells() {
  const { t } = useWords();
  const dash = t('statistics:none');
  const time = (seconds: number | null) => {
    const shown = callTime(seconds);
    return shown === null ? dash : t(CALL_TIME_WORDS[shown.unit], { value: shown.value });
  };
  const ms = (value: number | null) => {
    const shown = whole(value);
    return shown === null ? dash : t('statistics:video.milliseconds', { value: shown });
  };
  const kbps = (value: number | null) => {
    const shown = whole(value);
    return shown === null ? dash : t('statistics:video.kbps', { value: shown });
  };
  const label = (key: string) =>
    key === 'answeredInTargetRate'
      ? t('statistics:video.answeredInTargetRate', { seconds: VIDEO_ANSWER_TARGET_SECONDS })
      : t(`statistics:video.${key}`);
  const cell = (key: string, value: string): Cell => [key, label(key), value];

  /** Every figure, for the overview. */
  const all = (f: VideoCallFigures): Cell[] => [
    cell('requested', String(f.requested)),
    cell('answered', String(f.answered)),
    cell('answeredInTargetRate', sharePercent(f.answeredInTargetRate) ?? dash),
    cell('cancelled', String(f.cancelled)),
    cell('noAnswer', String(f.noAnswer)),
    cell('calledBack', String(f.calledBack)),
    cell('waitMedian', time(f.wait.medianSeconds)),
    cell('waitP90', time(f.wait.p90Seconds)),
    cell('talkMedian', time(f.talk.medianSeconds)),
    cell('talkAverage', time(f.talk.averageSeconds)),
    cell('setupMedian', time(f.setup.medianSeconds)),
    cell('audioOnlyRate', sharePercent(f.audioOnlyRate) ?? dash),
    cell('qualityMeasured', String(f.qualityMeasured)),
    cell('packetLoss', lossPercent(f.averagePacketLossPct) ?? dash),
    cell('rtt', ms(f.averageRttMs)),
    cell('kioskInbound', kbps(f.averageKioskInboundKbps)),
    cell('agentInbound', kbps(f.averageAgentInboundKbps)),
    cell('relayedRate', sharePercent(f.relayedRate) ?? dash),
  ];
  /** The columns of the per-topic and per-station tables. */
  const row = (f: VideoCallFigures): Cell[] => {
    const shown = new Set([
      'requested',
      'answered',
      'answeredInTargetRate',
      'waitMedian',
      'talkAverage',
      'packetLoss',
      'rtt',
      'relayedRate',
    ]);
    return all(f).filter(([key]) => shown.has(key));
  };
  return { all, row };
}

export function StatisticsVideoCalls({ report }: { report: VideoCallReport }) {
  const { t } = useWords();
  const cells = useCells();
  const topicName = (entry: VideoCallReport['byTopic'][number]) =>
    entry.topic === 'general' ? t('statistics:video.generalTopic') : (entry.topicName ?? entry.topic);
  return (
    <>
      <Section title={t('statistics:video.title')} id="statistics-video">
        <p className="hint">{t('statistics:video.hint')}</p>
        <dl className="figures" data-testid="video-figures">
          {cells.all(report.totals).map(([key, label, value]) => (
            <div key={key} data-testid={`video-figure-${key}`}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </Section>
      <Section title={t('statistics:video.daily')} id="statistics-video-daily">
        <div className="chart-with-table">
          <VideoCallChart days={report.days} />
          <div className="table-scroll">
            <table data-testid="video-daily-table">
              <thead>
                <tr>
                  <th scope="col">{t('statistics:video.day')}</th>
                  <th scope="col">{t('statistics:video.requested')}</th>
                  <th scope="col">{t('statistics:video.answered')}</th>
                  <th scope="col">{t('statistics:video.notAnswered')}</th>
                </tr>
              </thead>
              <tbody>
                {report.days.map((day) => (
                  <tr key={day.day}>
                    <th scope="row">{day.day}</th>
                    <td>{day.requested}</td>
                    <td>{day.answered}</td>
                    <td>{day.requested - day.answered}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </Section>
      <Section title={t('statistics:video.byTopic')} id="statistics-video-topics">
        <FiguresRows
          testId="video-topics-table"
          head={t('statistics:video.topic')}
          rows={report.byTopic.map((entry) => ({ key: entry.topic, name: topicName(entry), figures: entry }))}
          cells={cells.row}
        />
      </Section>
      <Section title={t('statistics:video.perStation')} id="statistics-video-stations">
        <FiguresRows
          testId="video-stations-table"
          head={t('statistics:stationCol')}
          rows={report.stations.map((entry) => ({ key: entry.stationId, name: entry.name, figures: entry }))}
          cells={cells.row}
        />
      </Section>
    </>
  );
}

function FiguresRows({
  testId,
  head,
  rows,
  cells,
}: {
  testId: string;
  head: string;
  rows: Array<{ key: string; name: string; figures: VideoCallFigures }>;
  cells: (figures: VideoCallFigures) => Cell[];
}) {
  const { t } = useWords();
  const first = rows[0];
  if (first === undefined) return <p>{t('statistics:video.empty')}</p>;
  return (
    <div className="table-scroll">
      <table data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            {cells(first.figures).map(([key, label]) => (
              <th key={key} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.name}</th>
              {cells(row.figures).map(([key, , value]) => (
                <td key={key}>{value}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { useMemo } from 'react';
import type { StatisticsReport } from '../../../contract/console/statistics-views';
import { useWords } from '../app/console-context';
import { useChart } from './use-chart';

/**
 * The statistics page's charts, in the lazy ECharts chunk. Each says how many series it draws
 * (data-series-count) so an end-to-end test can check what was drawn without reading the canvas;
 * the page has a table with the same numbers beside each one.
 */

function Chart({
  option,
  testId,
  label,
}: {
  option: Record<string, unknown> & { series: unknown[] };
  testId: string;
  label: string;
}) {
  const element = useChart(option);
  return (
    <div
      ref={element}
      className="chart chart-statistics"
      role="img"
      aria-label={label}
      data-testid={testId}
      data-series-count={option.series.length}
    />
  );
}

/** What every per-day chart shares: one category per day (MM-DD), whole counts, a legend on top. */
function perDayAxes(days: readonly { readonly day: string }[]) {
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 40, bottom: 32 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' as const, renderMode: 'richText' as const },
    xAxis: { type: 'category' as const, data: days.map((day) => day.day.slice(5)) },
    yAxis: { type: 'value' as const, minInterval: 1 },
  };
}

export function DailyChart({ days }: { days: StatisticsReport['days'] }) {
  const { t } = useWords();
  const option = useMemo(
    () => ({
      ...perDayAxes(days),
      series: (['ticketsIssued', 'ticketsCalled', 'ticketsNoShow'] as const).map((key) => ({
        type: 'line' as const,
        name: t(`statistics:${key}`),
        data: days.map((day) => day[key]),
      })),
    }),
    [days, t],
  );
  return <Chart option={option} testId="chart-daily" label={t('statistics:daily')} />;
}

export function StateChart({ states }: { states: StatisticsReport['applicationsByState'] }) {
  const { t } = useWords();
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      tooltip: { renderMode: 'richText' as const },
      xAxis: {
        type: 'category' as const,
        data: states.map((entry) => t(`statistics:applicationState.${entry.state}`)),
      },
      yAxis: { type: 'value' as const, minInterval: 1 },
      series: [{ type: 'bar' as const, name: t('statistics:byState'), data: states.map((entry) => entry.count) }],
    }),
    [states, t],
  );
  return <Chart option={option} testId="chart-states" label={t('statistics:byState')} />;
}

export function LevelChart({ levels }: { levels: readonly number[] }) {
  const { t } = useWords();
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      tooltip: { renderMode: 'richText' as const },
      xAxis: {
        type: 'category' as const,
        data: [5, 4, 3, 2, 1].map((level) => t(`statistics:ratingLevel.${level}`)),
      },
      yAxis: { type: 'value' as const, minInterval: 1 },
      series: [
        {
          type: 'bar' as const,
          name: t('statistics:byLevel'),
          data: [5, 4, 3, 2, 1].map((level) => levels[level - 1] ?? 0),
        },
      ],
    }),
    [levels, t],
  );
  return <Chart option={option} testId="chart-levels" label={t('statistics:byLevel')} />;
}

/** 视频帮办 per day: answered and not answered stacked, so a bar's height is the calls requested. */
export function VideoCallChart({ days }: { days: StatisticsReport['videoCalls']['days'] }) {
  const { t } = useWords();
  const option = useMemo(
    () => ({
      ...perDayAxes(days),
      series: [
        {
          type: 'bar' as const,
          stack: 'calls',
          name: t('statistics:video.answered'),
          data: days.map((day) => day.answered),
        },
        {
          type: 'bar' as const,
          stack: 'calls',
          name: t('statistics:video.notAnswered'),
          data: days.map((day) => day.requested - day.answered),
        },
      ],
    }),
    [days, t],
  );
  return <Chart option={option} testId="chart-video-calls" label={t('statistics:video.daily')} />;
}

import { useMemo } from 'react';
import type { KioskDetail } from '../../../contract/console/fleet-views';
import { useWords } from '../app/console-context';
import { useChart } from './use-chart';

/** Uptime (bars, %) and MTTR (line, hours) per month, oldest on the left. A table beside it has the same numbers. */
export default function MonthChart({ months }: { months: KioskDetail['months'] }) {
  const { t } = useWords();
  const ordered = useMemo(() => [...months].sort((a, b) => a.month.localeCompare(b.month)), [months]);
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 56, right: 56, top: 40, bottom: 32 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' as const, renderMode: 'richText' as const },
      xAxis: { type: 'category' as const, data: ordered.map((month) => month.month) },
      yAxis: [
        { type: 'value' as const, name: `${t('kiosk:monthCol.uptime')} %`, min: 0, max: 100 },
        { type: 'value' as const, name: `${t('kiosk:monthCol.mttr')} h`, min: 0 },
      ],
      series: [
        {
          type: 'bar' as const,
          name: t('kiosk:monthCol.uptime'),
          data: ordered.map((month) => (month.uptime === null ? null : Math.floor(month.uptime * 1000) / 10)),
        },
        {
          type: 'line' as const,
          name: t('kiosk:monthCol.mttr'),
          yAxisIndex: 1,
          data: ordered.map((month) => (month.mttrSeconds === null ? null : Math.round(month.mttrSeconds / 360) / 10)),
        },
      ],
    }),
    [ordered, t],
  );
  const element = useChart(option);
  return (
    <div
      ref={element}
      className="chart chart-months"
      role="img"
      aria-label={t('kiosk:months')}
      data-testid="month-chart"
    />
  );
}

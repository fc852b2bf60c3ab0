import { useCallback, useMemo } from 'react';
import type { FleetOverview, KioskState } from '../../../contract/console/fleet-views';
import { useWords } from '../app/console-context';
import { navigate } from '../app/navigation';
import { pathOf } from '../app/routes';
import { kioskPoints } from '../view/plot-points';
import { STATE_ORDER } from '../view/fleet-filters';
import { stateWords } from '../view/words';
import { useChart } from './use-chart';
import { stateColour } from './state-colours';

/**
 * The kiosks on a plain latitude/longitude grid at their station's coordinates: no map tiles, no
 * network, so it works on a county intranet. One series per state, coloured like the badges.
 */
export default function FleetPlot({ fleet }: { fleet: FleetOverview }) {
  const { t } = useWords();
  const { points, unplaced } = useMemo(() => kioskPoints(fleet), [fleet]);
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 64, right: 24, top: 40, bottom: 48 },
      legend: { top: 0 },
      // richText tooltips are drawn on the canvas: no HTML with inline styles under the CSP.
      tooltip: { trigger: 'item' as const, renderMode: 'richText' as const },
      xAxis: {
        type: 'value' as const,
        name: t('fleet:lng'),
        scale: true,
        boundaryGap: ['10%', '10%'] as [string, string],
      },
      yAxis: {
        type: 'value' as const,
        name: t('fleet:lat'),
        scale: true,
        boundaryGap: ['10%', '10%'] as [string, string],
      },
      series: STATE_ORDER.map((state: KioskState) => ({
        type: 'scatter' as const,
        name: stateWords(t, state),
        symbolSize: 14,
        itemStyle: { color: stateColour(state) },
        data: points
          .filter((point) => point.state === state)
          .map((point) => ({
            value: [point.lng, point.lat],
            name: `${point.terminalId} · ${point.stationName}`,
            terminalId: point.terminalId,
          })),
      })),
    }),
    [points, t],
  );
  const onClick = useCallback((params: { data?: unknown }) => {
    const terminalId = (params.data as { terminalId?: string } | undefined)?.terminalId;
    if (terminalId) navigate(pathOf({ page: 'kiosk', terminalId }));
  }, []);
  const element = useChart(option, onClick);
  return (
    <>
      <p className="muted">{t('fleet:plotHint')}</p>
      <div
        ref={element}
        className="chart chart-plot"
        data-testid="fleet-plot-canvas"
        role="img"
        aria-label={t('fleet:plot')}
      />
      {unplaced > 0 && <p className="muted">{t('fleet:plotNoLocation', { count: unplaced })}</p>}
    </>
  );
}

import type { KeyboardEvent } from 'react';
import type { ServicePoint } from '../../../../platform/contract/service-points';
import { useT } from '../../i18n/use-t';
import { fitProjection, scaleBar, separate, type LatLng } from './map-projection';
import { PointShape } from './PointSymbol';

const FRAME = { width: 800, height: 800, padding: 70 } as const;
const SYMBOL_RADIUS = 20;

/**
 * The map itself, drawn from the points alone (no tiles: it works offline and says nothing that
 * is not in the data). "You are here" sits in the middle; north is up. Without `onSelect` it is a
 * picture: 长辈版 chooses from the paged list instead, since ten small marks are ten more choices
 * on one screen and each mark is smaller than a 长辈版 target.
 */
export function MapDrawing({
  here,
  points,
  numbers,
  selectedId,
  onSelect,
}: {
  here: LatLng;
  points: readonly ServicePoint[];
  numbers: ReadonlyMap<string, number>;
  selectedId: string | null;
  onSelect: ((id: string) => void) | null;
}) {
  const { t } = useT();
  const projection = fitProjection(
    here,
    points.map((point) => point.location),
    FRAME,
  );
  const bar = scaleBar(projection.pxPerKm, 220);
  const centre = projection.project(here);
  const positions = separate(
    points.map((point) => projection.project(point.location)),
    SYMBOL_RADIUS * 2.4,
  );
  return (
    <svg
      className="map-drawing"
      viewBox={`0 0 ${FRAME.width} ${FRAME.height}`}
      role={onSelect ? 'group' : 'img'}
      aria-label={t('map:drawingLabel')}
      data-testid="map-drawing"
      data-px-per-km={projection.pxPerKm.toFixed(3)}
    >
      <rect className="map-ground" x="0" y="0" width={FRAME.width} height={FRAME.height} rx="16" />
      <g className="map-here" data-testid="map-here" transform={`translate(${centre.x} ${centre.y})`}>
        <circle r="34" className="map-here-halo" />
        <circle r="10" className="map-here-dot" />
        <text y="58" textAnchor="middle" className="map-here-label">
          {t('map:here')}
        </text>
      </g>
      {points.map((point, index) => {
        const { x, y } = positions[index] ?? projection.project(point.location);
        const selected = point.id === selectedId;
        const select = onSelect;
        const asButton = select && {
          role: 'button',
          tabIndex: 0,
          'aria-label': point.name,
          'aria-pressed': selected,
          onClick: () => select(point.id),
          onKeyDown: (event: KeyboardEvent<SVGGElement>) => {
            if (event.key === 'Enter' || event.key === ' ') select(point.id);
          },
        };
        return (
          <g
            key={point.id}
            className={`map-point map-symbol--${point.kind}`}
            data-testid="map-point"
            data-id={point.id}
            data-selected={selected || undefined}
            transform={`translate(${x.toFixed(1)} ${y.toFixed(1)})`}
            {...asButton}
          >
            {/* A larger invisible target: a symbol is small, a finger is not. */}
            <circle r={SYMBOL_RADIUS * 1.8} className="map-point-target" />
            <PointShape kind={point.kind} r={selected ? SYMBOL_RADIUS * 1.3 : SYMBOL_RADIUS} />
            <text y="7" textAnchor="middle" className="map-point-number">
              {numbers.get(point.id)}
            </text>
          </g>
        );
      })}
      <g className="map-north" transform={`translate(${FRAME.width - 50} 60)`} data-testid="map-north">
        <path d="M0 -34L14 10L0 2L-14 10Z" />
        <text y="38" textAnchor="middle">
          {t('map:north')}
        </text>
      </g>
      <g
        className="map-scale"
        transform={`translate(30 ${FRAME.height - 36})`}
        data-testid="map-scale"
        data-km={bar.km}
      >
        <path d={`M0 -10V0H${bar.px.toFixed(1)}V-10`} />
        <text x={bar.px / 2} y="-16" textAnchor="middle">
          {t('map:scaleKm', { km: bar.km })}
        </text>
      </g>
    </svg>
  );
}

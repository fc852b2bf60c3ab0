import type { ServicePoint } from '../../../../platform/contract/service-points';
import { ChoicePages } from '../../components/ChoicePages';
import { useT } from '../../i18n/use-t';
import { distanceParts } from './format-distance';
import { PointShape } from './PointSymbol';

/**
 * The same points as the map, nearest first, numbered as on the map: for those who would rather
 * read, and in 长辈版 the way to choose a point, a few at a time.
 */
export function PointList({
  points,
  numbers,
  distances,
  onSelect,
}: {
  points: readonly ServicePoint[];
  numbers: ReadonlyMap<string, number>;
  distances: ReadonlyMap<string, number>;
  onSelect: (id: string) => void;
}) {
  const { t } = useT();
  return (
    <ChoicePages
      className="map-list"
      testId="map-list"
      listLabel={t('map:listLabel')}
      items={points}
      keyOf={(point) => point.id}
      render={(point) => {
        const distance = distanceParts(distances.get(point.id) ?? 0);
        return (
          <button
            type="button"
            className="tile map-list-item"
            data-testid="map-list-item"
            data-id={point.id}
            onClick={() => onSelect(point.id)}
          >
            <svg viewBox="-22 -22 44 44" className={`map-symbol map-symbol--${point.kind}`} aria-hidden="true">
              <PointShape kind={point.kind} r={14} />
              <text y="6" textAnchor="middle" className="map-point-number">
                {numbers.get(point.id)}
              </text>
            </svg>
            <span className="tile-text">
              <span className="tile-label">{point.name}</span>
              <span className="tile-hint">
                {t(`map:kind.${point.kind}`)} · {t(`map:distanceIn.${distance.unit}`, { value: distance.value })}
              </span>
            </span>
          </button>
        );
      }}
    />
  );
}

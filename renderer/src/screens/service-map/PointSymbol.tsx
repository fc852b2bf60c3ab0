import type { ServicePointKind } from '../../../../platform/contract/service-points';

export const POINT_KINDS: readonly ServicePointKind[] = [
  'governmentServiceCentre',
  'townServiceCentre',
  'villageStation',
  'selfService24h',
];

/**
 * One shape per kind, so the map reads without colour (WCAG 1.4.1): square hall, diamond town
 * centre, circle village station, triangle 24-hour zone. Drawn around (0, 0) with radius `r`.
 */
export function PointShape({ kind, r }: { kind: ServicePointKind; r: number }) {
  switch (kind) {
    case 'governmentServiceCentre':
      return <rect x={-r} y={-r} width={2 * r} height={2 * r} rx={r / 5} />;
    case 'townServiceCentre':
      return <path d={`M0 ${-r * 1.3}L${r * 1.3} 0L0 ${r * 1.3}L${-r * 1.3} 0Z`} />;
    case 'villageStation':
      return <circle r={r} />;
    case 'selfService24h':
      return <path d={`M0 ${-r * 1.25}L${r * 1.2} ${r * 0.9}L${-r * 1.2} ${r * 0.9}Z`} />;
  }
}

/** The legend's little copy of a shape. */
export function LegendSymbol({ kind }: { kind: ServicePointKind }) {
  return (
    <svg viewBox="-16 -16 32 32" className={`map-symbol map-symbol--${kind}`} aria-hidden="true">
      <PointShape kind={kind} r={10} />
    </svg>
  );
}

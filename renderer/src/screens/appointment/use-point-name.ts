import type { ServicePoint } from '../../../../platform/contract/service-points';
import { useKioskInfo } from '../../api/kiosk-info-context';
import { placeName } from '../../format/place-name';
import { useT } from '../../i18n/use-t';

/** A service point's name as the resident reads it, from the points the journey loaded. */
export function usePointName(points: readonly ServicePoint[]): (id: string | null) => string {
  const { t } = useT();
  const { station } = useKioskInfo();
  const names = new Map(points.map((p) => [p.id, p.name] as const));
  return (id) => placeName(id, names, station, t('common:place.unknown'));
}

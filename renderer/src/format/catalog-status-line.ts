import type { CatalogStatus } from '../../../core/api/contract';
import { catalogAge, type CatalogAge } from './catalog-age';

/**
 * What the footer says about the catalog, before it is put into words. `age` is null when the
 * platform has never confirmed the stored version: then there is no honest age to show.
 */
export type CatalogStatusLine =
  | { readonly kind: 'fetching' }
  | {
      readonly kind: 'current' | 'offline' | 'stale' | 'staleOffline';
      readonly version: string;
      readonly age: CatalogAge | null;
    };

/**
 * "You can read the guides normally" is said only while the stored list is fresh: a stale list
 * gets the stronger warning, offline or not. The age counts from the platform's last confirmation.
 */
export function describeCatalogStatus(status: CatalogStatus | null, now: Date): CatalogStatusLine {
  if (!status?.version) return { kind: 'fetching' };
  const age = status.confirmedAt ? catalogAge(status.confirmedAt, now) : null;
  const offline = status.platform === 'unreachable';
  const kind = status.stale ? (offline ? 'staleOffline' : 'stale') : offline ? 'offline' : 'current';
  return { kind, version: status.version, age };
}

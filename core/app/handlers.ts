import type Database from 'better-sqlite3';
import type { KioskContract, KioskInfo } from '../api/contract';
import { err, ok } from '../pure/result';
import type { Handlers } from '../api/types';
import { catalogOverview, getMatter, listMatters, readCatalogMeta } from '../catalog/catalog-store';
import type { CatalogSync } from '../catalog/sync';

export interface HandlerDeps {
  readonly info: KioskInfo;
  readonly db: Database.Database;
  readonly catalogSync: CatalogSync;
}

const catalogEmpty = {
  code: 'catalogEmpty',
  message: 'no catalog stored yet: the platform has not been reached since this kiosk was installed',
} as const;

/** The kiosk API's implementation: thin, each handler delegates to the module that owns the data. */
type CatalogMethods =
  'kiosk.info' | 'catalog.status' | 'catalog.overview' | 'catalog.list' | 'catalog.matter' | 'catalog.syncNow';

export function buildHandlers(
  deps: HandlerDeps,
): Pick<Handlers<KioskContract>, Extract<keyof Handlers<KioskContract>, CatalogMethods>> {
  return {
    'kiosk.info': () => ok(deps.info),
    'catalog.status': () => ok(deps.catalogSync.status()),
    'catalog.overview': () => {
      const overview = catalogOverview(deps.db);
      return overview ? ok(overview) : err(catalogEmpty);
    },
    'catalog.list': (query) => {
      if (!readCatalogMeta(deps.db)) return err(catalogEmpty);
      return ok(listMatters(deps.db, query));
    },
    'catalog.matter': ({ code }) => {
      if (!readCatalogMeta(deps.db)) return err(catalogEmpty);
      const matter = getMatter(deps.db, code);
      return matter ? ok(matter) : err({ code: 'notFound', message: `no matter ${code} in the stored catalog` });
    },
    'catalog.syncNow': async () => ok(await deps.catalogSync.syncOnce()),
  };
}

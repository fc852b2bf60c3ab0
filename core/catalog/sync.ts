import type Database from 'better-sqlite3';
import type { CatalogStatus } from '../api/contract';
import type { Logger } from '../logging/logger';
import { fetchCatalog, fetchCatalogVersion } from '../platform-client/catalog';
import { describePlatformError, type HttpOptions } from '../platform-client/http';
import { countMatters, readCatalogMeta, replaceCatalog } from './catalog-store';
import { readSyncState, recordSyncFailure, recordSyncSuccess } from './sync-state';

export interface CatalogSyncDeps {
  readonly db: Database.Database;
  readonly platform: HttpOptions;
  readonly staleAfterHours: number;
  readonly now: () => Date;
  readonly logger: Logger;
  /** Called whenever the status a resident or technician would see has changed. */
  readonly onStatus: (status: CatalogStatus) => void;
}

export interface CatalogSync {
  /** Checks the platform once; concurrent calls share one attempt. Never rejects. */
  syncOnce(): Promise<CatalogStatus>;
  status(): CatalogStatus;
}

/**
 * Pulls the catalog by version into the store and serves it from there, so the kiosk keeps
 * working when the platform is down. A new version is stored in one transaction together with
 * the confirmation time; a failure only records why and leaves the stored catalog alone.
 */
export function createCatalogSync(deps: CatalogSyncDeps): CatalogSync {
  const log = deps.logger.child({ component: 'catalog-sync' });
  let platform: CatalogStatus['platform'] = 'unknown';
  let inFlight: Promise<CatalogStatus> | null = null;
  let lastPublished = '';

  const status = (): CatalogStatus => {
    const meta = readCatalogMeta(deps.db);
    const state = readSyncState(deps.db);
    const confirmedAt = state.confirmedAt;
    // Storing a version is itself a confirmation; a store filled some other way counts from then.
    const since = confirmedAt ?? meta?.storedAt ?? null;
    const ageMs = since ? deps.now().getTime() - Date.parse(since) : Number.POSITIVE_INFINITY;
    return {
      version: meta?.version ?? null,
      publishedAt: meta?.publishedAt ?? null,
      storedAt: meta?.storedAt ?? null,
      confirmedAt,
      matterCount: meta ? countMatters(deps.db) : 0,
      platform,
      lastError: state.lastError,
      stale: meta !== null && ageMs > deps.staleAfterHours * 3_600_000,
    };
  };

  const publish = () => {
    const current = status();
    const key = JSON.stringify(current);
    if (key === lastPublished) return current;
    lastPublished = key;
    deps.onStatus(current);
    return current;
  };

  const attempt = async (): Promise<CatalogStatus> => {
    const at = () => deps.now().toISOString();
    const held = readCatalogMeta(deps.db)?.version ?? null;

    const version = await fetchCatalogVersion(deps.platform);
    if (!version.ok) return fail(describePlatformError(version.error));

    if (version.value.version !== held) {
      const fetched = await fetchCatalog(deps.platform, held);
      if (!fetched.ok) return fail(describePlatformError(fetched.error));
      if (fetched.value.kind === 'catalog') {
        const { catalog } = fetched.value;
        const storedAt = at();
        deps.db.transaction(() => {
          replaceCatalog(deps.db, catalog, storedAt);
          recordSyncSuccess(deps.db, storedAt);
        })();
        platform = 'reachable';
        log.info({ from: held, to: catalog.version, matters: catalog.matters.length }, 'catalog updated');
        return publish();
      }
    }
    recordSyncSuccess(deps.db, at());
    platform = 'reachable';
    log.debug({ version: held }, 'catalog confirmed current');
    return publish();

    function fail(reason: string): CatalogStatus {
      recordSyncFailure(deps.db, at(), reason);
      if (platform !== 'unreachable') log.warn({ reason, held }, 'catalog sync failed; serving the stored catalog');
      platform = 'unreachable';
      return publish();
    }
  };

  return {
    status,
    syncOnce() {
      inFlight ??= attempt()
        .catch((error: unknown) => {
          // A bug (the store threw): log it, keep serving what we have.
          log.error({ err: error }, 'catalog sync crashed');
          return status();
        })
        .finally(() => {
          inFlight = null;
        });
      return inFlight;
    },
  };
}

export interface SyncLoop {
  stop(): void;
}

/**
 * Runs the sync now and then every `intervalMs`; after a failure it retries sooner, doubling
 * from 5 s up to the interval, so a platform that comes back is noticed quickly without
 * hammering one that stays down.
 */
export function startCatalogSyncLoop(sync: CatalogSync, intervalMs: number): SyncLoop {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let failures = 0;

  const run = async () => {
    const status = await sync.syncOnce();
    if (stopped) return;
    failures = status.platform === 'reachable' ? 0 : failures + 1;
    const delay = failures === 0 ? intervalMs : Math.min(intervalMs, 5_000 * 2 ** (failures - 1));
    timer = setTimeout(() => void run(), delay);
  };
  void run();

  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

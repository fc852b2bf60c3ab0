import { randomUUID } from 'node:crypto';
import type { KioskContract } from '../api/contract';
import type { SearchHit } from '../api/find';
import { err, ok } from '../api/result';
import type { Handlers } from '../api/types';
import type { ServiceDeps } from '../app/service-deps';
import { printOrScreen } from '../devices/print-result';
import type { DeviceManager } from '../devices/types';
import { chinaDateTime } from '../time/china-time';
import { getMatter, readCatalogMeta } from './catalog-store';
import { checklistReceipt, guideUrl } from './checklist-receipt';
import { listLifeEvents } from './life-events';
import { searchEntries } from './search-index';
import { readSearchEntries, type StoredSearchEntry } from './search-store';

type FindMethods = 'catalog.search' | 'catalog.lifeEvents' | 'catalog.printChecklist';

const catalogEmpty = {
  code: 'catalogEmpty',
  message: 'no catalog stored yet: the platform has not been reached since this kiosk was installed',
} as const;

/**
 * Finding a matter: search by characters or pinyin, life-event bundles, and the printed material
 * checklist. The search index is read from the store once per stored catalog version and kept in
 * memory: a few thousand names match in well under a frame.
 */
export type FindDeps = Pick<ServiceDeps, 'db' | 'info' | 'logger' | 'now'> & {
  readonly devices: Pick<DeviceManager, 'print'>;
};

export function buildFindHandlers(deps: FindDeps): Pick<Handlers<KioskContract>, FindMethods> {
  const log = deps.logger.child({ component: 'find' });
  let cached: { key: string; entries: StoredSearchEntry[] } | null = null;

  const entriesOf = (key: string): StoredSearchEntry[] => {
    if (cached?.key !== key) cached = { key, entries: readSearchEntries(deps.db) };
    return cached.entries;
  };

  return {
    'catalog.search': ({ text, limit }) => {
      const meta = readCatalogMeta(deps.db);
      if (!meta) return err(catalogEmpty);
      const hits = searchEntries(entriesOf(`${meta.version}@${meta.storedAt}`), text);
      return ok({
        total: hits.length,
        hits: hits.slice(0, limit).map(({ entry, match }): SearchHit => ({
          code: entry.code,
          name: entry.name,
          matchedBy: match.matchedBy,
          highlights: match.highlights.map(([start, end]) => [start, end]),
          hasGuide: entry.hasGuide,
          channels: [...entry.channels],
        })),
      });
    },

    'catalog.lifeEvents': () => {
      if (!readCatalogMeta(deps.db)) return err(catalogEmpty);
      return ok(listLifeEvents(deps.db));
    },

    'catalog.printChecklist': async ({ code }) => {
      if (!readCatalogMeta(deps.db)) return err(catalogEmpty);
      const matter = getMatter(deps.db, code);
      if (!matter) return err({ code: 'notFound' as const, message: `no matter ${code} in the stored catalog` });
      const { guide } = matter;
      if (!guide) return err({ code: 'noGuide' as const, message: `matter ${code} has no published guide` });
      // Every press is a new checklist: a resident may well want a second copy for a relative,
      // so each request gets its own document id (the ledger prints each id once).
      const documentId = `checklist-${randomUUID()}`;
      const document = checklistReceipt(
        { ...matter, guide },
        { documentId, stationName: deps.info.station.name, printedAt: chinaDateTime(deps.now()) },
      );
      const url = guideUrl(matter.code, matter.version);
      const print = await printOrScreen(deps.devices, document);
      if (print.output === 'paper') log.info({ matter: code, document: documentId }, 'material checklist printed');
      else
        log.warn(
          { matter: code, document: documentId, problem: print.problem },
          'material checklist shown on screen instead',
        );
      return ok({ ...print, guideUrl: url });
    },
  };
}

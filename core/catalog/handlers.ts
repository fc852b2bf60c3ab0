import { randomUUID } from 'node:crypto';
import type { KioskContract } from '../api/contract';
import type { SearchHit } from '../api/find';
import { err, ok } from '../pure/result';
import type { Handlers } from '../api/types';
import type { ServiceDeps } from '../app/service-deps';
import { printOrScreen } from '../devices/print-result';
import type { DeviceManager } from '../devices/types';
import { chinaDateTime } from '../time/china-time';
import { getMatter, readCatalogMeta } from './catalog-store';
import { checklistReceipt, guideUrl } from './checklist-receipt';
import { listLifeEvents } from './life-events';
import type { MatterUsage } from './matter-usage';
import { buildSearchIndex, type SearchIndex } from './search-index';
import { readSearchDocuments, type StoredSearchDocument } from './search-store';

type FindMethods = 'catalog.search' | 'catalog.lifeEvents' | 'catalog.printChecklist';

const catalogEmpty = {
  code: 'catalogEmpty',
  message: 'no catalog stored yet: the platform has not been reached since this kiosk was installed',
} as const;

/**
 * Finding a matter: search by words, aliases and pinyin (search-index.ts), life-event bundles,
 * and the printed material checklist. The search index is read from the store once per stored
 * catalog version and kept in memory: thousands of matters match in well under a frame.
 */
export type FindDeps = Pick<ServiceDeps, 'db' | 'info' | 'logger' | 'now'> & {
  readonly devices: Pick<DeviceManager, 'print'>;
  /** How often each matter is used here, to rank equally good matches. */
  readonly usage: Pick<MatterUsage, 'counts'>;
};

export function buildFindHandlers(deps: FindDeps): Pick<Handlers<KioskContract>, FindMethods> {
  const log = deps.logger.child({ component: 'find' });
  let cached: { key: string; index: SearchIndex<StoredSearchDocument> } | null = null;

  const indexOf = (key: string): SearchIndex<StoredSearchDocument> => {
    if (cached?.key !== key) cached = { key, index: buildSearchIndex(readSearchDocuments(deps.db)) };
    return cached.index;
  };

  return {
    'catalog.search': ({ text, limit }) => {
      const meta = readCatalogMeta(deps.db);
      if (!meta) return err(catalogEmpty);
      const found = indexOf(`${meta.version}@${meta.storedAt}`).search(text, { uses: deps.usage.counts(), limit });
      return ok({
        total: found.total,
        hits: found.hits.map(({ document, match }): SearchHit => ({
          code: document.code,
          name: document.name,
          matchedBy: match.matchedBy,
          matchedIn: match.matchedIn,
          matchedText: match.matchedText,
          highlights: match.highlights.map(([start, end]) => [start, end]),
          hasGuide: document.hasGuide,
          channels: [...document.channels],
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

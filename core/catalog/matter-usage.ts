import type Database from 'better-sqlite3';

/**
 * How often each matter is used at this station (matter_usage, migration 0012), so search can
 * put what residents here come for first among equally good matches. A use is a visit that
 * opened the matter's guide, started an application for it or booked an appointment for it;
 * each matter counts at most once per visit, so reopening a guide or retrying a step does not
 * inflate it. Counts only: no time, no session, nothing about who.
 */
export interface MatterUsage {
  /** This visit used the matter (counted once per visit). */
  record(code: string): void;
  /** Uses per matter code, as stored; the same map until the next recorded use. */
  counts(): ReadonlyMap<string, number>;
}

export function readMatterUses(db: Database.Database): Map<string, number> {
  const rows = db.prepare('SELECT matter_code, uses FROM matter_usage').all() as Array<{
    matter_code: string;
    uses: number;
  }>;
  return new Map(rows.map((row) => [row.matter_code, row.uses]));
}

export function createMatterUsage(deps: {
  readonly db: Database.Database;
  /** Session end: a new visit may count every matter again. */
  readonly onVisitEnd: (listener: () => void) => unknown;
}): MatterUsage {
  const increment = deps.db.prepare(
    'INSERT INTO matter_usage (matter_code, uses) VALUES (?, 1) ON CONFLICT (matter_code) DO UPDATE SET uses = uses + 1',
  );
  let counts = readMatterUses(deps.db);
  const countedThisVisit = new Set<string>();
  deps.onVisitEnd(() => countedThisVisit.clear());
  return {
    record(code) {
      if (countedThisVisit.has(code)) return;
      countedThisVisit.add(code);
      increment.run(code);
      // A new map, so a reader holding the old one (a search in progress) sees a consistent view.
      counts = new Map(counts).set(code, (counts.get(code) ?? 0) + 1);
    },
    counts: () => counts,
  };
}

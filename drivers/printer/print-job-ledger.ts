/**
 * One print job per receipt id, never printed twice (docs/design-anchors.md §5: vxsuite#1148
 * printed ballots twice from a polling loop). The printer claims an id before sending a byte and
 * records how it ended; core keeps the durable (SQLite) ledger, tests and the CLI the memory one.
 */
export type ClaimResult = 'claimed' | 'alreadyPrinted' | 'inProgress';

/** `beforeSend`: no byte went out, the id may be claimed again. `afterSend`: counts as printed. */
export type FailurePhase = 'beforeSend' | 'afterSend';

export interface PrintJobLedger {
  /**
   * Takes the id for one job. Without `reprint`: 'claimed' if never printed (or only failed
   * before sending), 'alreadyPrinted' if printed or failed after sending, 'inProgress' if another
   * job holds it. With `reprint` (an explicit staff decision) a printed id is claimed again.
   * A durable ledger should treat an 'inProgress' entry left by a crash as failed 'afterSend'.
   */
  claim(receiptId: string, options?: { reprint?: boolean }): Promise<ClaimResult>;
  markPrinted(receiptId: string): Promise<void>;
  markFailed(receiptId: string, phase: FailurePhase, reason: string): Promise<void>;
}

export type LedgerEntryState = 'inProgress' | 'printed' | 'failedBeforeSend' | 'failedAfterSend';

export interface LedgerEntry {
  readonly state: LedgerEntryState;
  /** Jobs that sent bytes for this id (a reprint adds one). */
  readonly printJobs: number;
  readonly lastFailure: string | null;
}

export interface MemoryPrintJobLedger extends PrintJobLedger {
  entry(receiptId: string): LedgerEntry | undefined;
}

export function createMemoryPrintJobLedger(): MemoryPrintJobLedger {
  const entries = new Map<string, LedgerEntry>();
  // What a reprint claim replaced, so a reprint failing before any byte leaves the id printed.
  const beforeReprint = new Map<string, LedgerEntryState>();
  const set = (id: string, change: Partial<LedgerEntry>) => {
    const current = entries.get(id) ?? { state: 'inProgress', printJobs: 0, lastFailure: null };
    entries.set(id, { ...current, ...change });
  };
  return {
    claim(receiptId, options = {}) {
      const current = entries.get(receiptId);
      let result: ClaimResult;
      if (!current || current.state === 'failedBeforeSend') result = 'claimed';
      else if (current.state === 'inProgress') result = 'inProgress';
      else result = options.reprint ? 'claimed' : 'alreadyPrinted';
      if (result === 'claimed') {
        if (current && current.state !== 'failedBeforeSend') beforeReprint.set(receiptId, current.state);
        else beforeReprint.delete(receiptId);
        set(receiptId, { state: 'inProgress' });
      }
      return Promise.resolve(result);
    },
    markPrinted(receiptId) {
      set(receiptId, { state: 'printed', printJobs: (entries.get(receiptId)?.printJobs ?? 0) + 1 });
      return Promise.resolve();
    },
    markFailed(receiptId, phase, reason) {
      const jobs = entries.get(receiptId)?.printJobs ?? 0;
      set(receiptId, {
        state: phase === 'beforeSend' ? (beforeReprint.get(receiptId) ?? 'failedBeforeSend') : 'failedAfterSend',
        printJobs: phase === 'afterSend' ? jobs + 1 : jobs,
        lastFailure: reason,
      });
      return Promise.resolve();
    },
    entry: (receiptId) => entries.get(receiptId),
  };
}

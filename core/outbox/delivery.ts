import type Database from 'better-sqlite3';
import type { Logger } from '../logging/logger';
import type { HttpOptions } from '../platform-client/http';
import type { DataSealer } from './data-sealer';
import {
  listOutbox,
  makeAllDue,
  makePendingDue,
  markDeadLetter,
  markRetry,
  markSent,
  oldestPending,
  outboxSummary,
  type OutboxItem,
  type OutboxSummary,
} from './outbox-store';
import { DEFAULT_RETRY_BACKOFF, judgeFailure, retryDelayMs, type RetryBackoff } from './retry-policy';
import { sendOutboxItem } from './send-item';

export interface OutboxDeliveryDeps {
  readonly db: Database.Database;
  readonly platform: HttpOptions;
  readonly logger: Logger;
  readonly now: () => Date;
  /** Called after any item changed state or was attempted (the status line). */
  readonly onChange?: (summary: OutboxSummary) => void;
  readonly backoff?: RetryBackoff;
  /** 0..1, injectable for tests. */
  readonly random?: () => number;
  /** With nothing due, look again this often for items enqueued without a kick. */
  readonly idlePollMs?: number;
  /** Opens the bodies, all sealed at rest, just before sending: the kiosk's data key. */
  readonly sealer: DataSealer;
}

export interface OutboxDelivery {
  /** Try the queue now, ignoring backoff; resolves when this pass is over. Never rejects. */
  kick(): Promise<void>;
  /** Dead letters back to pending and everything due now, then a pass. Resolves with how many were revived. */
  retryAll(): Promise<{ revived: number }>;
  summary(): OutboxSummary;
  list(limit: number): OutboxItem[];
  /** Stops the timer and waits for an attempt in progress. */
  stop(): Promise<void>;
}

/**
 * Sends the outbox to the platform: oldest first, one request at a time, each with the key it was
 * stored with, so a request the platform already committed (answer lost, kiosk crashed) is
 * answered from the platform's idempotency store instead of being stored twice. While the head
 * item backs off, later items wait behind it: the queue drains in order (docs/reliability.md §2.2
 * promise 5). Logs say which item and why, never its body (later features queue personal data).
 */
export function startOutboxDelivery(deps: OutboxDeliveryDeps): OutboxDelivery {
  const log = deps.logger.child({ component: 'outbox' });
  const backoff = deps.backoff ?? DEFAULT_RETRY_BACKOFF;
  const random = deps.random ?? Math.random;
  const idlePollMs = deps.idlePollMs ?? 30_000;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pass: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const changed = () => {
    if (!deps.onChange) return;
    try {
      deps.onChange(outboxSummary(deps.db));
    } catch (error) {
      log.warn({ err: error }, 'outbox change listener failed');
    }
  };

  /** One attempt at the head item; false when the pass should stop (nothing due, or it failed). */
  const attemptHead = async (): Promise<boolean> => {
    const item = oldestPending(deps.db);
    if (!item) return false;
    if (item.nextAttemptAt !== null && Date.parse(item.nextAttemptAt) > deps.now().getTime()) return false;

    const answer = await sendOutboxItem(deps.platform, item, deps.sealer);
    const fields = { outboxId: item.id, kind: item.kind, attempt: item.attempts + 1 };
    if (answer.ok) {
      markSent(deps.db, item.id, answer.value.body, deps.now());
      log.info({ ...fields, status: answer.value.status }, 'outbox item delivered');
      changed();
      return true;
    }
    if (answer.error.kind === 'sealed') log.error(fields, answer.error.message);
    const verdict: ReturnType<typeof judgeFailure> =
      answer.error.kind === 'sealed'
        ? { kind: 'deadLetter', reason: answer.error.message }
        : judgeFailure(answer.error);
    if (verdict.kind === 'deadLetter') {
      markDeadLetter(deps.db, item.id, verdict.reason);
      log.warn({ ...fields, reason: verdict.reason }, 'outbox item refused by the platform; kept as a dead letter');
      changed();
      return true;
    }
    const delayMs = retryDelayMs(item.attempts + 1, backoff, random);
    markRetry(deps.db, item.id, verdict.reason, new Date(deps.now().getTime() + delayMs));
    log.info({ ...fields, reason: verdict.reason, retryInMs: delayMs }, 'outbox item not delivered; will retry');
    changed();
    return false;
  };

  /** Wakes up when the head item is due, or after `idlePollMs` at the latest. */
  const schedule = () => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    let dueIn = idlePollMs;
    try {
      const head = oldestPending(deps.db);
      if (head?.nextAttemptAt != null) dueIn = Math.max(0, Date.parse(head.nextAttemptAt) - deps.now().getTime());
    } catch (error) {
      log.error({ err: error }, 'outbox could not read its queue; trying again later');
    }
    timer = setTimeout(() => void run(), Math.min(dueIn, idlePollMs));
    timer.unref?.();
  };

  /** Store calls behind kick and retryAll: a failure here is a bug, logged, never thrown at the caller. */
  const guarded = <T>(what: string, work: () => T, fallback: T): T => {
    try {
      return work();
    } catch (error) {
      log.error({ err: error }, `outbox ${what} failed unexpectedly`);
      return fallback;
    }
  };

  const run = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (pass) {
      again = true;
      return pass;
    }
    pass = (async () => {
      do {
        again = false;
        try {
          while (!stopped && (await attemptHead()));
        } catch (error) {
          // A bug (the store is gone, a row does not parse): log it, keep the loop alive.
          log.error({ err: error }, 'outbox delivery failed unexpectedly');
        }
      } while (again && !stopped);
    })().finally(() => {
      pass = null;
      schedule();
    });
    return pass;
  };

  schedule();

  return {
    kick() {
      if (stopped) return Promise.resolve();
      guarded('kick', () => makePendingDue(deps.db, deps.now()), undefined);
      return run();
    },
    async retryAll() {
      if (stopped) return { revived: 0 };
      const result = guarded('retry', () => makeAllDue(deps.db, deps.now()), { revived: 0 });
      if (result.revived > 0) log.info({ revived: result.revived }, 'dead letters moved back to pending by staff');
      changed();
      await run();
      return result;
    },
    summary: () => outboxSummary(deps.db),
    list: (limit) => listOutbox(deps.db, limit),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await pass;
    },
  };
}

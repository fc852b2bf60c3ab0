import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { TerminalEvent } from '../../platform/contract/fleet';
import type { Logger } from '../logging/logger';
import { enqueue, type DataSealer } from '../outbox';
import { err, ok, type Result } from '../pure/result';

type Omitted = 'eventId' | 'occurredAt' | 'sequence' | 'appVersion';
/** One event's own fields, by kind; the recorder adds identity, time, order and version. */
export type EventFields = TerminalEvent extends infer E ? (E extends TerminalEvent ? Omit<E, Omitted> : never) : never;

export interface EventRecorder {
  /** Stores the event in the outbox (delivered oldest first, exactly once) and starts delivery. */
  record(fields: EventFields): Result<TerminalEvent, { kind: 'invalid'; issues: string[] }>;
}

export interface EventRecorderDeps {
  readonly db: Database.Database;
  readonly sealer: DataSealer;
  readonly terminalId: string;
  readonly appVersion: string;
  readonly now: () => Date;
  readonly logger: Logger;
  readonly kick: () => void;
}

/**
 * The kiosk's event catalogue (platform/contract/fleet.ts) as it records it: each event gets a
 * UUID (the platform stores one eventId once), the next number of the kiosk's sequence (kept in
 * the store, so it keeps rising across restarts and the platform sees a gap) and the time, and is
 * queued in the outbox in the same transaction as the sequence moves, so an event is either
 * numbered and on its way or neither. The outbox keeps it through any outage and delivers in order.
 */
export function createEventRecorder(deps: EventRecorderDeps): EventRecorder {
  const log = deps.logger.child({ component: 'fleet-events' });
  return {
    record(fields) {
      const recorded = deps.db.transaction(() => {
        const sequence = deps.db
          .prepare('UPDATE fleet_event_sequence SET last = last + 1 WHERE id = 1 RETURNING last')
          .pluck()
          .get() as number;
        const parsed = TerminalEvent.safeParse({
          ...fields,
          eventId: randomUUID(),
          occurredAt: deps.now().toISOString(),
          sequence,
          appVersion: deps.appVersion,
        });
        if (!parsed.success) {
          // Throwing rolls the sequence back: an event that is a bug takes no number.
          throw new InvalidEvent(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
        }
        enqueue(
          deps.db,
          deps.sealer,
          {
            kind: 'event',
            operation: 'postTerminalEvent',
            params: { terminalId: deps.terminalId },
            idempotencyKey: `event-${parsed.data.eventId}`,
            body: parsed.data,
          },
          deps.now(),
        );
        return parsed.data;
      });
      let event: TerminalEvent;
      try {
        event = recorded();
      } catch (error) {
        if (!(error instanceof InvalidEvent)) throw error;
        log.error({ kind: fields.kind, issues: error.issues }, 'event does not match the catalogue; not recorded');
        return err({ kind: 'invalid', issues: error.issues });
      }
      log.info({ kind: event.kind, sequence: event.sequence }, 'fleet event recorded');
      deps.kick();
      return ok(event);
    },
  };
}

class InvalidEvent extends Error {
  constructor(readonly issues: string[]) {
    super('invalid fleet event');
  }
}

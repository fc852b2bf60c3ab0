import { randomBytes } from 'node:crypto';
import type { MatterRef } from '../../platform/contract/common';
import type { OfflineTicketBatch, PriorityClass, Ticket, TicketRequest } from '../../platform/contract/queue';
import type { TicketReceipt } from '../api/queue';
import { describeWait, type TicketWait } from '../api/queue-wait';
import type { DomainError } from '../api/errors';
import { err, ok, type Result } from '../pure/result';
import type { ServiceDeps } from '../app/service-deps';
import { getMatter } from '../catalog/catalog-store';
import { enqueue } from '../outbox';
import { describePlatformError } from '../platform-client/http';
import { chinaDay, compactChinaDay } from '../time/china-time';
import { printOrScreen } from '../devices/print-result';
import { needsStaff, stationPresence } from '../station-hours/station-hours';
import { describeWhen } from '../station-hours/describe-when';
import { printedCodeUrl } from '../api/printed-codes';
import {
  offlineIssuedSince,
  readStatus,
  replaceRequest,
  requestFor,
  savePrint,
  saveTicket,
  setRequestOutcome,
  takeNextNumber,
  ticketFor,
  type CachedStatus,
  type StoredTicket,
} from './queue-store';
import { postWithSameKey, type SameKeyRetry } from './same-key-retry';
import { DEFAULT_PRIORITY_LABELS, ticketDocument } from './ticket-document';

export type TakeTicketError = DomainError<'dailyCapReached' | 'queueClosed' | 'unknownService' | 'noOfflineNumbers'>;

export interface TakeTicketInput {
  readonly confirmationId: string;
  readonly serviceCode: string;
  readonly priority: Exclude<PriorityClass, 'appointment'>;
  readonly matterCode: string | null;
}

export interface TakeTicketOptions {
  readonly retry: SameKeyRetry;
  /** Per attempt; shorter than the platform default because a resident stands waiting. */
  readonly attemptTimeoutMs: number;
}

/** Minutes per person when the last known status had nobody waiting and so no rate to go by. */
const FALLBACK_MINUTES_PER_PERSON = 5;

/**
 * 取号. Online first: one POST whose Idempotency-Key comes from the confirmation id, retried with
 * the same key while the outcome is unclear. When the platform cannot be reached (or never gave
 * a clear answer), the next number of this kiosk's reserved range is taken, the ticket recorded
 * and its report queued in the outbox, all in one transaction.
 *
 * Ghost tickets: if an unclear attempt was in fact committed, the platform holds a ticket nobody
 * has (the resident got the offline one). We keep that to the minimum and do not reconcile: the
 * press is marked `offline` in queue_ticket_request (staff can count them), the ghost number is
 * called once and lapses as a no-show (过号), and no later retry of that key is ever made, so at
 * most one ghost per unlucky press. Every retry within the press uses the same key, so a dropped
 * answer never makes two online tickets.
 */
export async function takeTicket(
  deps: ServiceDeps,
  options: TakeTicketOptions,
  input: TakeTicketInput,
): Promise<Result<TicketReceipt, TakeTicketError>> {
  const log = deps.logger.child({ component: 'queue' });
  const earlier = ticketFor(deps.db, input.confirmationId);
  if (earlier) return ok(await hand(deps, input, earlier));

  const now = deps.now();
  // Nobody calls again today: a number taken now would never be called, online or offline.
  const calling = needsStaff(deps, 'ticket') ? stationPresence(deps, now) : null;
  if (calling?.state === 'offDuty') {
    return err({
      code: 'queueClosed',
      message: `no calling again today; next: ${describeWhen(calling.next?.startsAt ?? null, now, deps.info.station.timeZone)}`,
    });
  }
  const body: TicketRequest = {
    serviceCode: input.serviceCode,
    priority: input.priority,
    appointmentId: null,
    matter: input.matterCode === null ? null : matterRef(deps, input.matterCode),
    requestedAt: now.toISOString(),
  };
  const request = requestFor(deps.db, { ...input, idempotencyKey: `ticket-${input.confirmationId}`, body }, now);
  const platform = { ...deps.platform, timeoutMs: Math.min(deps.platform.timeoutMs, options.attemptTimeoutMs) };
  const post = (key: string, sent: string) =>
    postWithSameKey(
      platform,
      'issueTicket',
      {
        params: { stationId: deps.info.station.id },
        // The stored text of the body built above: sent again byte for byte, so the key's fingerprint matches.
        body: JSON.parse(sent) as TicketRequest,
        idempotencyKey: key,
      },
      options.retry,
    );

  let answer = await post(request.idempotencyKey, request.body);
  if (!answer.ok && answer.error.kind === 'http' && answer.error.code === 'unknownMatter') {
    // The matter is extra information; the ticket is for the service. Ask again without it, under
    // a key of its own (the same key with another body is refused as reused).
    const retried = { ...(JSON.parse(request.body) as TicketRequest), matter: null };
    const key = `${request.idempotencyKey}-nomatter`;
    replaceRequest(deps.db, input.confirmationId, key, retried);
    answer = await post(key, JSON.stringify(retried));
  }

  if (answer.ok) {
    const ticket = answer.value.body;
    // A double tap may have stored this press meanwhile; the platform replayed the same ticket.
    const stored = deps.db.transaction((): StoredTicket => {
      const meanwhile = ticketFor(deps.db, input.confirmationId);
      if (meanwhile) return meanwhile;
      saveTicket(deps.db, input.confirmationId, ticket, null);
      setRequestOutcome(deps.db, input.confirmationId, 'online');
      return { ticket, offline: false, outboxId: null, print: null };
    })();
    log.info({ ticketId: ticket.ticketId, ticketNo: ticket.ticketNo }, 'ticket issued by the platform');
    return ok(await hand(deps, input, stored));
  }

  const error = answer.error;
  if (error.kind === 'http' && (error.code === 'dailyCapReached' || error.code === 'queueClosed')) {
    setRequestOutcome(deps.db, input.confirmationId, 'refused');
    return err({ code: error.code, message: describePlatformError(error) });
  }
  if (error.kind === 'http' && (error.status === 404 || error.code === 'validationFailed')) {
    setRequestOutcome(deps.db, input.confirmationId, 'refused');
    return err({ code: 'unknownService', message: describePlatformError(error) });
  }

  // Unreachable, no clear answer after the retries, or an answer we cannot use: the reserved
  // range is this kiosk's own, so a number from it is valid whatever the platform is doing.
  log.warn({ serviceCode: input.serviceCode, reason: describePlatformError(error) }, 'issuing the ticket offline');
  const offline = issueOffline(deps, input, now);
  if (!offline.ok) return offline;
  void deps.outbox.kick();
  return ok(await hand(deps, input, offline.value));
}

function issueOffline(deps: ServiceDeps, input: TakeTicketInput, now: Date): Result<StoredTicket, TakeTicketError> {
  const today = chinaDay(now);
  const cached = readStatus(deps.db);
  return deps.db.transaction((): Result<StoredTicket, TakeTicketError> => {
    const meanwhile = ticketFor(deps.db, input.confirmationId);
    if (meanwhile) return ok(meanwhile);
    const taken = takeNextNumber(deps.db, input.serviceCode, today);
    if (!taken) {
      const known = cached?.status.services.some((service) => service.serviceCode === input.serviceCode) ?? true;
      return known
        ? err({ code: 'noOfflineNumbers', message: `no reserved numbers left for ${input.serviceCode} on ${today}` })
        : err({ code: 'unknownService', message: `${input.serviceCode} is not a service of this station` });
    }
    const ticketNo = `${taken.range.prefix}${String(taken.number).padStart(3, '0')}`;
    const ahead = estimateAhead(deps, cached, input.serviceCode, today);
    const known = cached?.status.services.find((service) => service.serviceCode === input.serviceCode);
    const ticket: Ticket = {
      ticketId: `offline-${compactChinaDay(now)}-${ticketNo}-${randomBytes(4).toString('hex')}`,
      ticketNo,
      prefix: taken.range.prefix,
      number: taken.number,
      serviceCode: input.serviceCode,
      serviceName: known?.name ?? input.serviceCode,
      stationId: deps.info.station.id,
      date: today,
      priority: known?.priorities.find((priority) => priority.class === input.priority) ?? {
        class: input.priority,
        weight: input.priority === 'normal' ? 0 : 50,
        label: DEFAULT_PRIORITY_LABELS[input.priority],
      },
      waitingAhead: ahead.waiting,
      estimatedWaitMinutes: ahead.minutes,
      issuedAt: now.toISOString(),
      issuedBy: deps.info.terminal.id,
      source: 'offlineRange',
    };
    const batch: OfflineTicketBatch = {
      rangeId: taken.range.rangeId,
      tickets: [
        { number: taken.number, ticketNo, priority: input.priority, appointmentId: null, issuedAt: ticket.issuedAt },
      ],
    };
    const queued = enqueue(
      deps.db,
      deps.sealer,
      {
        kind: 'offlineTicket',
        operation: 'reportOfflineTickets',
        params: { terminalId: deps.info.terminal.id },
        body: batch,
      },
      now,
    );
    saveTicket(deps.db, input.confirmationId, ticket, { rangeId: taken.range.rangeId, outboxId: queued.id });
    setRequestOutcome(deps.db, input.confirmationId, 'offline');
    return ok({ ticket, offline: true, outboxId: queued.id, print: null });
  })();
}

/**
 * People ahead of an offline ticket: those the platform last reported waiting (that day only) plus
 * the tickets this kiosk issued offline since. The wait scales with the last known rate.
 */
function estimateAhead(
  deps: ServiceDeps,
  cached: CachedStatus | null,
  serviceCode: string,
  today: string,
): { waiting: number; minutes: number } {
  const service =
    cached?.status.date === today
      ? cached.status.services.find((candidate) => candidate.serviceCode === serviceCode)
      : undefined;
  const since = service && cached ? new Date(cached.status.updatedAt).toISOString() : '';
  const waiting = (service?.waiting ?? 0) + offlineIssuedSince(deps.db, serviceCode, today, since);
  const perPerson =
    service && service.waiting > 0 ? service.estimatedWaitMinutes / service.waiting : FALLBACK_MINUTES_PER_PERSON;
  return { waiting, minutes: Math.round(waiting * perPerson) };
}

/**
 * The wait the ticket shows and prints, from the station's calling hours when it was issued; the
 * platform's minutes as they are where the station leaves ticket hours to it.
 */
export function ticketWait(deps: ServiceDeps, ticket: Ticket): TicketWait {
  const calling = needsStaff(deps, 'ticket') ? stationPresence(deps, new Date(ticket.issuedAt)) : null;
  return (
    describeWait(ticket.estimatedWaitMinutes, ticket.issuedAt, calling) ?? {
      kind: 'beyondToday',
      dayEndsAt: ticket.issuedAt,
    }
  );
}

/** Prints (once), records the service for rating, and answers the receipt. */
async function hand(deps: ServiceDeps, input: TakeTicketInput, stored: StoredTicket): Promise<TicketReceipt> {
  let print = stored.print;
  const wait = ticketWait(deps, stored.ticket);
  if (print === null) {
    const document = ticketDocument(stored.ticket, {
      stationName: deps.info.station.name,
      offline: stored.offline,
      wait,
      timeZone: deps.info.station.timeZone,
      code: ticketCodeOf(deps, stored.ticket),
    });
    print = await printOrScreen(deps.devices, document);
    savePrint(deps.db, input.confirmationId, print);
  }
  const ref = ratingRef(stored.ticket);
  if (!deps.session.findCompleted('ticket', ref)) {
    deps.session.recordCompleted({
      kind: 'ticket',
      ref,
      title: `取号 ${stored.ticket.ticketNo}`,
      matterCode: input.matterCode,
    });
  }
  return { ticket: stored.ticket, offline: stored.offline, wait, print };
}

/** The code printed on a ticket, when the station has a progress page and the id fits the scheme. */
function ticketCodeOf(deps: ServiceDeps, ticket: Ticket): string | null {
  const page = deps.info.station.progressPageUrl;
  if (!page || ratingRef(ticket) !== ticket.ticketId) return null;
  return printedCodeUrl(page, { kind: 'ticket', ticketId: ticket.ticketId });
}

/** Completed-service refs are letters, digits and hyphens; a platform id outside that is rebuilt. */
export function ratingRef(ticket: Ticket): string {
  return /^[0-9A-Za-z-]{6,64}$/.test(ticket.ticketId) ? ticket.ticketId : `ticket-${ticket.date}-${ticket.ticketNo}`;
}

function matterRef(deps: ServiceDeps, matterCode: string): MatterRef | null {
  const matter = getMatter(deps.db, matterCode);
  return matter ? { matterCode: matter.code, matterVersion: matter.version, matterName: matter.name } : null;
}

import { assign, fromPromise, setup } from 'xstate';
import type { KioskContract } from '../../../../core/api/contract';
import type { QueueOverview, QueueServiceView, TicketReceipt } from '../../../../core/api/queue';
import type { Response } from '../../../../core/api/types';
import type { ApiPart } from '../../api/api-part';

/** The calls the journey makes, and nothing else. */
export const ticketMethods = ['queue.overview', 'queue.takeTicket'] as const;
export type TicketApi = ApiPart<(typeof ticketMethods)[number]>;

/** How often the services screen asks for fresh waiting counts. */
export const OVERVIEW_REFRESH_MS = 10_000;

/** How long the issued ticket stays up before the kiosk goes home by itself. */
export const TICKET_SHOWN_MS = 45_000;
/** Longer when the ticket is only on screen: the resident has to write it down or photograph it. */
export const TICKET_ON_SCREEN_MS = 75_000;

export type TicketPriority = 'normal' | 'elderly' | 'disabled';

/** The errors queue.takeTicket declares; anything else (transport, internal) reads as "failed". */
export type TakeProblem = 'dailyCapReached' | 'queueClosed' | 'unknownService' | 'noOfflineNumbers' | 'failed';

const DECLARED: readonly string[] = ['dailyCapReached', 'queueClosed', 'unknownService', 'noOfflineNumbers'];

export function takeProblemOf(code: string): TakeProblem {
  return DECLARED.includes(code) ? (code as TakeProblem) : 'failed';
}

/**
 * Why a tile cannot be chosen, shown on the tile itself; null when it can. When the windows do not
 * call again today that is the reason, before any count: a number taken now would never be called.
 */
export function serviceBlock(
  service: QueueServiceView,
  source: QueueOverview['source'],
  calling: QueueOverview['calling'] = null,
): 'notCalling' | 'closed' | 'capReached' | 'offlineNone' | null {
  if (calling?.state === 'offDuty') return 'notCalling';
  if (service.issuedToday >= service.dailyCap) return 'capReached';
  if (!service.open) return 'closed';
  if (source === 'offline' && service.offlineNumbersLeft === 0) return 'offlineNone';
  return null;
}

interface TicketContext {
  readonly api: TicketApi;
  readonly overview: QueueOverview | null;
  readonly service: QueueServiceView | null;
  readonly confirmationId: string | null;
  readonly receipt: TicketReceipt | null;
  readonly problem: TakeProblem | null;
}

export type TicketEvent =
  | { type: 'CHOOSE_SERVICE'; serviceCode: string }
  | { type: 'TAKE'; priority: TicketPriority }
  | { type: 'BACK' }
  | { type: 'RETRY' }
  | { type: 'FINISH' };

type OverviewResponse = Response<KioskContract, 'queue.overview'>;
type TakeResponse = Response<KioskContract, 'queue.takeTicket'>;

/**
 * 取号: services → normal or priority → one call → the ticket, which goes home by itself after
 * a while. A new confirmationId is made on each press of 取号 (on entering `taking`), and
 * `taking` ignores further presses, so a double tap is one call and one ticket.
 */
export const ticketMachine = setup({
  types: {
    context: {} as TicketContext,
    events: {} as TicketEvent,
    input: {} as { api: TicketApi },
  },
  actors: {
    loadOverview: fromPromise<OverviewResponse, { api: TicketApi }>(({ input }) => input.api['queue.overview']({})),
    takeTicket: fromPromise<
      TakeResponse,
      { api: TicketApi; confirmationId: string; serviceCode: string; priority: TicketPriority }
    >(({ input }) =>
      input.api['queue.takeTicket']({
        confirmationId: input.confirmationId,
        serviceCode: input.serviceCode,
        priority: input.priority,
        matterCode: null,
      }),
    ),
  },
  delays: {
    /** Waiting counts change as the clerks call; the platform going away shows as the offline banner. */
    overviewRefresh: OVERVIEW_REFRESH_MS,
    ticketShown: ({ context }) => (context.receipt?.print.output === 'screen' ? TICKET_ON_SCREEN_MS : TICKET_SHOWN_MS),
  },
  guards: {
    serviceAvailable: ({ context, event }) => {
      if (event.type !== 'CHOOSE_SERVICE' || !context.overview) return false;
      const service = context.overview.services.find((s) => s.serviceCode === event.serviceCode);
      return service !== undefined && serviceBlock(service, context.overview.source, context.overview.calling) === null;
    },
  },
}).createMachine({
  id: 'ticket',
  context: ({ input }) => ({
    api: input.api,
    overview: null,
    service: null,
    confirmationId: null,
    receipt: null,
    problem: null,
  }),
  initial: 'loading',
  states: {
    loading: {
      invoke: {
        src: 'loadOverview',
        input: ({ context }) => ({ api: context.api }),
        onDone: [
          {
            guard: ({ event }) => event.output.ok,
            target: 'choosingService',
            actions: assign({ overview: ({ event }) => (event.output.ok ? event.output.value : null) }),
          },
          { target: 'loadFailed' },
        ],
        onError: 'loadFailed',
      },
    },
    loadFailed: { on: { RETRY: 'loading' } },
    choosingService: {
      initial: 'showing',
      states: {
        showing: { after: { overviewRefresh: 'refreshing' } },
        refreshing: {
          invoke: {
            src: 'loadOverview',
            input: ({ context }) => ({ api: context.api }),
            // A failed refresh keeps what is on screen; the next one tries again.
            onDone: {
              target: 'showing',
              actions: assign({
                overview: ({ context, event }) => (event.output.ok ? event.output.value : context.overview),
              }),
            },
            onError: 'showing',
          },
        },
      },
      on: {
        CHOOSE_SERVICE: {
          guard: 'serviceAvailable',
          target: 'choosingPriority',
          actions: assign({
            service: ({ context, event }) =>
              context.overview?.services.find((s) => s.serviceCode === event.serviceCode) ?? null,
          }),
        },
      },
    },
    choosingPriority: {
      on: {
        BACK: { target: 'choosingService', actions: assign({ service: null }) },
        TAKE: { target: 'taking' },
      },
    },
    taking: {
      entry: assign({ confirmationId: () => crypto.randomUUID(), problem: null }),
      invoke: {
        src: 'takeTicket',
        input: ({ context, event }) => ({
          api: context.api,
          confirmationId: context.confirmationId ?? crypto.randomUUID(),
          serviceCode: context.service?.serviceCode ?? '',
          priority: event.type === 'TAKE' ? event.priority : 'normal',
        }),
        onDone: [
          {
            guard: ({ event }) => event.output.ok,
            target: 'issued',
            actions: assign({ receipt: ({ event }) => (event.output.ok ? event.output.value : null) }),
          },
          {
            target: 'failed',
            actions: assign({
              problem: ({ event }) => (event.output.ok ? null : takeProblemOf(event.output.error.code)),
            }),
          },
        ],
        onError: { target: 'failed', actions: assign({ problem: 'failed' }) },
      },
    },
    failed: {
      on: {
        RETRY: 'choosingPriority',
        // Back to the tiles with fresh counts: a closed or full service now shows as such.
        BACK: { target: 'loading', actions: assign({ service: null }) },
      },
    },
    issued: {
      after: { ticketShown: 'done' },
      on: { FINISH: 'done' },
    },
    done: { type: 'final' },
  },
});

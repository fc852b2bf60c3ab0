import { assign, fromPromise, setup } from 'xstate';
import type { ServiceMap } from '../../../../core/api/care';
import type { ApiPart } from '../../api/api-part';

/** The one call the journey makes. */
export const serviceMapMethods = ['serviceMap.points'] as const;
export type ServiceMapApi = ApiPart<(typeof serviceMapMethods)[number]>;

export interface ServiceMapContext {
  readonly map: ServiceMap | null;
  readonly selectedId: string | null;
  readonly failure: 'notAvailable' | 'failed' | null;
}

export type ServiceMapEvent =
  | { type: 'SELECT'; id: string }
  | { type: 'CLOSE_DETAILS' }
  | { type: 'ACTIVITY' }
  | { type: 'RETRY' }
  | { type: 'EXIT' };

export const SERVICE_MAP_TIMEOUTS = {
  /** Details nobody looks at fold back to the whole map, so the next glance shows everything. */
  untouchedDetails: 90_000,
  /** A map nobody touches leaves the journey. */
  untouchedMap: 180_000,
} as const;

/** The offline map: load the points (platform or the kiosk's copy), browse, one point's details. */
export function createServiceMapMachine(api: ServiceMapApi) {
  return setup({
    types: { context: {} as ServiceMapContext, events: {} as ServiceMapEvent },
    delays: SERVICE_MAP_TIMEOUTS,
    actors: { load: fromPromise(() => api['serviceMap.points']({})) },
    guards: {
      known: ({ context, event }) =>
        event.type === 'SELECT' && (context.map?.servicePoints.some((point) => point.id === event.id) ?? false),
    },
    actions: {
      select: assign(({ event }) => (event.type === 'SELECT' ? { selectedId: event.id } : {})),
    },
  }).createMachine({
    id: 'serviceMap',
    context: { map: null, selectedId: null, failure: null },
    initial: 'loading',
    on: { EXIT: '.exited' },
    states: {
      loading: {
        invoke: {
          src: 'load',
          onDone: [
            {
              guard: ({ event }) => event.output.ok,
              target: 'browsing',
              actions: assign(({ event }) => ({ map: event.output.ok ? event.output.value : null, failure: null })),
            },
            {
              target: 'unavailable',
              actions: assign(({ event }) => ({
                failure:
                  !event.output.ok && event.output.error.code === 'notAvailable'
                    ? ('notAvailable' as const)
                    : ('failed' as const),
              })),
            },
          ],
          onError: { target: 'unavailable', actions: assign({ failure: 'failed' }) },
        },
      },
      browsing: {
        initial: 'overview',
        states: {
          overview: {
            entry: assign({ selectedId: null }),
            after: { untouchedMap: '#serviceMap.exited' },
            on: {
              SELECT: { guard: 'known', target: 'details', actions: 'select' },
              ACTIVITY: { target: 'overview', reenter: true },
            },
          },
          details: {
            after: { untouchedDetails: 'overview' },
            on: {
              SELECT: { guard: 'known', target: 'details', reenter: true, actions: 'select' },
              CLOSE_DETAILS: 'overview',
              ACTIVITY: { target: 'details', reenter: true },
            },
          },
        },
      },
      unavailable: {
        after: { untouchedMap: 'exited' },
        on: { RETRY: 'loading' },
      },
      exited: { type: 'final' },
    },
  });
}

import { assign, fromPromise, setup } from 'xstate';
import type { CaseLookup, MyCases } from '../../../../core/api/care';
import type { ApiPart } from '../../api/api-part';

/** The calls the journey makes, and nothing else. */
export const progressMethods = ['progress.mine', 'progress.lookup'] as const;
export type ProgressApi = ApiPart<(typeof progressMethods)[number]>;

/**
 * How long a looked-up case may take before the screen says it is still looking; the client's
 * own timeout ends the call.
 */
export const LOOKUP_SLOW_MS = 8_000;

export type ProgressProblem = 'notFound' | 'unavailable' | 'failed';

type Outcome<T> = { ok: true; value: T } | { ok: false; error: { code: string } };

interface ProgressContext {
  readonly api: ProgressApi;
  readonly mine: MyCases | null;
  readonly reference: string;
  readonly lookup: CaseLookup | null;
  readonly problem: ProgressProblem | null;
  /** Where 返回 from a case goes: the resident's list, or the number entry. */
  readonly origin: 'mine' | 'number';
}

export type ProgressEvent =
  | { type: 'BY_CARD' }
  | { type: 'BY_NUMBER' }
  | { type: 'SIGNED_IN' }
  | { type: 'SIGN_IN_CANCELLED' }
  | { type: 'LOOKUP'; reference: string }
  | { type: 'BACK' }
  | { type: 'ANOTHER' }
  | { type: 'FINISH' };

function problemOf(code: string): ProgressProblem {
  if (code === 'caseNotFound') return 'notFound';
  if (code === 'platformUnavailable' || code === 'transport') return 'unavailable';
  return 'failed';
}

/**
 * 办件进度: by ID card (sign in → the resident's cases, and what is saved here unsent) or by the
 * receipt's number (typed, or scanned into the field) → one case with its steps.
 */
export const progressMachine = setup({
  types: {
    context: {} as ProgressContext,
    events: {} as ProgressEvent,
    input: {} as {
      api: ProgressApi;
      /** A receipt the resident scanned: looked up at once, as if typed. */
      scannedReference?: string | null;
    },
  },
  actors: {
    loadMine: fromPromise<Outcome<MyCases>, { api: ProgressApi }>(({ input }) => input.api['progress.mine']({})),
    lookUp: fromPromise<Outcome<CaseLookup>, { api: ProgressApi; reference: string }>(({ input }) =>
      input.api['progress.lookup']({ reference: input.reference }),
    ),
  },
  delays: { lookupSlow: LOOKUP_SLOW_MS },
  guards: {
    fromMine: ({ context }) => context.origin === 'mine',
    listShown: ({ context }) => context.origin === 'mine' && context.mine !== null,
  },
}).createMachine({
  id: 'progress',
  context: ({ input }) => ({
    api: input.api,
    mine: null,
    reference: input.scannedReference ?? '',
    lookup: null,
    problem: null,
    origin: 'number',
  }),
  initial: 'start',
  states: {
    start: {
      always: [{ guard: ({ context }) => context.reference !== '', target: 'looking' }, { target: 'choosing' }],
    },
    choosing: {
      entry: assign({ problem: null, lookup: null }),
      on: {
        BY_CARD: { target: 'signingIn', actions: assign({ origin: 'mine' }) },
        BY_NUMBER: { target: 'entering', actions: assign({ origin: 'number' }) },
      },
    },
    signingIn: {
      on: { SIGNED_IN: 'loadingMine', SIGN_IN_CANCELLED: 'choosing' },
    },
    loadingMine: {
      invoke: {
        src: 'loadMine',
        input: ({ context }) => ({ api: context.api }),
        onDone: [
          {
            guard: ({ event }) => event.output.ok,
            target: 'mine',
            actions: assign({ mine: ({ event }) => (event.output.ok ? event.output.value : null) }),
          },
          // Nobody signed in, or only by a typed number: the card is what opens the records.
          {
            guard: ({ event }) =>
              !event.output.ok &&
              (event.output.error.code === 'notSignedIn' || event.output.error.code === 'cardRequired'),
            target: 'signingIn',
          },
          {
            target: 'problem',
            actions: assign({ problem: ({ event }) => (event.output.ok ? null : problemOf(event.output.error.code)) }),
          },
        ],
        onError: { target: 'problem', actions: assign({ problem: 'failed' }) },
      },
    },
    mine: {
      on: {
        LOOKUP: { target: 'looking', actions: assign({ reference: ({ event }) => event.reference }) },
        BACK: 'choosing',
      },
    },
    entering: {
      on: {
        LOOKUP: { target: 'looking', actions: assign({ reference: ({ event }) => event.reference }) },
        BACK: 'choosing',
      },
    },
    looking: {
      initial: 'waiting',
      states: { waiting: { after: { lookupSlow: 'slow' } }, slow: {} },
      invoke: {
        src: 'lookUp',
        input: ({ context }) => ({ api: context.api, reference: context.reference }),
        onDone: [
          {
            guard: ({ event }) => event.output.ok,
            target: 'detail',
            actions: assign({ lookup: ({ event }) => (event.output.ok ? event.output.value : null) }),
          },
          {
            target: 'problem',
            actions: assign({ problem: ({ event }) => (event.output.ok ? null : problemOf(event.output.error.code)) }),
          },
        ],
        onError: { target: 'problem', actions: assign({ problem: 'failed' }) },
      },
    },
    detail: {
      on: {
        BACK: [{ guard: 'fromMine', target: 'mine' }, { target: 'entering' }],
        ANOTHER: 'choosing',
        FINISH: 'done',
      },
    },
    problem: {
      on: {
        BACK: [
          { guard: 'listShown', target: 'mine' },
          { guard: 'fromMine', target: 'choosing' },
          { target: 'entering' },
        ],
        ANOTHER: 'choosing',
      },
    },
    done: { type: 'final' },
  },
});

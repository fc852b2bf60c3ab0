import { assign, fromPromise, setup } from 'xstate';
import type { RatingResult } from '../../../../core/api/care';
import type { KioskContract } from '../../../../core/api/contract';
import type { ApiError } from '../../../../core/api/errors';
import type { CompletedService } from '../../../../core/api/resident';
import type { InputOf } from '../../../../core/api/types';
import { BAD_RATING_MAX_LEVEL, type RatingLevel, type RatingOptionSet } from '../../../../platform/contract/ratings';
import type { ApiPart } from '../../api/api-part';

/** The calls the journey makes, and nothing else. */
export const ratingMethods = ['session.completedServices', 'rating.options', 'rating.submit'] as const;
export type RatingApi = ApiPart<(typeof ratingMethods)[number]>;

/** One rating as the machine sends it: the contract's input of rating.submit. */
export type RatingSubmitInput = InputOf<KioskContract, 'rating.submit'>;

/** What the resident has put together for one service so far. Nothing is chosen for them. */
export interface RatingDraft {
  readonly service: CompletedService;
  readonly level: RatingLevel | null;
  readonly optionCodes: readonly string[];
  readonly comment: string;
  readonly callbackPhone: string;
}

/** Why the journey cannot go on, in the words the screen picks for each. */
export type RatingProblem =
  'optionsNotAvailable' | 'alreadyRated' | 'unknownService' | 'sendFailed' | 'servicesNotAvailable';

export interface RatingContext {
  readonly services: readonly CompletedService[];
  readonly options: (RatingOptionSet & { source: 'platform' | 'cache' }) | null;
  readonly draft: RatingDraft | null;
  /** Made when the resident pressed 提交; one press, one id (core keeps one rating per id). */
  readonly confirmationId: string | null;
  readonly result: RatingResult | null;
  readonly problem: RatingProblem | null;
}

export type RatingEvent =
  | { type: 'CHOOSE_SERVICE'; ref: string }
  /** A level from the screen or from the 好差评 keypad: the same thing, and it can be changed. */
  | { type: 'LEVEL'; level: RatingLevel }
  | { type: 'TOGGLE_OPTION'; code: string }
  | { type: 'SET_COMMENT'; comment: string }
  | { type: 'SET_PHONE'; phone: string }
  | { type: 'SUBMIT' }
  /** A touch on the screen that changed nothing: the resident is still there. */
  | { type: 'ACTIVITY' }
  | { type: 'RATE_ANOTHER' }
  | { type: 'EXIT' };

export const RATING_TIMEOUTS = {
  /** A rating screen nobody touches goes back without sending anything. */
  untouchedRating: 60_000,
  /** "本次没有可评价的服务" is read, then the journey goes back by itself. */
  nothingToRateShown: 15_000,
  /** The thanks (and a work order number) stay long enough to be copied down. */
  thanksShown: 45_000,
  /** A problem message stays, then the journey goes back. */
  problemShown: 45_000,
} as const;

export const isBadLevel = (level: RatingLevel | null): boolean => level !== null && level <= BAD_RATING_MAX_LEVEL;

const unrated = (services: readonly CompletedService[]) => services.filter((service) => !service.rated);

const freshDraft = (service: CompletedService): RatingDraft => ({
  service,
  level: null,
  optionCodes: [],
  comment: '',
  callbackPhone: '',
});

/** The input for rating.submit, or null while the draft cannot be sent (no level yet). */
export function submitInput(context: RatingContext, confirmationId: string): RatingSubmitInput | null {
  const { draft, options } = context;
  if (!draft || draft.level === null || !options) return null;
  const comment = draft.comment.trim();
  const phone = draft.callbackPhone.trim();
  return {
    confirmationId,
    service: { kind: draft.service.kind, ref: draft.service.ref },
    level: draft.level,
    optionsVersion: options.version,
    optionCodes: [...draft.optionCodes],
    ...(comment ? { comment } : {}),
    ...(phone && isBadLevel(draft.level) ? { callbackPhone: phone } : {}),
  };
}

function problemFromSubmit(error: ApiError): RatingProblem {
  if (error.code === 'alreadyRated') return 'alreadyRated';
  if (error.code === 'unknownService') return 'unknownService';
  return 'sendFailed';
}

/**
 * 好差评 for the services of this visit (一次一评): pick a service (straight to it when there is
 * one), pick a level (screen or keypad; never preselected), the options of that level, a comment,
 * for 差评 a callback phone, then send once. Every step has a named timeout; an untouched rating
 * screen leaves without sending.
 */
export function createRatingMachine(
  api: RatingApi,
  makeConfirmationId: () => string = () => crypto.randomUUID(),
  /** The service of a ticket the resident scanned: rated first, without choosing. */
  scannedServiceRef: string | null = null,
) {
  return setup({
    types: { context: {} as RatingContext, events: {} as RatingEvent },
    delays: RATING_TIMEOUTS,
    actors: {
      load: fromPromise(async () => {
        const services = await api['session.completedServices']({});
        if (!services.ok) return { kind: 'servicesFailed' as const };
        if (unrated(services.value).length === 0) return { kind: 'nothing' as const };
        const options = await api['rating.options']({});
        if (!options.ok) return { kind: 'optionsFailed' as const };
        return { kind: 'loaded' as const, services: services.value, options: options.value };
      }),
      send: fromPromise(({ input }: { input: RatingSubmitInput }) => api['rating.submit'](input)),
    },
    guards: {
      levelChosen: ({ context }) => context.draft !== null && context.draft.level !== null,
      canResend: ({ context }) =>
        context.problem === 'sendFailed' && context.draft !== null && context.draft.level !== null,
      oneToRate: ({ context }) => unrated(context.services).length === 1,
      scannedToRate: ({ context }) =>
        scannedServiceRef !== null && unrated(context.services).some((service) => service.ref === scannedServiceRef),
      moreToRate: ({ context }) => unrated(context.services).length > 0,
      phoneAllowed: ({ context }) => isBadLevel(context.draft?.level ?? null),
    },
    actions: {
      draftOnlyService: assign(({ context }) => {
        const [only] = unrated(context.services);
        return { draft: only ? freshDraft(only) : null };
      }),
      draftScanned: assign(({ context }) => {
        const scanned = unrated(context.services).find((service) => service.ref === scannedServiceRef);
        return { draft: scanned ? freshDraft(scanned) : null };
      }),
      draftChosen: assign(({ context, event }) => {
        if (event.type !== 'CHOOSE_SERVICE') return {};
        const service = unrated(context.services).find((candidate) => candidate.ref === event.ref);
        return { draft: service ? freshDraft(service) : null };
      }),
      // The options belong to one level: a new level starts its options afresh, and a level
      // above 差评 has no callback phone.
      setLevel: assign(({ context, event }) => {
        if (event.type !== 'LEVEL' || !context.draft) return {};
        if (context.draft.level === event.level) return {};
        return {
          draft: {
            ...context.draft,
            level: event.level,
            optionCodes: [],
            callbackPhone: isBadLevel(event.level) ? context.draft.callbackPhone : '',
          },
        };
      }),
      toggleOption: assign(({ context, event }) => {
        if (event.type !== 'TOGGLE_OPTION' || !context.draft) return {};
        const codes = context.draft.optionCodes;
        const next = codes.includes(event.code) ? codes.filter((code) => code !== event.code) : [...codes, event.code];
        return { draft: { ...context.draft, optionCodes: next.slice(0, 10) } };
      }),
      setComment: assign(({ context, event }) =>
        event.type === 'SET_COMMENT' && context.draft
          ? { draft: { ...context.draft, comment: event.comment.slice(0, 300) } }
          : {},
      ),
      setPhone: assign(({ context, event }) =>
        event.type === 'SET_PHONE' && context.draft
          ? { draft: { ...context.draft, callbackPhone: event.phone.slice(0, 13) } }
          : {},
      ),
      makeConfirmationId: assign(() => ({ confirmationId: makeConfirmationId() })),
      markRated: assign(({ context }) => ({
        services: context.services.map((service) =>
          service.ref === context.draft?.service.ref ? { ...service, rated: true } : service,
        ),
      })),
    },
  }).createMachine({
    id: 'rating',
    context: { services: [], options: null, draft: null, confirmationId: null, result: null, problem: null },
    initial: 'loading',
    on: { EXIT: '.exited' },
    states: {
      loading: {
        invoke: {
          src: 'load',
          onDone: [
            { guard: ({ event }) => event.output.kind === 'nothing', target: 'nothingToRate' },
            {
              guard: ({ event }) => event.output.kind === 'optionsFailed',
              target: 'problem',
              actions: assign({ problem: 'optionsNotAvailable' }),
            },
            {
              guard: ({ event }) => event.output.kind === 'servicesFailed',
              target: 'problem',
              actions: assign({ problem: 'servicesNotAvailable' }),
            },
            {
              target: 'routing',
              actions: assign(({ event }) =>
                event.output.kind === 'loaded'
                  ? { services: event.output.services, options: event.output.options }
                  : {},
              ),
            },
          ],
          onError: { target: 'problem', actions: assign({ problem: 'servicesNotAvailable' }) },
        },
      },
      routing: {
        always: [
          { guard: 'scannedToRate', target: 'rating', actions: 'draftScanned' },
          { guard: 'oneToRate', target: 'rating', actions: 'draftOnlyService' },
          { guard: 'moreToRate', target: 'choosing' },
          { target: 'nothingToRate' },
        ],
      },
      choosing: {
        entry: assign({ draft: null, result: null, problem: null, confirmationId: null }),
        after: { untouchedRating: 'exited' },
        on: {
          CHOOSE_SERVICE: { target: 'rating', actions: 'draftChosen' },
          ACTIVITY: { target: 'choosing', reenter: true },
        },
      },
      // Every change restarts the untouched timer (reenter); leaving by timeout sends nothing.
      rating: {
        after: { untouchedRating: 'exited' },
        on: {
          LEVEL: { target: 'rating', reenter: true, actions: 'setLevel' },
          TOGGLE_OPTION: { target: 'rating', reenter: true, actions: 'toggleOption' },
          SET_COMMENT: { target: 'rating', reenter: true, actions: 'setComment' },
          SET_PHONE: { guard: 'phoneAllowed', target: 'rating', reenter: true, actions: 'setPhone' },
          ACTIVITY: { target: 'rating', reenter: true },
          SUBMIT: { guard: 'levelChosen', target: 'submitting', actions: 'makeConfirmationId' },
        },
      },
      // Presses and keypad keys while sending are ignored: one press, one rating.
      submitting: {
        invoke: {
          src: 'send',
          input: ({ context }) => {
            const input = submitInput(context, context.confirmationId ?? makeConfirmationId());
            if (!input) throw new Error('submitting without a level');
            return input;
          },
          onDone: [
            {
              guard: ({ event }) => event.output.ok,
              target: 'thanks',
              actions: [assign(({ event }) => ({ result: event.output.ok ? event.output.value : null })), 'markRated'],
            },
            {
              guard: ({ event }) => !event.output.ok && event.output.error.code === 'alreadyRated',
              target: 'problem',
              actions: [assign({ problem: 'alreadyRated' }), 'markRated'],
            },
            {
              target: 'problem',
              actions: assign(({ event }) =>
                event.output.ok ? {} : { problem: problemFromSubmit(event.output.error) },
              ),
            },
          ],
          onError: { target: 'problem', actions: assign({ problem: 'sendFailed' }) },
        },
      },
      thanks: {
        after: { thanksShown: 'exited' },
        on: { RATE_ANOTHER: { guard: 'moreToRate', target: 'routing' } },
      },
      problem: {
        after: { problemShown: 'exited' },
        on: {
          // After a failed send the draft is still there: the resident may press 提交 again.
          SUBMIT: { guard: 'canResend', target: 'submitting', actions: 'makeConfirmationId' },
          RATE_ANOTHER: { guard: 'moreToRate', target: 'routing' },
        },
      },
      nothingToRate: {
        after: { nothingToRateShown: 'exited' },
      },
      exited: { type: 'final' },
    },
  });
}

export type RatingMachine = ReturnType<typeof createRatingMachine>;

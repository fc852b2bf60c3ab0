import { assign, fromPromise, setup } from 'xstate';
import type { KioskContract } from '../../../../core/api/contract';
import type { AgentRelation, ResidentSessionState, SignInRole } from '../../../../core/api/resident';
import type { Response } from '../../../../core/api/types';
import type { ApiPart } from '../../api/api-part';

/** What the screen says above the card prompt or the keypad after something went wrong. */
export type SignInNotice =
  | 'none'
  | 'timedOut'
  | 'readFailed'
  /** The read failed where only the card will do: place it again (no keypad offered). */
  | 'readFailedRetry'
  | 'noCard'
  | 'cardExpired'
  | 'readerUnavailable'
  | 'samePerson'
  | 'invalidIdNumber'
  /** Signed in by a typed number, but this journey opens the person's records: the card is needed. */
  | 'cardRequired'
  | 'failed';

/** A sign-in call's answer reduced to what the machine routes on. */
export type SignInOutcome =
  { readonly kind: 'ok'; readonly state: ResidentSessionState } | { readonly kind: 'error'; readonly code: string };

/** The calls sign-in makes, and nothing else. */
export const signInMethods = [
  'session.state',
  'session.signInWithCard',
  'session.signInWithIdNumber',
  'session.signOut',
] as const;
export type SignInApi = ApiPart<(typeof signInMethods)[number]>;

/** A sign-in answer as the machine routes on it: every failure an outcome, never a throw. */
function outcome(
  answer: Response<KioskContract, 'session.signInWithCard' | 'session.signInWithIdNumber'>,
): SignInOutcome {
  return answer.ok ? { kind: 'ok', state: answer.value } : { kind: 'error', code: answer.error.code };
}

export interface SignInInput {
  readonly api: SignInApi;
  readonly allowAgent: boolean;
  readonly readerAvailable: boolean;
  /**
   * The journey opens what is stored about the person (their cases, their appointments): only the
   * card will do, never a typed number (docs/privacy.md). No keypad is offered; when the card
   * cannot be read the screen says why and offers help instead.
   */
  readonly requireCard: boolean;
}

export interface TypedIdentity {
  readonly idNumber: string;
  readonly name: string;
}

interface SignInContext {
  readonly api: SignInApi;
  readonly allowAgent: boolean;
  readonly readerAvailable: boolean;
  readonly requireCard: boolean;
  /** Whose turn it is: the agent first when acting for someone else, then the applicant. */
  readonly role: SignInRole;
  readonly relation: AgentRelation | null;
  readonly notice: SignInNotice;
  /** What was typed last, so a refused number comes back on the keypad instead of vanishing. */
  readonly typed: TypedIdentity;
  readonly session: ResidentSessionState | null;
}

export type SignInEvent =
  | { type: 'SELF' }
  | { type: 'FOR_OTHER' }
  | { type: 'PICK_RELATION'; relation: AgentRelation }
  | { type: 'CARD_PRESENT' }
  | { type: 'CARD_READ' }
  | { type: 'CARD_REMOVED' }
  | { type: 'CARD_FAILED' }
  /** "我已放好身份证": core waits a few seconds for the card it may already have read. */
  | { type: 'CARD_PLACED' }
  | { type: 'TYPE_INSTEAD' }
  | { type: 'USE_CARD' }
  | { type: 'SUBMIT_TYPED'; idNumber: string; name: string }
  | { type: 'READER_CHANGED'; available: boolean }
  | { type: 'CONTINUE' }
  | { type: 'NOT_ME' }
  | { type: 'BACK' };

/** Named timeouts (ms). */
export const SIGN_IN_TIMEOUTS = {
  /** No card after this long: offer typing the number instead. */
  cardWait: 60_000,
  /** A card was seen but never read: treat it as a failed read. */
  cardRead: 20_000,
} as const;

const EMPTY_TYPED: TypedIdentity = { idNumber: '', name: '' };

/** Where a refused card sign-in goes, and what it says there. */
function cardNotice(code: string): SignInNotice {
  switch (code) {
    case 'noCard':
    case 'cardExpired':
    case 'readerUnavailable':
    case 'samePerson':
      return code;
    default:
      return 'failed';
  }
}

function typedNotice(code: string): SignInNotice {
  return code === 'invalidIdNumber' || code === 'samePerson' ? code : 'failed';
}

/**
 * Sign-in: card first (waitingForCard → reading → signingIn), the keypad when the reader is away,
 * a read failed, the wait ran out or the resident chose it — unless the journey requires the card
 * (`requireCard`): then never the keypad, and cardUnavailable while the reader cannot read; for
 * 为他人办理 the agent picks the
 * relation and signs in first, then the applicant. A sign-in call is only ever in flight once:
 * events that would send another are ignored while one runs.
 */
export const signInMachine = setup({
  types: {
    context: {} as SignInContext,
    events: {} as SignInEvent,
    input: {} as SignInInput,
    output: {} as ResidentSessionState,
  },
  delays: {
    cardWait: SIGN_IN_TIMEOUTS.cardWait,
    cardRead: SIGN_IN_TIMEOUTS.cardRead,
  },
  actors: {
    loadSession: fromPromise<ResidentSessionState | null, { api: SignInApi }>(async ({ input }) => {
      const answer = await input.api['session.state']({});
      return answer.ok ? answer.value : null;
    }),
    signInCard: fromPromise<SignInOutcome, { api: SignInApi; role: SignInRole; relation: AgentRelation | null }>(
      async ({ input }) =>
        outcome(
          await input.api['session.signInWithCard']({
            role: input.role,
            ...(input.role === 'agent' && input.relation !== null ? { relation: input.relation } : {}),
          }),
        ),
    ),
    signInTyped: fromPromise<
      SignInOutcome,
      { api: SignInApi; role: SignInRole; relation: AgentRelation | null; typed: TypedIdentity }
    >(async ({ input }) =>
      outcome(
        await input.api['session.signInWithIdNumber']({
          role: input.role,
          idNumber: input.typed.idNumber,
          name: input.typed.name.trim(),
          ...(input.role === 'agent' && input.relation !== null ? { relation: input.relation } : {}),
        }),
      ),
    ),
    signOut: fromPromise<void, { api: SignInApi }>(async ({ input }) => {
      await input.api['session.signOut']({});
    }),
  },
  guards: {
    allowAgent: ({ context }) => context.allowAgent,
    readerAvailable: ({ context }) => context.readerAvailable,
    requireCard: ({ context }) => context.requireCard,
    readerGone: ({ event }) => event.type === 'READER_CHANGED' && !event.available,
  },
  actions: {
    setReader: assign(({ event }) => (event.type === 'READER_CHANGED' ? { readerAvailable: event.available } : {})),
    clearNotice: assign({ notice: 'none' as SignInNotice }),
    restart: assign({
      role: 'applicant' as SignInRole,
      relation: null,
      notice: 'none' as SignInNotice,
      typed: EMPTY_TYPED,
      session: null,
    }),
  },
}).createMachine({
  id: 'signIn',
  context: ({ input }) => ({
    api: input.api,
    allowAgent: input.allowAgent,
    readerAvailable: input.readerAvailable,
    requireCard: input.requireCard,
    role: 'applicant',
    relation: null,
    notice: 'none',
    typed: EMPTY_TYPED,
    session: null,
  }),
  on: {
    READER_CHANGED: { actions: 'setReader' },
  },
  initial: 'checking',
  states: {
    // Someone may already have signed in earlier in this visit (another journey): greet them.
    checking: {
      invoke: {
        src: 'loadSession',
        input: ({ context }) => ({ api: context.api }),
        onDone: [
          {
            guard: ({ context, event }) =>
              event.output?.applicant != null && (!context.requireCard || event.output.applicant.verified),
            target: 'signedIn',
            actions: assign(({ event }) => ({ session: event.output })),
          },
          // Signed in earlier by a typed number: this journey needs the card; say so, ask for it.
          {
            guard: ({ event }) => event.output?.applicant != null,
            target: 'identify',
            actions: assign({ notice: 'cardRequired' as SignInNotice }),
          },
          { target: 'start' },
        ],
        onError: 'start',
      },
    },
    start: {
      always: [{ guard: 'allowAgent', target: 'chooseWho' }, { target: 'identify' }],
    },
    chooseWho: {
      on: {
        SELF: { target: 'identify', actions: assign({ role: 'applicant' as SignInRole, relation: null }) },
        FOR_OTHER: 'pickRelation',
      },
    },
    pickRelation: {
      on: {
        PICK_RELATION: {
          target: 'identify',
          actions: assign(({ event }) => ({ role: 'agent', relation: event.relation })),
        },
        BACK: 'chooseWho',
      },
    },
    identify: {
      always: [
        { guard: 'readerAvailable', target: 'waitingForCard' },
        { guard: 'requireCard', target: 'cardUnavailable' },
        { target: 'typing' },
      ],
    },
    waitingForCard: {
      after: {
        cardWait: [
          // Only the card will do: keep asking for it (the help button is on screen).
          { guard: 'requireCard', target: 'waitingForCard', reenter: true },
          { target: 'typing', actions: assign({ notice: 'timedOut' as SignInNotice }) },
        ],
      },
      on: {
        CARD_PRESENT: { target: 'reading', actions: 'clearNotice' },
        CARD_READ: { target: 'signingInWithCard', actions: 'clearNotice' },
        CARD_PLACED: { target: 'signingInWithCard', actions: 'clearNotice' },
        CARD_FAILED: [
          {
            guard: 'requireCard',
            target: 'waitingForCard',
            actions: assign({ notice: 'readFailedRetry' as SignInNotice }),
          },
          { target: 'typing', actions: assign({ notice: 'readFailed' as SignInNotice }) },
        ],
        TYPE_INSTEAD: { guard: ({ context }) => !context.requireCard, target: 'typing', actions: 'clearNotice' },
        READER_CHANGED: [
          {
            guard: ({ context, event }) => context.requireCard && event.type === 'READER_CHANGED' && !event.available,
            target: 'cardUnavailable',
            actions: 'setReader',
          },
          {
            guard: 'readerGone',
            target: 'typing',
            actions: ['setReader', assign({ notice: 'readerUnavailable' as SignInNotice })],
          },
        ],
      },
    },
    reading: {
      after: {
        cardRead: [
          {
            guard: 'requireCard',
            target: 'waitingForCard',
            actions: assign({ notice: 'readFailedRetry' as SignInNotice }),
          },
          { target: 'typing', actions: assign({ notice: 'readFailed' as SignInNotice }) },
        ],
      },
      on: {
        CARD_READ: 'signingInWithCard',
        CARD_REMOVED: 'waitingForCard',
        CARD_FAILED: [
          {
            guard: 'requireCard',
            target: 'waitingForCard',
            actions: assign({ notice: 'readFailedRetry' as SignInNotice }),
          },
          { target: 'typing', actions: assign({ notice: 'readFailed' as SignInNotice }) },
        ],
        TYPE_INSTEAD: { guard: ({ context }) => !context.requireCard, target: 'typing' },
      },
    },
    /** The journey needs the card and the reader cannot read now: say so, offer help; back when it can. */
    cardUnavailable: {
      on: {
        READER_CHANGED: {
          guard: ({ event }) => event.type === 'READER_CHANGED' && event.available,
          target: 'waitingForCard',
          actions: ['setReader', 'clearNotice'],
        },
      },
    },
    signingInWithCard: {
      invoke: {
        src: 'signInCard',
        input: ({ context }) => ({ api: context.api, role: context.role, relation: context.relation }),
        onDone: [
          {
            guard: ({ event }) => event.output.kind === 'ok',
            target: 'accepted',
            actions: assign(({ event }) => (event.output.kind === 'ok' ? { session: event.output.state } : {})),
          },
          {
            guard: ({ context, event }) =>
              context.requireCard && event.output.kind === 'error' && event.output.code === 'readerUnavailable',
            target: 'cardUnavailable',
          },
          {
            guard: ({ event }) => event.output.kind === 'error' && event.output.code === 'readerUnavailable',
            target: 'typing',
            actions: assign({ notice: 'readerUnavailable' as SignInNotice }),
          },
          {
            target: 'waitingForCard',
            actions: assign(({ event }) => ({
              notice: event.output.kind === 'error' ? cardNotice(event.output.code) : 'failed',
            })),
          },
        ],
        onError: { target: 'waitingForCard', actions: assign({ notice: 'failed' as SignInNotice }) },
      },
    },
    typing: {
      on: {
        SUBMIT_TYPED: {
          target: 'signingInWithIdNumber',
          actions: assign(({ event }) => ({ typed: { idNumber: event.idNumber, name: event.name }, notice: 'none' })),
        },
        USE_CARD: { guard: 'readerAvailable', target: 'waitingForCard', actions: 'clearNotice' },
      },
    },
    signingInWithIdNumber: {
      invoke: {
        src: 'signInTyped',
        input: ({ context }) => ({
          api: context.api,
          role: context.role,
          relation: context.relation,
          typed: context.typed,
        }),
        onDone: [
          {
            guard: ({ event }) => event.output.kind === 'ok',
            target: 'accepted',
            actions: assign(({ event }) =>
              event.output.kind === 'ok' ? { session: event.output.state, typed: EMPTY_TYPED } : {},
            ),
          },
          {
            target: 'typing',
            actions: assign(({ event }) => ({
              notice: event.output.kind === 'error' ? typedNotice(event.output.code) : 'failed',
            })),
          },
        ],
        onError: { target: 'typing', actions: assign({ notice: 'failed' as SignInNotice }) },
      },
    },
    // The agent is in: now the applicant's turn, by card or typed like the agent.
    accepted: {
      always: [
        {
          guard: ({ context }) => context.role === 'agent',
          target: 'identify',
          actions: assign({ role: 'applicant' as SignInRole, notice: 'none' as SignInNotice, typed: EMPTY_TYPED }),
        },
        { target: 'signedIn' },
      ],
    },
    signedIn: {
      on: {
        CONTINUE: 'done',
        NOT_ME: 'signingOut',
      },
    },
    signingOut: {
      invoke: {
        src: 'signOut',
        input: ({ context }) => ({ api: context.api }),
        onDone: { target: 'start', actions: 'restart' },
        onError: { target: 'start', actions: 'restart' },
      },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => context.session ?? { applicant: null, agent: null },
});

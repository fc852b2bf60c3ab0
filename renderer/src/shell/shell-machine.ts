import { assign, setup } from 'xstate';
import type { Locale } from '../../../core/api/contract';
import type { Handling, ServiceKind } from '../../../platform/contract/catalog';
import type { Journey } from './journeys';

/** What the list shows: everything, one service kind, or one theme. */
export type MatterGroup =
  | { readonly type: 'all' }
  | { readonly type: 'serviceKind'; readonly serviceKind: ServiceKind }
  | { readonly type: 'theme'; readonly themeId: string };

export interface ShellInput {
  readonly defaultLocale: Locale;
  /** kiosk.info ui.attractAfterIdleSeconds: how long without a touch before the kiosk resets. */
  readonly idleSeconds: number;
}

/** Everything a visitor chose. All of it is thrown away when the kiosk goes back to attract. */
interface Visit {
  readonly locale: Locale;
  /** The group opened from home; null while on home (whose own list shows everything). */
  readonly group: MatterGroup | null;
  readonly handling: Handling | null;
  readonly matterCode: string | null;
  /** The journey open over home (apply, ticket …); null on the catalog screens. */
  readonly journey: Journey | null;
}

export interface ShellContext extends Visit {
  readonly defaultLocale: Locale;
  readonly idleSeconds: number;
}

export type ShellEvent =
  | { type: 'START' }
  | { type: 'SET_LOCALE'; locale: Locale }
  | { type: 'CHOOSE_GROUP'; group: MatterGroup }
  | { type: 'SET_HANDLING'; handling: Handling | null }
  | { type: 'OPEN_MATTER'; code: string }
  /** Opens a journey (from home, a guide, the help button …); it replaces whatever journey was open. */
  | { type: 'OPEN_JOURNEY'; journey: Journey }
  /** The journey is over or the resident left it: back to where it was opened from. */
  | { type: 'CLOSE_JOURNEY' }
  | { type: 'BACK' }
  | { type: 'HOME' }
  /** Any touch, click or key press anywhere: the visitor is still here. */
  | { type: 'ACTIVITY' }
  /** The hidden gesture (five taps in the top-left corner): the technician's PIN pad. */
  | { type: 'TECHNICIAN' }
  /** The PIN was right: technician mode is active (core ended the resident session). */
  | { type: 'TECHNICIAN_ENTERED' }
  /** The technician left, or the session ended: back to the attract screen. */
  | { type: 'TECHNICIAN_EXIT' };

/**
 * How long the "returning to the start screen" notice shows before the reset: 30 s, or half the
 * idle time when that is shorter. WCAG 2.2.1 asks for at least 20 s to say "still here"; one
 * touch anywhere is enough.
 */
export function warningSeconds(idleSeconds: number): number {
  return Math.min(30, Math.floor(idleSeconds / 2));
}

function freshVisit(context: Pick<ShellContext, 'defaultLocale'>): Visit {
  return { locale: context.defaultLocale, group: null, handling: null, matterCode: null, journey: null };
}

/**
 * The shell's navigation: attract → home → browse (one group's list) → guide, with back and
 * home, and an idle timer that runs beside the screens. Home has a list of its own, so a guide
 * can also be opened straight from home; back returns to whichever list it came from. A visit is the time between leaving attract and
 * returning to it; returning throws the visit away (filters, open guide, language), and the
 * screens unmount, which takes their scroll positions with them.
 */
export const shellMachine = setup({
  types: {
    context: {} as ShellContext,
    events: {} as ShellEvent,
    input: {} as ShellInput,
  },
  delays: {
    idleBeforeWarning: ({ context }) => (context.idleSeconds - warningSeconds(context.idleSeconds)) * 1000,
    warningBeforeAttract: ({ context }) => warningSeconds(context.idleSeconds) * 1000,
    pinIdle: ({ context }) => context.idleSeconds * 1000,
  },
  guards: {
    openedFromList: ({ context }) => context.group !== null,
    matterOpen: ({ context }) => context.matterCode !== null,
  },
  actions: {
    forgetVisit: assign(({ context }) => freshVisit(context)),
    setLocale: assign(({ event }) => (event.type === 'SET_LOCALE' ? { locale: event.locale } : {})),
    chooseGroup: assign(({ event }) =>
      event.type === 'CHOOSE_GROUP' ? { group: event.group, handling: null, matterCode: null } : {},
    ),
    setHandling: assign(({ event }) => (event.type === 'SET_HANDLING' ? { handling: event.handling } : {})),
    openMatter: assign(({ event }) => (event.type === 'OPEN_MATTER' ? { matterCode: event.code } : {})),
    closeMatter: assign({ matterCode: null }),
    openJourney: assign(({ event }) => (event.type === 'OPEN_JOURNEY' ? { journey: event.journey } : {})),
    closeJourney: assign({ journey: null }),
    leaveList: assign({ group: null, handling: null, matterCode: null, journey: null }),
  },
}).createMachine({
  id: 'shell',
  context: ({ input }) => ({
    defaultLocale: input.defaultLocale,
    idleSeconds: input.idleSeconds,
    ...freshVisit(input),
  }),
  initial: 'attract',
  states: {
    attract: {
      entry: 'forgetVisit',
      on: {
        TECHNICIAN: 'technician',
        START: 'visit',
        // Choosing a language on the attract screen also starts the visit, in that language.
        SET_LOCALE: { target: 'visit', actions: 'setLocale' },
      },
    },
    visit: {
      type: 'parallel',
      on: { SET_LOCALE: { actions: 'setLocale' }, TECHNICIAN: 'technician' },
      states: {
        screen: {
          initial: 'home',
          on: {
            HOME: { target: '.home', actions: 'leaveList' },
            OPEN_JOURNEY: { target: '.journey', actions: 'openJourney' },
          },
          states: {
            home: {
              on: {
                CHOOSE_GROUP: { target: 'browse', actions: 'chooseGroup' },
                OPEN_MATTER: { target: 'guide', actions: 'openMatter' },
                SET_HANDLING: { actions: 'setHandling' },
              },
            },
            browse: {
              on: {
                OPEN_MATTER: { target: 'guide', actions: 'openMatter' },
                SET_HANDLING: { actions: 'setHandling' },
                BACK: { target: 'home', actions: 'leaveList' },
              },
            },
            /**
             * A journey covers the catalog screens; closing it (or BACK from its first step) returns
             * to the list or guide underneath, which stayed as they were.
             */
            journey: {
              on: {
                CLOSE_JOURNEY: [
                  { guard: 'matterOpen', target: 'guide', actions: 'closeJourney' },
                  { guard: 'openedFromList', target: 'browse', actions: 'closeJourney' },
                  { target: 'home', actions: 'closeJourney' },
                ],
                BACK: [
                  { guard: 'matterOpen', target: 'guide', actions: 'closeJourney' },
                  { guard: 'openedFromList', target: 'browse', actions: 'closeJourney' },
                  { target: 'home', actions: 'closeJourney' },
                ],
                OPEN_MATTER: { target: 'guide', actions: ['closeJourney', 'openMatter'] },
              },
            },
            guide: {
              // Back to where the guide was opened from: a group's list, or home's.
              on: {
                BACK: [
                  { guard: 'openedFromList', target: 'browse', actions: 'closeMatter' },
                  { target: 'home', actions: 'closeMatter' },
                ],
              },
            },
          },
        },
        idle: {
          initial: 'active',
          states: {
            active: {
              after: { idleBeforeWarning: 'warning' },
              // Re-entering restarts the timer.
              on: { ACTIVITY: { target: 'active', reenter: true } },
            },
            warning: {
              after: { warningBeforeAttract: '#shell.attract' },
              on: { ACTIVITY: 'active' },
            },
          },
        },
      },
    },
    /**
     * Technician mode (巡检). Leaving the visit throws it away, like the attract screen does. A PIN
     * pad nobody uses goes back to attract after the idle time; once in, core's session expiry
     * rules and the technician screen says when it has ended.
     */
    technician: {
      entry: 'forgetVisit',
      initial: 'pin',
      on: { TECHNICIAN_EXIT: 'attract' },
      states: {
        pin: {
          after: { pinIdle: '#shell.attract' },
          on: { ACTIVITY: { target: 'pin', reenter: true }, TECHNICIAN_ENTERED: 'active' },
        },
        active: {},
      },
    },
  },
});

export type ShellScreen = 'attract' | 'home' | 'browse' | 'guide' | 'journey' | 'technicianPin' | 'technician';

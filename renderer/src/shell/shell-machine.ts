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

/**
 * 长辈版 (elder mode) is a whole profile: larger text and targets, fewer choices per screen, voice
 * on and slower, longer time limits. `standard` is everyone else.
 */
export type Profile = 'standard' | 'elder';
/** `high` is black on white with heavier outlines (docs/accessibility.md §2: a 21:1 option). */
export type Contrast = 'default' | 'high';
/** Volume steps for the speaker; the session starts at the default and returns to it at reset. */
export const VOLUME_STEPS = [0.4, 0.6, 0.8, 1] as const;
export const DEFAULT_VOLUME_STEP = 1;

/** How a visitor wants the kiosk to look and sound. Reset with the visit (EN 301 549 5.1.3.13, VVSG 7.1-A). */
export interface Preferences {
  readonly profile: Profile;
  readonly contrast: Contrast;
  /** Voice mode: every screen reads its title and what to do; taps read the item. */
  readonly voice: boolean;
  /** Index into VOLUME_STEPS. */
  readonly volumeStep: number;
}

/** Everything a visitor chose. All of it is thrown away when the kiosk goes back to attract. */
interface Visit extends Preferences {
  readonly locale: Locale;
  /** The group opened from home; null while on home (whose own list shows everything). */
  readonly group: MatterGroup | null;
  readonly handling: Handling | null;
  readonly matterCode: string | null;
  /** The journey open over home (apply, ticket …); null on the catalog screens. */
  readonly journey: Journey | null;
  /**
   * The phone number the resident gave in a finished step of this visit, offered (not filled in)
   * in the next journey that asks for one (visit-memory.tsx). Forgotten when the visit ends.
   */
  readonly givenPhone: string | null;
}

export interface ShellContext extends Visit {
  readonly defaultLocale: Locale;
  readonly idleSeconds: number;
  /**
   * Out of service by the county console (core `kiosk.serviceState`): no visit may start. Not part
   * of the visit, so a visit already under way keeps it and finishes.
   */
  readonly outOfService: boolean;
}

export type ShellEvent =
  | { type: 'START' }
  | { type: 'SET_LOCALE'; locale: Locale }
  /** 长辈版 on or off. Turning it on also turns voice on; on the attract screen it starts the visit. */
  | { type: 'SET_PROFILE'; profile: Profile }
  | { type: 'SET_CONTRAST'; contrast: Contrast }
  | { type: 'SET_VOICE'; voice: boolean }
  | { type: 'SET_VOLUME'; volumeStep: number }
  | { type: 'CHOOSE_GROUP'; group: MatterGroup }
  | { type: 'SET_HANDLING'; handling: Handling | null }
  | { type: 'OPEN_MATTER'; code: string }
  /** Opens a journey (from home, a guide, the help button …); it replaces whatever journey was open. */
  | { type: 'OPEN_JOURNEY'; journey: Journey }
  /** A journey sent a phone number the resident typed: the next journey may offer it. */
  | { type: 'PHONE_GIVEN'; phone: string }
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
  | { type: 'TECHNICIAN_EXIT' }
  /**
   * The resident is done (完成 at the end of a journey, or 结束办理): the visit ends now, not when
   * the idle timer runs out, so the next person never sees this one's name, numbers or services.
   * A short farewell reminds them to take their ID card and receipt.
   */
  | { type: 'END_VISIT' }
  /** From the farewell: they saw the reminder (好的), or it timed out. */
  | { type: 'FAREWELL_DONE' }
  /**
   * Core ended the visit itself (a card of someone else was read while a resident was signed in):
   * the screens start afresh for the person now at the kiosk.
   */
  | { type: 'VISIT_ENDED_ELSEWHERE' }
  /** Core's `service.changed`: out of service (the notice replaces the attract screen) or back. */
  | { type: 'SERVICE_CHANGED'; outOfService: boolean };

/**
 * How long the "returning to the start screen" notice shows before the reset: 30 s, or half the
 * idle time when that is shorter. WCAG 2.2.1 asks for at least 20 s to say "still here"; one
 * touch anywhere is enough.
 */
export function warningSeconds(idleSeconds: number): number {
  return Math.min(30, Math.floor(idleSeconds / 2));
}

function freshVisit(context: Pick<ShellContext, 'defaultLocale'>): Visit {
  return {
    locale: context.defaultLocale,
    profile: 'standard',
    contrast: 'default',
    voice: false,
    volumeStep: DEFAULT_VOLUME_STEP,
    group: null,
    handling: null,
    matterCode: null,
    journey: null,
    givenPhone: null,
  };
}

/** How long the farewell (请取走身份证) stays before the attract screen; 好的 leaves at once. */
export const FAREWELL_MS = 8_000;

/** 长辈版 gives the visitor this much more time before the idle warning and during it. */
export const ELDER_TIME_FACTOR = 2;

/** Seconds without a touch before the visit resets, for this profile. */
export function visitIdleSeconds(context: Pick<ShellContext, 'idleSeconds' | 'profile'>): number {
  return context.profile === 'elder' ? context.idleSeconds * ELDER_TIME_FACTOR : context.idleSeconds;
}

function clampVolumeStep(step: number): number {
  return Math.max(0, Math.min(VOLUME_STEPS.length - 1, Math.round(step)));
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
    idleBeforeWarning: ({ context }) => (visitIdleSeconds(context) - warningSeconds(visitIdleSeconds(context))) * 1000,
    warningBeforeAttract: ({ context }) => warningSeconds(visitIdleSeconds(context)) * 1000,
    pinIdle: ({ context }) => context.idleSeconds * 1000,
    farewell: ({ context }) => FAREWELL_MS * (context.profile === 'elder' ? ELDER_TIME_FACTOR : 1),
  },
  guards: {
    openedFromList: ({ context }) => context.group !== null,
    matterOpen: ({ context }) => context.matterCode !== null,
    inService: ({ context }) => !context.outOfService,
  },
  actions: {
    forgetVisit: assign(({ context }) => freshVisit(context)),
    // The farewell keeps the visitor's language and 长辈版 for the goodbye, nothing personal.
    forgetPersonal: assign({ givenPhone: null }),
    rememberPhone: assign(({ event }) => (event.type === 'PHONE_GIVEN' ? { givenPhone: event.phone } : {})),
    setLocale: assign(({ event }) => (event.type === 'SET_LOCALE' ? { locale: event.locale } : {})),
    setProfile: assign(({ event }) =>
      event.type === 'SET_PROFILE'
        ? event.profile === 'elder'
          ? { profile: 'elder' as const, voice: true }
          : { profile: 'standard' as const, voice: false }
        : {},
    ),
    setContrast: assign(({ event }) => (event.type === 'SET_CONTRAST' ? { contrast: event.contrast } : {})),
    setVoice: assign(({ event }) => (event.type === 'SET_VOICE' ? { voice: event.voice } : {})),
    setVolume: assign(({ event }) =>
      event.type === 'SET_VOLUME' ? { volumeStep: clampVolumeStep(event.volumeStep) } : {},
    ),
    chooseGroup: assign(({ event }) =>
      event.type === 'CHOOSE_GROUP' ? { group: event.group, handling: null, matterCode: null } : {},
    ),
    setHandling: assign(({ event }) => (event.type === 'SET_HANDLING' ? { handling: event.handling } : {})),
    openMatter: assign(({ event }) => (event.type === 'OPEN_MATTER' ? { matterCode: event.code } : {})),
    closeMatter: assign({ matterCode: null }),
    openJourney: assign(({ event }) => (event.type === 'OPEN_JOURNEY' ? { journey: event.journey } : {})),
    closeJourney: assign({ journey: null }),
    leaveList: assign({ group: null, handling: null, matterCode: null, journey: null }),
    setService: assign(({ event }) => (event.type === 'SERVICE_CHANGED' ? { outOfService: event.outOfService } : {})),
  },
}).createMachine({
  id: 'shell',
  context: ({ input }) => ({
    defaultLocale: input.defaultLocale,
    idleSeconds: input.idleSeconds,
    outOfService: false,
    ...freshVisit(input),
  }),
  initial: 'attract',
  // Heard in every state; it changes what attract allows, never the visit under way.
  on: { SERVICE_CHANGED: { actions: 'setService' } },
  states: {
    attract: {
      entry: 'forgetVisit',
      on: {
        // The technician's hidden gesture works out of service too: that is how staff check it.
        TECHNICIAN: 'technician',
        // Out of service, nothing starts a visit: not a touch, a scanned code, a language or 长辈版.
        START: { guard: 'inService', target: 'visit' },
        // Choosing a language on the attract screen also starts the visit, in that language.
        SET_LOCALE: { guard: 'inService', target: 'visit', actions: 'setLocale' },
        // So does 长辈版: the large button on the attract screen.
        SET_PROFILE: { guard: 'inService', target: 'visit', actions: 'setProfile' },
      },
    },
    visit: {
      type: 'parallel',
      on: {
        SET_LOCALE: { actions: 'setLocale' },
        SET_PROFILE: { actions: 'setProfile' },
        SET_CONTRAST: { actions: 'setContrast' },
        SET_VOICE: { actions: 'setVoice' },
        SET_VOLUME: { actions: 'setVolume' },
        PHONE_GIVEN: { actions: 'rememberPhone' },
        TECHNICIAN: 'technician',
        END_VISIT: 'farewell',
        // Re-entering the visit starts it afresh: home, and this visitor's own choices from scratch.
        VISIT_ENDED_ELSEWHERE: { target: 'visit', reenter: true, actions: 'forgetVisit' },
      },
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
     * The visit is over (the resident said so): the reminder to take the ID card and the receipt,
     * in the visitor's own language and profile, then the attract screen. The resident session in
     * core ends on entry (use-session-end.ts).
     */
    farewell: {
      entry: 'forgetPersonal',
      after: { farewell: 'attract' },
      on: { FAREWELL_DONE: 'attract', ACTIVITY: { target: 'farewell', reenter: true }, TECHNICIAN: 'technician' },
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

export type ShellScreen =
  'attract' | 'home' | 'browse' | 'guide' | 'journey' | 'farewell' | 'technicianPin' | 'technician';

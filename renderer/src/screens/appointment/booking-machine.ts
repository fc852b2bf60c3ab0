import { assign, fromPromise, setup } from 'xstate';
import type { MatterSummary } from '../../../../core/api/contract';
import type { AppointmentDays, AppointmentReceipt } from '../../../../core/api/queue';
import type { AppointmentSlot } from '../../../../platform/contract/appointments';
import type { ServicePoint } from '../../../../platform/contract/service-points';
import type { ApiPart } from '../../api/api-part';
import { problemOfEvent, slipShownMs, type AppointmentProblem, type Outcome } from './appointment-outcome';

/** The calls booking makes, and nothing else. */
export const bookingMethods = [
  'catalog.list',
  'serviceMap.points',
  'appointment.days',
  'appointment.slots',
  'appointment.book',
] as const;
export type BookingApi = ApiPart<(typeof bookingMethods)[number]>;

/** Where 再试一次 goes back to after a problem. */
type Resume = 'choices' | 'days' | 'slots' | 'confirm';

export interface Choices {
  readonly matters: readonly MatterSummary[];
  /** Bookable points, nearest to this station first. */
  readonly points: readonly ServicePoint[];
}

export interface BookingContext {
  readonly api: BookingApi;
  readonly location: { lat: number; lng: number };
  readonly matterCode: string | null;
  readonly servicePointId: string | null;
  readonly choices: Choices;
  readonly days: AppointmentDays['days'];
  readonly date: string | null;
  readonly slots: readonly AppointmentSlot[];
  readonly slot: AppointmentSlot | null;
  readonly phone: string | null;
  readonly confirmationId: string | null;
  readonly booked: AppointmentReceipt | null;
  readonly problem: AppointmentProblem | null;
  readonly resume: Resume;
}

export interface BookingInput {
  readonly api: BookingApi;
  readonly matterCode: string | null;
  readonly servicePointId: string | null;
  /** This station's position: the nearest bookable point is offered first. */
  readonly location: { lat: number; lng: number };
}

export type BookingEvent =
  | { type: 'CHOOSE_MATTER'; matterCode: string }
  | { type: 'CHOOSE_POINT'; servicePointId: string }
  | { type: 'CHOOSE_DAY'; date: string }
  | { type: 'CHOOSE_SLOT'; slotId: string }
  | { type: 'OTHER_DAY' }
  | { type: 'SIGNED_IN' }
  | { type: 'SIGN_IN_CANCELLED' }
  | { type: 'PHONE'; phone: string }
  | { type: 'CONFIRM' }
  | { type: 'RETRY' }
  | { type: 'FINISH' };

/** Rough distance on a village scale; good enough to say which point is nearest. */
function distance(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const x = (b.lng - a.lng) * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
  const y = b.lat - a.lat;
  return Math.sqrt(x * x + y * y);
}

/**
 * 预约办事: matter → service point → day → slot → sign in → phone → confirm → slip. A matter or
 * point the journey was opened with is not asked again. Every step that needs the platform says
 * so plainly when it cannot be reached; nothing the resident chose is lost by a retry. A new
 * confirmationId is made on each press of 确认预约.
 */
export const bookingMachine = setup({
  types: {
    context: {} as BookingContext,
    events: {} as BookingEvent,
    input: {} as BookingInput,
  },
  actors: {
    loadChoices: fromPromise<Outcome<Choices>, BookingContext>(async ({ input }) => {
      const [matters, map] = await Promise.all([
        input.api['catalog.list']({ limit: 500 }),
        input.api['serviceMap.points']({}),
      ]);
      if (!map.ok) return { ok: false, error: { code: 'platformUnavailable' } };
      const points = map.value.servicePoints
        .filter((p) => p.bookable)
        .sort((a, b) => distance(input.location, a.location) - distance(input.location, b.location));
      return { ok: true, value: { matters: matters.ok ? matters.value.matters : [], points } };
    }),
    loadDays: fromPromise<Outcome<AppointmentDays>, BookingContext>(({ input }) =>
      input.api['appointment.days']({
        servicePointId: input.servicePointId ?? '',
        matterCode: input.matterCode ?? '',
      }),
    ),
    loadSlots: fromPromise<Outcome<readonly AppointmentSlot[]>, BookingContext>(async ({ input }) => {
      const answer = await input.api['appointment.slots']({
        servicePointId: input.servicePointId ?? '',
        matterCode: input.matterCode ?? '',
        date: input.date ?? '',
      });
      return answer.ok ? { ok: true, value: answer.value.slots } : answer;
    }),
    book: fromPromise<Outcome<AppointmentReceipt>, BookingContext>(({ input }) =>
      input.api['appointment.book']({
        confirmationId: input.confirmationId ?? '',
        slotId: input.slot?.slotId ?? '',
        matterCode: input.matterCode ?? '',
        phone: input.phone ?? '',
      }),
    ),
  },
  delays: {
    slipShown: ({ context }) => slipShownMs(context.booked?.print.output),
  },
  guards: {
    needsMatter: ({ context }) => context.matterCode === null,
    needsPoint: ({ context }) => context.servicePointId === null,
    resumeIs: ({ context }, resume: Resume) => context.resume === resume,
  },
  actions: {
    setProblem: assign(({ event }) => ({ problem: problemOfEvent(event) })),
    newConfirmation: assign({ confirmationId: () => crypto.randomUUID(), problem: null }),
  },
}).createMachine({
  id: 'booking',
  context: ({ input }) => ({
    api: input.api,
    location: input.location,
    matterCode: input.matterCode,
    servicePointId: input.servicePointId,
    choices: { matters: [], points: [] },
    days: [],
    date: null,
    slots: [],
    slot: null,
    phone: null,
    confirmationId: null,
    booked: null,
    problem: null,
    resume: 'choices',
  }),
  initial: 'loadingChoices',
  states: {
    loadingChoices: {
      entry: assign({ resume: 'choices' }),
      invoke: {
        src: 'loadChoices',
        input: ({ context }) => context,
        onDone: [
          {
            guard: ({ event }) => event.output.ok,
            target: 'afterChoices',
            actions: assign({
              choices: ({ event }) => (event.output.ok ? event.output.value : { matters: [], points: [] }),
            }),
          },
          { target: 'problem', actions: 'setProblem' },
        ],
        onError: { target: 'problem', actions: 'setProblem' },
      },
    },
    afterChoices: {
      always: [
        { guard: 'needsMatter', target: 'choosingMatter' },
        { guard: 'needsPoint', target: 'choosingPoint' },
        { target: 'loadingDays' },
      ],
    },
    choosingMatter: {
      on: {
        CHOOSE_MATTER: { target: 'afterChoices', actions: assign({ matterCode: ({ event }) => event.matterCode }) },
      },
    },
    choosingPoint: {
      on: {
        CHOOSE_POINT: {
          target: 'loadingDays',
          actions: assign({ servicePointId: ({ event }) => event.servicePointId }),
        },
      },
    },
    loadingDays: {
      entry: assign({ resume: 'days' }),
      invoke: {
        src: 'loadDays',
        input: ({ context }) => context,
        onDone: [
          {
            guard: ({ event }) => event.output.ok,
            target: 'choosingDay',
            actions: assign({ days: ({ event }) => (event.output.ok ? event.output.value.days : []) }),
          },
          { target: 'problem', actions: 'setProblem' },
        ],
        onError: { target: 'problem', actions: 'setProblem' },
      },
    },
    choosingDay: {
      on: { CHOOSE_DAY: { target: 'loadingSlots', actions: assign({ date: ({ event }) => event.date }) } },
    },
    loadingSlots: {
      entry: assign({ resume: 'slots' }),
      invoke: {
        src: 'loadSlots',
        input: ({ context }) => context,
        onDone: [
          {
            guard: ({ event }) => event.output.ok,
            target: 'choosingSlot',
            actions: assign({ slots: ({ event }) => (event.output.ok ? event.output.value : []) }),
          },
          { target: 'problem', actions: 'setProblem' },
        ],
        onError: { target: 'problem', actions: 'setProblem' },
      },
    },
    choosingSlot: {
      on: {
        OTHER_DAY: { target: 'choosingDay', actions: assign({ problem: null }) },
        CHOOSE_SLOT: {
          target: 'signingIn',
          actions: assign({
            slot: ({ context, event }) => context.slots.find((s) => s.slotId === event.slotId) ?? null,
            problem: null,
          }),
        },
      },
    },
    signingIn: {
      on: {
        SIGNED_IN: 'enteringPhone',
        SIGN_IN_CANCELLED: 'choosingSlot',
      },
    },
    enteringPhone: {
      on: { PHONE: { target: 'confirming', actions: assign({ phone: ({ event }) => event.phone }) } },
    },
    confirming: {
      entry: assign({ resume: 'confirm' }),
      on: { CONFIRM: 'booking' },
    },
    booking: {
      entry: 'newConfirmation',
      invoke: {
        src: 'book',
        input: ({ context }) => context,
        onDone: [
          {
            guard: ({ event }) => event.output.ok,
            target: 'booked',
            actions: assign({ booked: ({ event }) => (event.output.ok ? event.output.value : null) }),
          },
          // Someone took the last place meanwhile: fresh slots of the same day, and say why.
          {
            guard: ({ event }) => !event.output.ok && event.output.error.code === 'slotFull',
            target: 'loadingSlots',
            actions: 'setProblem',
          },
          {
            guard: ({ event }) => !event.output.ok && event.output.error.code === 'notSignedIn',
            target: 'signingIn',
          },
          { target: 'problem', actions: 'setProblem' },
        ],
        onError: { target: 'problem', actions: 'setProblem' },
      },
    },
    booked: {
      after: { slipShown: 'done' },
      on: { FINISH: 'done' },
    },
    problem: {
      on: {
        RETRY: [
          { guard: { type: 'resumeIs', params: 'choices' }, target: 'loadingChoices' },
          { guard: { type: 'resumeIs', params: 'days' }, target: 'loadingDays' },
          { guard: { type: 'resumeIs', params: 'slots' }, target: 'loadingSlots' },
          { target: 'confirming' },
        ],
      },
    },
    done: { type: 'final' },
  },
});

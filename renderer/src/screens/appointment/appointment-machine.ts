import { assign, fromPromise, setup } from 'xstate';
import type { Client } from '../../../../core/api/client';
import type { KioskContract, MatterSummary } from '../../../../core/api/contract';
import type { AppointmentDays, AppointmentReceipt, CheckInReceipt } from '../../../../core/api/queue';
import type { Appointment, AppointmentSlot } from '../../../../platform/contract/appointments';
import type { ServicePoint } from '../../../../platform/contract/service-points';

/** How long the booking slip or the check-in ticket stays up before the kiosk goes home. */
export const SLIP_SHOWN_MS = 45_000;
/** Longer when it is only on screen: the resident has to write it down or photograph it. */
export const SLIP_ON_SCREEN_MS = 75_000;

export type AppointmentProblem = 'unavailable' | 'failed' | 'slotFull' | 'notActive' | 'notToday' | 'notStaffed';
/** Where 再试一次 goes back to after a problem. */
type Resume = 'choices' | 'days' | 'slots' | 'confirm' | 'mine' | 'checkIn';

export interface Choices {
  readonly matters: readonly MatterSummary[];
  /** Bookable points, nearest to this station first. */
  readonly points: readonly ServicePoint[];
}

interface AppointmentContext {
  readonly client: Client<KioskContract>;
  readonly mode: 'book' | 'checkIn';
  readonly location: { lat: number; lng: number };
  readonly today: () => string;
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
  readonly appointments: readonly Appointment[];
  readonly checkedIn: CheckInReceipt | null;
  readonly problem: AppointmentProblem | null;
  readonly resume: Resume;
  /** The slip the resident scanned: checked in as soon as their card shows it is theirs. */
  readonly scannedAppointmentId: string | null;
}

export interface AppointmentInput {
  readonly client: Client<KioskContract>;
  readonly mode: 'book' | 'checkIn';
  readonly matterCode: string | null;
  readonly servicePointId: string | null;
  /** This station's position: the nearest bookable point is offered first. */
  readonly location: { lat: number; lng: number };
  /** Today on the station's clocks (its zone, the kiosk's clock): check-in lists today's appointments. */
  readonly today: () => string;
  /** Check-in opened by scanning a slip (its appointment id). */
  readonly scannedAppointmentId?: string | null;
}

export type AppointmentEvent =
  | { type: 'CHOOSE_MATTER'; matterCode: string }
  | { type: 'CHOOSE_POINT'; servicePointId: string }
  | { type: 'CHOOSE_DAY'; date: string }
  | { type: 'CHOOSE_SLOT'; slotId: string }
  | { type: 'OTHER_DAY' }
  | { type: 'SIGNED_IN' }
  | { type: 'SIGN_IN_CANCELLED' }
  | { type: 'PHONE'; phone: string }
  | { type: 'CONFIRM' }
  | { type: 'CHECK_IN'; appointmentId: string }
  | { type: 'RETRY' }
  | { type: 'FINISH' };

type Failure = { readonly code: string };

/** Rough distance on a village scale; good enough to say which point is nearest. */
function distance(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const x = (b.lng - a.lng) * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
  const y = b.lat - a.lat;
  return Math.sqrt(x * x + y * y);
}

/** A failed call as the resident hears it: the platform is needed, or it just did not work. */
function problemOf(error: Failure): AppointmentProblem {
  if (error.code === 'platformUnavailable' || error.code === 'transport') return 'unavailable';
  if (error.code === 'slotFull') return 'slotFull';
  if (error.code === 'appointmentNotActive') return 'notActive';
  if (error.code === 'notToday') return 'notToday';
  if (error.code === 'notStaffed') return 'notStaffed';
  return 'failed';
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: Failure };

const outcomeOf = <T>(result: { ok: true; value: T } | { ok: false; error: Failure }): Outcome<T> => result;

/**
 * 预约: book (matter → service point → day → slot → sign in → phone → confirm → slip) or check
 * in (sign in → today's appointments → one → its priority ticket). Every step that needs the
 * platform says so plainly when it cannot be reached; nothing the resident chose is lost by a
 * retry. A new confirmationId is made on each press of 确认预约 / 签到.
 */
export const appointmentMachine = setup({
  types: {
    context: {} as AppointmentContext,
    events: {} as AppointmentEvent,
    input: {} as AppointmentInput,
  },
  actors: {
    loadChoices: fromPromise<Outcome<Choices>, AppointmentContext>(async ({ input }) => {
      const [matters, map] = await Promise.all([
        input.client.call('catalog.list', { limit: 500 }),
        input.client.call('serviceMap.points', {}),
      ]);
      if (!map.ok) return { ok: false, error: { code: 'platformUnavailable' } };
      const points = map.value.servicePoints
        .filter((p) => p.bookable)
        .sort((a, b) => distance(input.location, a.location) - distance(input.location, b.location));
      return { ok: true, value: { matters: matters.ok ? matters.value.matters : [], points } };
    }),
    loadDays: fromPromise<Outcome<AppointmentDays>, AppointmentContext>(async ({ input }) =>
      outcomeOf(
        await input.client.call('appointment.days', {
          servicePointId: input.servicePointId ?? '',
          matterCode: input.matterCode ?? '',
        }),
      ),
    ),
    loadSlots: fromPromise<Outcome<readonly AppointmentSlot[]>, AppointmentContext>(async ({ input }) => {
      const answer = await input.client.call('appointment.slots', {
        servicePointId: input.servicePointId ?? '',
        matterCode: input.matterCode ?? '',
        date: input.date ?? '',
      });
      return answer.ok ? { ok: true, value: answer.value.slots } : answer;
    }),
    book: fromPromise<Outcome<AppointmentReceipt>, AppointmentContext>(async ({ input }) =>
      outcomeOf(
        await input.client.call('appointment.book', {
          confirmationId: input.confirmationId ?? '',
          slotId: input.slot?.slotId ?? '',
          matterCode: input.matterCode ?? '',
          phone: input.phone ?? '',
        }),
      ),
    ),
    loadMine: fromPromise<Outcome<readonly Appointment[]>, AppointmentContext>(async ({ input }) => {
      const answer = await input.client.call('appointment.mine', { date: input.today() });
      return answer.ok ? { ok: true, value: answer.value.appointments } : answer;
    }),
    checkIn: fromPromise<Outcome<CheckInReceipt>, { context: AppointmentContext; appointmentId: string }>(
      async ({ input }) =>
        outcomeOf(
          await input.context.client.call('appointment.checkIn', {
            confirmationId: input.context.confirmationId ?? '',
            appointmentId: input.appointmentId,
          }),
        ),
    ),
  },
  delays: {
    slipShown: ({ context }) => {
      const output = (context.booked ?? context.checkedIn)?.print.output;
      return output === 'screen' ? SLIP_ON_SCREEN_MS : SLIP_SHOWN_MS;
    },
  },
  guards: {
    checkInMode: ({ context }) => context.mode === 'checkIn',
    needsMatter: ({ context }) => context.matterCode === null,
    needsPoint: ({ context }) => context.servicePointId === null,
    resumeIs: ({ context }, resume: Resume) => context.resume === resume,
  },
  actions: {
    setProblem: assign(({ event }) => {
      const output = (event as unknown as { output?: Outcome<unknown> }).output;
      return { problem: output && !output.ok ? problemOf(output.error) : ('failed' as const) };
    }),
    newConfirmation: assign({ confirmationId: () => crypto.randomUUID(), problem: null }),
  },
}).createMachine({
  id: 'appointment',
  context: ({ input }) => ({
    client: input.client,
    mode: input.mode,
    location: input.location,
    today: input.today,
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
    appointments: [],
    checkedIn: null,
    problem: null,
    resume: input.mode === 'checkIn' ? 'mine' : 'choices',
    scannedAppointmentId: input.scannedAppointmentId ?? null,
  }),
  initial: 'start',
  states: {
    start: {
      always: [{ guard: 'checkInMode', target: 'signingIn' }, { target: 'loadingChoices' }],
    },
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
        SIGNED_IN: [{ guard: 'checkInMode', target: 'loadingMine' }, { target: 'enteringPhone' }],
        SIGN_IN_CANCELLED: [{ guard: 'checkInMode', target: 'done' }, { target: 'choosingSlot' }],
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
    loadingMine: {
      entry: assign({ resume: 'mine' }),
      invoke: {
        src: 'loadMine',
        input: ({ context }) => context,
        onDone: [
          // The scanned slip is one of the signed-in resident's booked appointments: check it in.
          {
            guard: ({ context, event }) =>
              event.output.ok &&
              event.output.value.some((a) => a.status === 'booked' && a.appointmentId === context.scannedAppointmentId),
            target: 'checkingIn',
            actions: assign({
              appointments: ({ event }) =>
                event.output.ok ? event.output.value.filter((a) => a.status === 'booked') : [],
            }),
          },
          {
            guard: ({ event }) => event.output.ok && event.output.value.some((a) => a.status === 'booked'),
            target: 'choosingAppointment',
            actions: assign({
              appointments: ({ event }) =>
                event.output.ok ? event.output.value.filter((a) => a.status === 'booked') : [],
            }),
          },
          { guard: ({ event }) => event.output.ok, target: 'noneToday' },
          // Nobody signed in, or only by a typed number: the card is what opens the appointments.
          {
            guard: ({ event }) =>
              !event.output.ok &&
              (event.output.error.code === 'notSignedIn' || event.output.error.code === 'cardRequired'),
            target: 'signingIn',
          },
          { target: 'problem', actions: 'setProblem' },
        ],
        onError: { target: 'problem', actions: 'setProblem' },
      },
    },
    noneToday: {},
    choosingAppointment: {
      on: { CHECK_IN: 'checkingIn' },
    },
    checkingIn: {
      entry: ['newConfirmation', assign({ resume: 'checkIn' })],
      invoke: {
        src: 'checkIn',
        input: ({ context, event }) => ({
          context,
          appointmentId: event.type === 'CHECK_IN' ? event.appointmentId : (context.scannedAppointmentId ?? ''),
        }),
        onDone: [
          {
            guard: ({ event }) => event.output.ok,
            target: 'checkedIn',
            actions: assign({ checkedIn: ({ event }) => (event.output.ok ? event.output.value : null) }),
          },
          { target: 'problem', actions: 'setProblem' },
        ],
        onError: { target: 'problem', actions: 'setProblem' },
      },
    },
    checkedIn: {
      after: { slipShown: 'done' },
      on: { FINISH: 'done' },
    },
    problem: {
      on: {
        RETRY: [
          { guard: { type: 'resumeIs', params: 'choices' }, target: 'loadingChoices' },
          { guard: { type: 'resumeIs', params: 'days' }, target: 'loadingDays' },
          { guard: { type: 'resumeIs', params: 'slots' }, target: 'loadingSlots' },
          { guard: { type: 'resumeIs', params: 'confirm' }, target: 'confirming' },
          { target: 'loadingMine' },
        ],
      },
    },
    done: { type: 'final' },
  },
});

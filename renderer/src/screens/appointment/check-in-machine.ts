import { assign, fromPromise, setup } from 'xstate';
import type { CheckInReceipt } from '../../../../core/api/queue';
import type { Appointment } from '../../../../platform/contract/appointments';
import type { ApiPart } from '../../api/api-part';
import { problemOfEvent, slipShownMs, type AppointmentProblem, type Outcome } from './appointment-outcome';

/** The calls check-in makes, and nothing else. */
export const checkInMethods = ['appointment.mine', 'appointment.checkIn'] as const;
export type CheckInApi = ApiPart<(typeof checkInMethods)[number]>;

export interface CheckInContext {
  readonly api: CheckInApi;
  readonly today: () => string;
  readonly confirmationId: string | null;
  readonly appointments: readonly Appointment[];
  readonly checkedIn: CheckInReceipt | null;
  readonly problem: AppointmentProblem | null;
  /** The slip the resident scanned: checked in as soon as their card shows it is theirs. */
  readonly scannedAppointmentId: string | null;
}

export interface CheckInInput {
  readonly api: CheckInApi;
  /** Today on the station's clocks (its zone, the kiosk's clock): check-in lists today's appointments. */
  readonly today: () => string;
  /** Check-in opened by scanning a slip (its appointment id). */
  readonly scannedAppointmentId?: string | null;
}

export type CheckInEvent =
  | { type: 'SIGNED_IN' }
  | { type: 'SIGN_IN_CANCELLED' }
  | { type: 'CHECK_IN'; appointmentId: string }
  | { type: 'RETRY' }
  | { type: 'FINISH' };

const booked = (appointments: readonly Appointment[]) => appointments.filter((a) => a.status === 'booked');

/**
 * 预约签到: sign in (the card: appointments are a person's records) → today's appointments → one →
 * its priority ticket. A scanned slip that is one of the resident's is checked in without asking.
 * A new confirmationId is made on each 签到; 再试一次 reads today's appointments again.
 */
export const checkInMachine = setup({
  types: {
    context: {} as CheckInContext,
    events: {} as CheckInEvent,
    input: {} as CheckInInput,
  },
  actors: {
    loadMine: fromPromise<Outcome<readonly Appointment[]>, CheckInContext>(async ({ input }) => {
      const answer = await input.api['appointment.mine']({ date: input.today() });
      return answer.ok ? { ok: true, value: answer.value.appointments } : answer;
    }),
    checkIn: fromPromise<Outcome<CheckInReceipt>, { context: CheckInContext; appointmentId: string }>(({ input }) =>
      input.context.api['appointment.checkIn']({
        confirmationId: input.context.confirmationId ?? '',
        appointmentId: input.appointmentId,
      }),
    ),
  },
  delays: {
    slipShown: ({ context }) => slipShownMs(context.checkedIn?.print.output),
  },
  actions: {
    setProblem: assign(({ event }) => ({ problem: problemOfEvent(event) })),
    newConfirmation: assign({ confirmationId: () => crypto.randomUUID(), problem: null }),
  },
}).createMachine({
  id: 'checkIn',
  context: ({ input }) => ({
    api: input.api,
    today: input.today,
    confirmationId: null,
    appointments: [],
    checkedIn: null,
    problem: null,
    scannedAppointmentId: input.scannedAppointmentId ?? null,
  }),
  initial: 'signingIn',
  states: {
    signingIn: {
      on: {
        SIGNED_IN: 'loadingMine',
        SIGN_IN_CANCELLED: 'done',
      },
    },
    loadingMine: {
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
            actions: assign({ appointments: ({ event }) => (event.output.ok ? booked(event.output.value) : []) }),
          },
          {
            guard: ({ event }) => event.output.ok && event.output.value.some((a) => a.status === 'booked'),
            target: 'choosingAppointment',
            actions: assign({ appointments: ({ event }) => (event.output.ok ? booked(event.output.value) : []) }),
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
      entry: 'newConfirmation',
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
      on: { RETRY: 'loadingMine' },
    },
    done: { type: 'final' },
  },
});

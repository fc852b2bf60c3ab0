import { assign, fromPromise, setup } from 'xstate';
import type { AssistanceReceipt, AssistanceRequestInput } from '../../../../core/api/care';
import type { KioskAssistanceKind as AssistanceKind } from '../../../../core/api/care';
import type { ApiPart } from '../../api/api-part';
import {
  checkHelpForm,
  emptyHelpForm,
  type HelpForm,
  type HelpFormProblem,
  type HelpNeed,
  type PreferredTime,
} from './help-form';

/** The one call the journey makes. */
export const helpMethods = ['assistance.request'] as const;
export type HelpApi = ApiPart<(typeof helpMethods)[number]>;

export interface HelpContext {
  readonly matterCode: string | null;
  readonly form: HelpForm;
  /** Shown once the resident pressed 提交 with something missing; cleared as they fix it. */
  readonly problems: readonly HelpFormProblem[];
  readonly pending: AssistanceRequestInput | null;
  readonly receipt: AssistanceReceipt | null;
  readonly failure: 'invalidRequest' | 'notStaffed' | 'sendFailed' | null;
}

export type HelpEvent =
  | { type: 'SET_KIND'; kind: AssistanceKind }
  | { type: 'SET_PHONE'; phone: string }
  | { type: 'SET_TIME'; preferredTime: PreferredTime }
  | { type: 'SET_ADDRESS'; address: string }
  | { type: 'SET_DATE'; preferredDate: string | null }
  | { type: 'TOGGLE_NEED'; need: HelpNeed }
  | { type: 'SUBMIT' }
  | { type: 'ACTIVITY' }
  /** From a failure back to the form, everything still filled in. */
  | { type: 'EDIT' }
  | { type: 'EXIT' };

export const HELP_TIMEOUTS = {
  /** A help form nobody touches goes back without sending anything. */
  untouchedForm: 120_000,
  /** The slip (its reference) stays long enough to be written down. */
  slipShown: 90_000,
  failureShown: 60_000,
} as const;

/**
 * 帮办代办: choose callback, home visit or an agent at the station, say why, send once; then the
 * slip. Every press of 提交 makes a new confirmation id; presses while sending are ignored.
 */
export function createHelpMachine(
  api: HelpApi,
  matterCode: string | null,
  makeConfirmationId: () => string = () => crypto.randomUUID(),
) {
  return setup({
    types: { context: {} as HelpContext, events: {} as HelpEvent },
    delays: HELP_TIMEOUTS,
    actors: {
      request: fromPromise(({ input }: { input: AssistanceRequestInput }) => api['assistance.request'](input)),
    },
    actions: {
      edit: assign(({ context, event }) => {
        const form = editForm(context.form, event);
        // Problems shown after a press go away as they are fixed; none appear while typing.
        const still = context.problems.length === 0 ? [] : checkProblems(form, context.matterCode);
        return { form, problems: context.problems.filter((problem) => still.includes(problem)) };
      }),
    },
    guards: {
      formComplete: ({ context }) => checkHelpForm(context.form, context.matterCode, 'check').ok,
    },
  }).createMachine({
    id: 'help',
    context: { matterCode, form: emptyHelpForm, problems: [], pending: null, receipt: null, failure: null },
    initial: 'editing',
    on: { EXIT: '.exited' },
    states: {
      editing: {
        after: { untouchedForm: 'exited' },
        on: {
          SET_KIND: { target: 'editing', reenter: true, actions: 'edit' },
          SET_PHONE: { target: 'editing', reenter: true, actions: 'edit' },
          SET_TIME: { target: 'editing', reenter: true, actions: 'edit' },
          SET_ADDRESS: { target: 'editing', reenter: true, actions: 'edit' },
          SET_DATE: { target: 'editing', reenter: true, actions: 'edit' },
          TOGGLE_NEED: { target: 'editing', reenter: true, actions: 'edit' },
          ACTIVITY: { target: 'editing', reenter: true },
          SUBMIT: [
            {
              guard: 'formComplete',
              target: 'submitting',
              actions: assign(({ context }) => {
                const checked = checkHelpForm(context.form, context.matterCode, makeConfirmationId());
                return { pending: checked.ok ? checked.input : null, problems: [] };
              }),
            },
            {
              target: 'editing',
              reenter: true,
              actions: assign(({ context }) => ({ problems: checkProblems(context.form, context.matterCode) })),
            },
          ],
        },
      },
      submitting: {
        invoke: {
          src: 'request',
          input: ({ context }) => {
            if (!context.pending) throw new Error('submitting without a checked request');
            return context.pending;
          },
          onDone: [
            {
              guard: ({ event }) => event.output.ok,
              target: 'slip',
              actions: assign(({ event }) => ({ receipt: event.output.ok ? event.output.value : null })),
            },
            {
              target: 'failed',
              actions: assign(({ event }) => ({
                failure:
                  !event.output.ok &&
                  (event.output.error.code === 'invalidRequest' || event.output.error.code === 'notStaffed')
                    ? event.output.error.code
                    : ('sendFailed' as const),
              })),
            },
          ],
          onError: { target: 'failed', actions: assign({ failure: 'sendFailed' }) },
        },
      },
      slip: { after: { slipShown: 'exited' } },
      failed: {
        after: { failureShown: 'exited' },
        on: { EDIT: { target: 'editing', actions: assign({ failure: null }) } },
      },
      exited: { type: 'final' },
    },
  });
}

function checkProblems(form: HelpForm, matterCode: string | null): readonly HelpFormProblem[] {
  const checked = checkHelpForm(form, matterCode, 'check');
  return checked.ok ? [] : checked.problems;
}

/** One change to the form; events that are not edits change nothing. */
export function editForm(form: HelpForm, event: HelpEvent): HelpForm {
  switch (event.type) {
    case 'SET_KIND':
      return { ...form, kind: event.kind };
    case 'SET_PHONE':
      return { ...form, phone: event.phone.slice(0, 12) };
    case 'SET_TIME':
      return { ...form, preferredTime: event.preferredTime };
    case 'SET_ADDRESS':
      return { ...form, address: event.address.slice(0, 200) };
    case 'SET_DATE':
      return { ...form, preferredDate: event.preferredDate };
    case 'TOGGLE_NEED':
      return {
        ...form,
        needs: form.needs.includes(event.need)
          ? form.needs.filter((need) => need !== event.need)
          : [...form.needs, event.need],
      };
    default:
      return form;
  }
}

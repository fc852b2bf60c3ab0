import { assign, fromPromise, setup } from 'xstate';
import type { ApplicationDraft, ApplicationReceipt, PrefilledField } from '../../../../core/api/applications';
import type { PrintResult, ResidentSessionState } from '../../../../core/api/resident';
import type { InputOf } from '../../../../core/api/types';
import type { KioskContract } from '../../../../core/api/contract';
import { deliveryProblems, deliveryToSend, initialDelivery, type DeliveryDraft } from './delivery-draft';
import { fieldsNamedIn, formProblems, formValuesToSend } from './form-check';

export type Outcome<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'error'; readonly code: string; readonly message: string };

export type SubmitInput = InputOf<KioskContract, 'application.submit'>;

/** The core calls the journey makes, injected so the machine runs without a host in tests. */
export interface ApplyApi {
  readonly start: (input: { matterCodes: string[]; lifeEventId: string | null }) => Promise<Outcome<ApplicationDraft>>;
  readonly historyPrefill: (input: { matterCodes: string[] }) => Promise<Outcome<Record<string, string>>>;
  readonly submit: (input: SubmitInput) => Promise<Outcome<ApplicationReceipt>>;
  readonly reprint: (localRef: string) => Promise<Outcome<PrintResult>>;
  /** Fire and forget: a capture the resident replaced is no longer needed in core. */
  readonly discard: (captureId: string) => void;
  readonly newConfirmationId: () => string;
}

export type FillSource = PrefilledField['filledFrom'];

export type MaterialState =
  | { readonly kind: 'captured'; readonly captureId: string; readonly pageCount: number }
  | { readonly kind: 'skipped' }
  /** Given as a 亮证码 the scanner read (core holds the text under scanId; the platform verifies it). */
  | { readonly kind: 'licence'; readonly scanId: string };

/** What the current step says about the last thing that went wrong; the step itself is the place. */
export type ApplyNotice =
  | 'none'
  | 'historyFailed'
  | 'invalidForm'
  | 'materialMissing'
  | 'captureMissing'
  | 'catalogStale'
  | 'submitFailed'
  | 'reprintFailed';

export interface ApplyInput {
  readonly api: ApplyApi;
  readonly matterCodes: readonly string[];
  readonly lifeEventId: string | null;
  /** useJourneyAvailability().selfServiceSubmission: false when the document camera is away. */
  readonly selfServiceAvailable: boolean;
}

export interface ApplyContext {
  readonly api: ApplyApi;
  readonly matterCodes: readonly string[];
  readonly lifeEventId: string | null;
  readonly selfServiceAvailable: boolean;
  readonly session: ResidentSessionState | null;
  readonly draft: ApplicationDraft | null;
  /** Why application.start refused, while on the startFailed screen. */
  readonly startError: string | null;
  readonly values: Readonly<Record<string, string>>;
  readonly filledFrom: Readonly<Record<string, FillSource>>;
  /** Field problems show only after 下一步 was pressed once, so typing is not nagged. */
  readonly showFormErrors: boolean;
  /** Fields core refused (invalidForm), marked even when the kiosk's own check passed. */
  readonly refusedFields: readonly string[];
  readonly materialIndex: number;
  readonly materials: Readonly<Record<string, MaterialState>>;
  readonly delivery: DeliveryDraft;
  readonly showDeliveryErrors: boolean;
  /** Came to this step from the review's 修改 link: 下一步 goes back to the review. */
  readonly reviewing: boolean;
  /** Made once when 确认提交 is pressed; a retry after a transport failure sends the same. */
  readonly confirmationId: string | null;
  readonly submitAttempts: number;
  readonly receipt: ApplicationReceipt | null;
  readonly notice: ApplyNotice;
}

export type ApplyStep = 'form' | 'materials' | 'delivery';

export type ApplyEvent =
  | { type: 'SIGNED_IN'; state: ResidentSessionState }
  /** The device snapshot changed whether the document camera can take materials. */
  | { type: 'CAMERA_CHANGED'; available: boolean }
  | { type: 'RETRY' }
  | { type: 'ACCEPT_HISTORY' }
  | { type: 'DECLINE_HISTORY' }
  | { type: 'SET_FIELD'; name: string; value: string }
  | { type: 'NEXT' }
  | { type: 'BACK' }
  | { type: 'START_CAPTURE' }
  | { type: 'CAPTURED'; captureId: string; pageCount: number }
  | { type: 'CANCEL_CAPTURE' }
  | { type: 'SKIP_MATERIAL' }
  /** A 亮证码 was scanned for the material shown (one a licence can stand for). */
  | { type: 'LICENCE_SCANNED'; scanId: string }
  | { type: 'REMOVE_LICENCE' }
  | { type: 'SET_DELIVERY'; delivery: Partial<DeliveryDraft> }
  | { type: 'EDIT'; step: ApplyStep }
  | { type: 'CONFIRM' }
  | { type: 'REPRINT' }
  | { type: 'FINISH' };

/** Named timeouts (ms). */
export const APPLY_TIMEOUTS = {
  /** The receipt stays this long, then the journey ends by itself (the next resident must not see it). */
  receiptIdle: 60_000,
  /** A submit that never reached core is sent again (same confirmationId) after this pause. */
  submitRetry: 3_000,
} as const;

/** Automatic resends after a transport failure before asking the resident to press 再试一次. */
const AUTO_RETRIES = 2;

function valuesFromDraft(fields: readonly PrefilledField[]) {
  const values: Record<string, string> = {};
  const filledFrom: Record<string, FillSource> = {};
  for (const field of fields) {
    values[field.name] = field.value;
    filledFrom[field.name] = field.value === '' ? 'none' : field.filledFrom;
  }
  return { values, filledFrom };
}

function materialDone(context: ApplyContext, index: number): boolean {
  const material = context.draft?.materials[index];
  if (!material) return true;
  const state = context.materials[material.name];
  return state?.kind === 'captured' || state?.kind === 'licence' || (!material.required && state?.kind === 'skipped');
}

function firstMissingRequired(context: ApplyContext): number {
  const materials = context.draft?.materials ?? [];
  const index = materials.findIndex((material, i) => material.required && !materialDone(context, i));
  return Math.max(0, index);
}

/** The 亮证码 given for materials; left out when there are none. */
function licencesOf(context: ApplyContext): Pick<SubmitInput, 'licences'> {
  const licences = (context.draft?.materials ?? []).flatMap((material) => {
    const state = context.materials[material.name];
    return state?.kind === 'licence' ? [{ materialName: material.name, scanId: state.scanId }] : [];
  });
  return licences.length > 0 ? { licences } : {};
}

export function submitInputOf(context: ApplyContext, confirmationId: string): SubmitInput {
  const draft = context.draft;
  if (!draft) throw new Error('submit without a draft');
  return {
    confirmationId,
    matterCodes: [...context.matterCodes],
    lifeEventId: context.lifeEventId,
    form: formValuesToSend(draft.fields, context.values),
    materials: draft.materials.flatMap((material) => {
      const state = context.materials[material.name];
      return state?.kind === 'captured' ? [{ name: material.name, captureIds: [state.captureId] }] : [];
    }),
    ...licencesOf(context),
    delivery: deliveryToSend(context.delivery, draft),
  };
}

/**
 * 自助申报: signIn → loadingDraft → form (with the history consent) → materials (one by one) →
 * delivery → review → submitting → receipt. Errors come back to the step they are about, with
 * everything typed kept. The confirmationId is made once on 确认提交 and reused for a resend after
 * a transport failure, so core never records the same application twice.
 */
export const applyMachine = setup({
  types: {
    context: {} as ApplyContext,
    events: {} as ApplyEvent,
    input: {} as ApplyInput,
  },
  delays: {
    receiptIdle: APPLY_TIMEOUTS.receiptIdle,
    submitRetry: APPLY_TIMEOUTS.submitRetry,
  },
  actors: {
    startDraft: fromPromise<
      Outcome<ApplicationDraft>,
      { api: ApplyApi; matterCodes: string[]; lifeEventId: string | null }
    >(({ input }) => input.api.start({ matterCodes: input.matterCodes, lifeEventId: input.lifeEventId })),
    loadHistory: fromPromise<Outcome<Record<string, string>>, { api: ApplyApi; matterCodes: string[] }>(({ input }) =>
      input.api.historyPrefill({ matterCodes: input.matterCodes }),
    ),
    submit: fromPromise<Outcome<ApplicationReceipt>, { api: ApplyApi; request: SubmitInput }>(({ input }) =>
      input.api.submit(input.request),
    ),
    reprint: fromPromise<Outcome<PrintResult>, { api: ApplyApi; localRef: string }>(({ input }) =>
      input.api.reprint(input.localRef),
    ),
  },
  guards: {
    selfServiceAvailable: ({ context }) => context.selfServiceAvailable,
    hasHistory: ({ context }) => context.draft?.history != null,
    formValid: ({ context }) =>
      context.draft !== null && Object.keys(formProblems(context.draft.fields, context.values)).length === 0,
    reviewing: ({ context }) => context.reviewing,
    noMaterials: ({ context }) => (context.draft?.materials.length ?? 0) === 0,
    currentMaterialDone: ({ context }) => materialDone(context, context.materialIndex),
    currentMaterialOptional: ({ context }) => context.draft?.materials[context.materialIndex]?.required === false,
    lastMaterial: ({ context }) => context.materialIndex >= (context.draft?.materials.length ?? 0) - 1,
    firstMaterial: ({ context }) => context.materialIndex === 0,
    deliveryValid: ({ context }) => deliveryProblems(context.delivery).length === 0,
    mayRetryAutomatically: ({ context }) => context.submitAttempts <= AUTO_RETRIES,
  },
  actions: {
    clearNotice: assign({ notice: 'none' as ApplyNotice }),
    leaveReview: assign({ reviewing: false }),
    nextMaterial: assign(({ context }) => ({ materialIndex: context.materialIndex + 1 })),
    skipCurrent: assign(({ context }) => {
      const material = context.draft?.materials[context.materialIndex];
      return material ? { materials: { ...context.materials, [material.name]: { kind: 'skipped' as const } } } : {};
    }),
    discardCurrentCapture: ({ context }) => {
      const material = context.draft?.materials[context.materialIndex];
      const state = material ? context.materials[material.name] : undefined;
      if (state?.kind === 'captured') context.api.discard(state.captureId);
    },
  },
}).createMachine({
  id: 'apply',
  context: ({ input }) => ({
    api: input.api,
    matterCodes: input.matterCodes,
    lifeEventId: input.lifeEventId,
    selfServiceAvailable: input.selfServiceAvailable,
    session: null,
    draft: null,
    startError: null,
    values: {},
    filledFrom: {},
    showFormErrors: false,
    refusedFields: [],
    materialIndex: 0,
    materials: {},
    delivery: { method: 'pickUp', recipient: '', phone: '', detail: '', postcode: '' },
    showDeliveryErrors: false,
    reviewing: false,
    confirmationId: null,
    submitAttempts: 0,
    receipt: null,
    notice: 'none',
  }),
  on: {
    CAMERA_CHANGED: { actions: assign(({ event }) => ({ selfServiceAvailable: event.available })) },
  },
  initial: 'gate',
  states: {
    gate: {
      always: [{ guard: 'selfServiceAvailable', target: 'signIn' }, { target: 'cameraUnavailable' }],
    },
    // Said at the start, before anyone signs in: the journey offers 请人帮办 instead.
    cameraUnavailable: {
      on: { CAMERA_CHANGED: { guard: ({ event }) => event.available, target: 'signIn' } },
    },
    signIn: {
      on: {
        SIGNED_IN: { target: 'loadingDraft', actions: assign(({ event }) => ({ session: event.state })) },
        // The first device snapshot may arrive after the journey opened.
        CAMERA_CHANGED: { guard: ({ event }) => !event.available, target: 'cameraUnavailable' },
      },
    },
    loadingDraft: {
      invoke: {
        src: 'startDraft',
        input: ({ context }) => ({
          api: context.api,
          matterCodes: [...context.matterCodes],
          lifeEventId: context.lifeEventId,
        }),
        onDone: [
          {
            guard: ({ event }) => event.output.kind === 'ok',
            target: 'form',
            actions: assign(({ event }) => {
              if (event.output.kind !== 'ok') return {};
              const draft = event.output.value;
              return {
                draft,
                ...valuesFromDraft(draft.fields),
                delivery: initialDelivery(draft.fields, valuesFromDraft(draft.fields).values),
                startError: null,
              };
            }),
          },
          {
            guard: ({ event }) => event.output.kind === 'error' && event.output.code === 'notSignedIn',
            target: 'signIn',
          },
          {
            target: 'startFailed',
            actions: assign(({ event }) => ({ startError: event.output.kind === 'error' ? event.output.code : null })),
          },
        ],
      },
    },
    startFailed: {
      on: { RETRY: 'loadingDraft' },
    },
    /** The catalog changed under the resident: take the new draft, keep every value still asked for. */
    reloadingDraft: {
      invoke: {
        src: 'startDraft',
        input: ({ context }) => ({
          api: context.api,
          matterCodes: [...context.matterCodes],
          lifeEventId: context.lifeEventId,
        }),
        onDone: [
          {
            guard: ({ event }) => event.output.kind === 'ok',
            target: 'review',
            actions: assign(({ context, event }) => {
              if (event.output.kind !== 'ok') return {};
              const draft = event.output.value;
              const fresh = valuesFromDraft(draft.fields);
              const values = { ...fresh.values };
              for (const field of draft.fields) {
                const kept = context.values[field.name];
                if (kept !== undefined) values[field.name] = kept;
              }
              const names = new Set(draft.materials.map((m) => m.name));
              const materials = Object.fromEntries(
                Object.entries(context.materials).filter(([name]) => names.has(name)),
              );
              return { draft, values, materials, notice: 'catalogStale' };
            }),
          },
          {
            target: 'startFailed',
            actions: assign(({ event }) => ({ startError: event.output.kind === 'error' ? event.output.code : null })),
          },
        ],
      },
    },
    form: {
      initial: 'decide',
      states: {
        decide: {
          always: [{ guard: 'hasHistory', target: 'askConsent' }, { target: 'editing' }],
        },
        askConsent: {
          on: {
            ACCEPT_HISTORY: 'loadingHistory',
            DECLINE_HISTORY: 'editing',
          },
        },
        loadingHistory: {
          invoke: {
            src: 'loadHistory',
            input: ({ context }) => ({ api: context.api, matterCodes: [...context.matterCodes] }),
            onDone: {
              target: 'editing',
              actions: assign(({ context, event }) => {
                if (event.output.kind !== 'ok') return { notice: 'historyFailed' };
                const fields = context.draft?.fields ?? [];
                const values = { ...context.values };
                const filledFrom = { ...context.filledFrom };
                for (const field of fields) {
                  const remembered = event.output.value[field.name];
                  if (remembered === undefined || remembered === '') continue;
                  values[field.name] = remembered;
                  filledFrom[field.name] = 'history';
                }
                return { values, filledFrom };
              }),
            },
          },
        },
        editing: {
          on: {
            SET_FIELD: {
              actions: assign(({ context, event }) => ({
                values: { ...context.values, [event.name]: event.value },
                // An edited value is the resident's own now, not the card's or history's.
                filledFrom: { ...context.filledFrom, [event.name]: 'none' as FillSource },
                refusedFields: context.refusedFields.filter((name) => name !== event.name),
              })),
            },
            NEXT: [
              {
                guard: ({ context }) =>
                  context.draft !== null &&
                  Object.keys(formProblems(context.draft.fields, context.values)).length === 0 &&
                  context.reviewing,
                target: '#apply.review',
                actions: ['clearNotice', 'leaveReview'],
              },
              { guard: 'formValid', target: '#apply.materials', actions: 'clearNotice' },
              { actions: assign({ showFormErrors: true }) },
            ],
          },
        },
      },
    },
    materials: {
      initial: 'decide',
      states: {
        decide: {
          always: [{ guard: 'noMaterials', target: '#apply.delivery' }, { target: 'showing' }],
        },
        showing: {
          on: {
            START_CAPTURE: 'capturing',
            // The screen sends this only for a material a licence may stand for (acceptsLicenceCode).
            LICENCE_SCANNED: {
              actions: [
                'discardCurrentCapture',
                assign(({ context, event }) => {
                  const material = context.draft?.materials[context.materialIndex];
                  if (!material) return {};
                  return {
                    materials: {
                      ...context.materials,
                      [material.name]: { kind: 'licence' as const, scanId: event.scanId },
                    },
                    notice: 'none',
                  };
                }),
              ],
            },
            REMOVE_LICENCE: {
              actions: assign(({ context }) => {
                const material = context.draft?.materials[context.materialIndex];
                if (!material || context.materials[material.name]?.kind !== 'licence') return {};
                const { [material.name]: _removed, ...rest } = context.materials;
                return { materials: rest };
              }),
            },
            SKIP_MATERIAL: [
              {
                guard: ({ context }) =>
                  context.draft?.materials[context.materialIndex]?.required === false &&
                  context.materialIndex >= context.draft.materials.length - 1,
                target: '#apply.afterMaterials',
                actions: ['discardCurrentCapture', 'skipCurrent'],
              },
              {
                guard: 'currentMaterialOptional',
                actions: ['discardCurrentCapture', 'skipCurrent', 'nextMaterial', 'clearNotice'],
              },
            ],
            NEXT: [
              { guard: ({ context }) => !materialDone(context, context.materialIndex) },
              { guard: 'lastMaterial', target: '#apply.afterMaterials', actions: 'clearNotice' },
              { actions: ['nextMaterial', 'clearNotice'] },
            ],
            BACK: [
              { guard: 'firstMaterial', target: '#apply.form.editing' },
              { actions: assign(({ context }) => ({ materialIndex: context.materialIndex - 1 })) },
            ],
          },
        },
        capturing: {
          on: {
            CAPTURED: {
              target: 'showing',
              actions: [
                'discardCurrentCapture',
                assign(({ context, event }) => {
                  const material = context.draft?.materials[context.materialIndex];
                  if (!material) return {};
                  return {
                    materials: {
                      ...context.materials,
                      [material.name]: {
                        kind: 'captured' as const,
                        captureId: event.captureId,
                        pageCount: event.pageCount,
                      },
                    },
                    notice: 'none',
                  };
                }),
              ],
            },
            CANCEL_CAPTURE: 'showing',
          },
        },
      },
    },
    afterMaterials: {
      always: [{ guard: 'reviewing', target: 'review', actions: 'leaveReview' }, { target: 'delivery' }],
    },
    delivery: {
      entry: assign(({ context }) => ({ delivery: { ...context.delivery, ...deliveryGaps(context) } })),
      on: {
        SET_DELIVERY: {
          actions: assign(({ context, event }) => ({ delivery: { ...context.delivery, ...event.delivery } })),
        },
        NEXT: [
          { guard: 'deliveryValid', target: 'review', actions: 'leaveReview' },
          { actions: assign({ showDeliveryErrors: true }) },
        ],
        BACK: [{ guard: 'noMaterials', target: '#apply.form.editing' }, { target: '#apply.materials.showing' }],
      },
    },
    review: {
      // Arriving here means nothing was committed yet: a fresh confirmation is made on 确认提交.
      entry: assign({ confirmationId: null, submitAttempts: 0 }),
      on: {
        EDIT: [
          {
            guard: ({ event }) => event.step === 'form',
            target: '#apply.form.editing',
            actions: assign({ reviewing: true, notice: 'none' as ApplyNotice }),
          },
          {
            guard: ({ event }) => event.step === 'materials',
            target: '#apply.materials.showing',
            actions: assign({ reviewing: true, materialIndex: 0, notice: 'none' as ApplyNotice }),
          },
          { target: 'delivery', actions: assign({ reviewing: true, notice: 'none' as ApplyNotice }) },
        ],
        CONFIRM: {
          target: 'submitting',
          actions: assign(({ context }) => ({
            confirmationId: context.confirmationId ?? context.api.newConfirmationId(),
            notice: 'none',
          })),
        },
      },
    },
    submitting: {
      entry: assign(({ context }) => ({ submitAttempts: context.submitAttempts + 1 })),
      invoke: {
        src: 'submit',
        input: ({ context }) => ({ api: context.api, request: submitInputOf(context, context.confirmationId ?? '') }),
        onDone: [
          {
            guard: ({ event }) => event.output.kind === 'ok',
            target: 'receipt',
            actions: assign(({ event }) => (event.output.kind === 'ok' ? { receipt: event.output.value } : {})),
          },
          {
            guard: ({ event }) => event.output.kind === 'error' && event.output.code === 'invalidForm',
            target: '#apply.form.editing',
            actions: assign(({ context, event }) => ({
              notice: 'invalidForm',
              showFormErrors: true,
              reviewing: true,
              refusedFields:
                event.output.kind === 'error' ? fieldsNamedIn(event.output.message, context.draft?.fields ?? []) : [],
            })),
          },
          {
            guard: ({ event }) => event.output.kind === 'error' && event.output.code === 'materialMissing',
            target: '#apply.materials.showing',
            actions: assign(({ context }) => ({
              notice: 'materialMissing',
              reviewing: true,
              materialIndex: firstMissingRequired(context),
            })),
          },
          {
            // The staged PDFs are gone from core (e.g. it restarted): they must be taken again.
            guard: ({ event }) => event.output.kind === 'error' && event.output.code === 'captureMissing',
            target: '#apply.materials.showing',
            actions: assign({
              notice: 'captureMissing' as ApplyNotice,
              reviewing: true,
              materialIndex: 0,
              materials: {},
            }),
          },
          {
            guard: ({ event }) => event.output.kind === 'error' && event.output.code === 'catalogStale',
            target: 'reloadingDraft',
          },
          {
            guard: ({ event }) => event.output.kind === 'error' && event.output.code === 'notSelfService',
            target: 'notSelfService',
          },
          {
            guard: ({ event }) => event.output.kind === 'error' && event.output.code === 'notSignedIn',
            target: 'signIn',
          },
          {
            // transport, internal, notFound …: nothing says it was not committed, so resend the same.
            target: 'submitFailed',
            actions: assign({ notice: 'submitFailed' as ApplyNotice }),
          },
        ],
      },
    },
    submitFailed: {
      after: { submitRetry: { guard: 'mayRetryAutomatically', target: 'submitting' } },
      on: { RETRY: 'submitting' },
    },
    notSelfService: {},
    receipt: {
      after: { receiptIdle: 'done' },
      on: {
        REPRINT: 'reprinting',
        FINISH: 'done',
      },
    },
    reprinting: {
      invoke: {
        src: 'reprint',
        input: ({ context }) => ({ api: context.api, localRef: context.receipt?.localRef ?? '' }),
        onDone: {
          target: 'receipt',
          actions: assign(({ context, event }) =>
            event.output.kind === 'ok' && context.receipt
              ? {
                  receipt: { ...context.receipt, print: event.output.value },
                  notice: event.output.value.output === 'paper' ? 'none' : 'reprintFailed',
                }
              : { notice: 'reprintFailed' },
          ),
        },
      },
    },
    done: { type: 'final' },
  },
});

/**
 * The mailing fields start from the form (recipient, phone, address) but only where the resident
 * has not typed anything yet: what they typed here wins over what the form says now.
 */
function deliveryGaps(context: ApplyContext): Partial<DeliveryDraft> {
  const suggested = initialDelivery(context.draft?.fields ?? [], context.values);
  const gaps: { -readonly [K in keyof DeliveryDraft]?: DeliveryDraft[K] } = {};
  if (context.delivery.recipient === '') gaps.recipient = suggested.recipient;
  if (context.delivery.phone === '') gaps.phone = suggested.phone;
  if (context.delivery.detail === '') gaps.detail = suggested.detail;
  return gaps;
}

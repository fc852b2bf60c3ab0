import { assign, setup } from 'xstate';
import { applyActors, discardCapture } from './apply-api';
import { APPLY_TIMEOUTS, type ApplyContext, type ApplyEvent, type ApplyInput, type ApplyNotice } from './apply-context';
import { deliveryGaps, draftReloaded, draftStarted, submitInputOf } from './apply-draft';
import { deliveryProblems } from './delivery-draft';
import { fieldSet, formValid, historyApplied } from './form-phase';
import {
  currentCaptureId,
  currentLicenceRemoved,
  currentMaterialGiven,
  currentSkipped,
  materialDone,
} from './materials-phase';
import { AUTO_RETRIES, capturesLost, formRefused, materialRefused, reprinted } from './submit-phase';

/**
 * 自助申报: signIn → loadingDraft → form (with the history consent) → materials (one by one) →
 * delivery → review → submitting → receipt. Errors come back to the step they are about, with
 * everything typed kept. The confirmationId is made once on 确认提交 and reused for a resend after
 * a transport failure, so core never records the same application twice. This file is the chart;
 * what each phase does to the context is in form-phase.ts, materials-phase.ts, apply-draft.ts and
 * submit-phase.ts, the calls in apply-api.ts.
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
  actors: applyActors,
  guards: {
    selfServiceAvailable: ({ context }) => context.selfServiceAvailable,
    hasHistory: ({ context }) => context.draft?.history != null,
    formValid: ({ context }) => formValid(context),
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
    skipCurrent: assign(({ context }) => currentSkipped(context)),
    discardCurrentCapture: ({ context }) => {
      const captureId = currentCaptureId(context);
      if (captureId !== null) discardCapture(context.api, captureId);
    },
  },
}).createMachine({
  id: 'apply',
  context: ({ input }) => ({
    api: input.api,
    newConfirmationId: input.newConfirmationId ?? (() => crypto.randomUUID()),
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
            actions: assign(({ event }) => (event.output.kind === 'ok' ? draftStarted(event.output.value) : {})),
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
            actions: assign(({ context, event }) =>
              event.output.kind === 'ok' ? draftReloaded(context, event.output.value) : {},
            ),
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
              actions: assign(({ context, event }) =>
                event.output.kind === 'ok' ? historyApplied(context, event.output.value) : { notice: 'historyFailed' },
              ),
            },
          },
        },
        editing: {
          on: {
            SET_FIELD: { actions: assign(({ context, event }) => fieldSet(context, event.name, event.value)) },
            NEXT: [
              {
                guard: ({ context }) => formValid(context) && context.reviewing,
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
                assign(({ context, event }) =>
                  currentMaterialGiven(context, { kind: 'licence', scanId: event.scanId }),
                ),
              ],
            },
            REMOVE_LICENCE: { actions: assign(({ context }) => currentLicenceRemoved(context)) },
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
                assign(({ context, event }) =>
                  currentMaterialGiven(context, {
                    kind: 'captured',
                    captureId: event.captureId,
                    pageCount: event.pageCount,
                  }),
                ),
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
            confirmationId: context.confirmationId ?? context.newConfirmationId(),
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
            actions: assign(({ context, event }) =>
              formRefused(context, event.output.kind === 'error' ? event.output.message : ''),
            ),
          },
          {
            guard: ({ event }) => event.output.kind === 'error' && event.output.code === 'materialMissing',
            target: '#apply.materials.showing',
            actions: assign(({ context }) => materialRefused(context)),
          },
          {
            guard: ({ event }) => event.output.kind === 'error' && event.output.code === 'captureMissing',
            target: '#apply.materials.showing',
            actions: assign(capturesLost),
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
          actions: assign(({ context, event }) => reprinted(context, event.output)),
        },
      },
    },
    done: { type: 'final' },
  },
});

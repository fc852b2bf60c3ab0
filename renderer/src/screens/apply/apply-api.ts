import { fromPromise } from 'xstate';
import type { ApplicationDraft, ApplicationReceipt } from '../../../../core/api/applications';
import type { PrintResult } from '../../../../core/api/resident';
import type { InputOf } from '../../../../core/api/types';
import type { KioskContract } from '../../../../core/api/contract';
import type { ApiPart } from '../../api/api-part';

/** The calls the journey makes, and nothing else. */
export const applyMethods = [
  'application.start',
  'application.consentToHistory',
  'application.historyPrefill',
  'application.submit',
  'application.reprintReceipt',
  'capture.discard',
] as const;
export type ApplyApi = ApiPart<(typeof applyMethods)[number]>;

export type SubmitInput = InputOf<KioskContract, 'application.submit'>;

/** A call's answer as the chart routes on it: every failure an outcome, never a throw. */
export type Outcome<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'error'; readonly code: string; readonly message: string };

type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

function outcome<T>(answer: Answer<T>): Outcome<T> {
  return answer.ok
    ? { kind: 'ok', value: answer.value }
    : { kind: 'error', code: answer.error.code, message: answer.error.message };
}

/** The machine's invoked calls over its ApplyApi. */
export const applyActors = {
  startDraft: fromPromise<
    Outcome<ApplicationDraft>,
    { api: ApplyApi; matterCodes: string[]; lifeEventId: string | null }
  >(async ({ input }) =>
    outcome(await input.api['application.start']({ matterCodes: input.matterCodes, lifeEventId: input.lifeEventId })),
  ),
  loadHistory: fromPromise<Outcome<Record<string, string>>, { api: ApplyApi; matterCodes: string[] }>(
    async ({ input }) => {
      // The resident tapped yes on this screen: core records the consent for the card-signed-in
      // applicant, then reads the values back (a typed sign-in is refused at both steps).
      const consent = await input.api['application.consentToHistory']({});
      if (!consent.ok) return outcome(consent);
      const answer = await input.api['application.historyPrefill']({ matterCodes: input.matterCodes });
      return answer.ok ? { kind: 'ok', value: answer.value.values } : outcome(answer);
    },
  ),
  submit: fromPromise<Outcome<ApplicationReceipt>, { api: ApplyApi; request: SubmitInput }>(async ({ input }) =>
    outcome(await input.api['application.submit'](input.request)),
  ),
  reprint: fromPromise<Outcome<PrintResult>, { api: ApplyApi; localRef: string }>(async ({ input }) =>
    outcome(await input.api['application.reprintReceipt']({ localRef: input.localRef })),
  ),
};

/** Fire and forget: a capture the resident replaced is no longer needed in core. */
export function discardCapture(api: ApplyApi, captureId: string): void {
  void api['capture.discard']({ captureId });
}

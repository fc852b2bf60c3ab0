import type { ApplicationDraft, ApplicationReceipt, PrefilledField } from '../../../../core/api/applications';
import type { ResidentSessionState } from '../../../../core/api/resident';
import type { ApplyApi } from './apply-api';
import type { DeliveryDraft } from './delivery-draft';

/* The journey's context, events and timeouts: what its machine, its phases and its steps share. */

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
  /** Made once per 确认提交; tests give their own. */
  readonly newConfirmationId?: () => string;
  readonly matterCodes: readonly string[];
  readonly lifeEventId: string | null;
  /** useJourneyAvailability().selfServiceSubmission: false when the document camera is away. */
  readonly selfServiceAvailable: boolean;
}

export interface ApplyContext {
  readonly api: ApplyApi;
  readonly newConfirmationId: () => string;
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

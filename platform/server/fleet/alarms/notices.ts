import type { EpochMs, KioskStatus } from './state';
import type { AlarmKey, RuleId, Severity } from './rules';

/**
 * What the engine tells the world. Each alarm notice names its alarm by its stable key and the
 * time the alarm was raised (together: one episode). `at` is when the thing happened by the
 * evidence (a silence deadline, a heartbeat), which may be earlier than the `now` it was noticed.
 */

interface AlarmNoticeBase {
  readonly key: AlarmKey;
  readonly kioskId: string;
  readonly ruleId: RuleId;
  readonly severity: Severity;
  readonly at: EpochMs;
  readonly raisedAt: EpochMs;
}

export type Notice =
  | (AlarmNoticeBase & { readonly kind: 'raised' })
  /** The condition ended: the one "recovered" message of this alarm. */
  | (AlarmNoticeBase & { readonly kind: 'recovered' })
  /** The rule changed more than the threshold allows within the window; `changes` counts them. */
  | (AlarmNoticeBase & { readonly kind: 'flapping-started'; readonly changes: number })
  /**
   * The rule was still for the whole window. `stillActive` false: the alarm is closed (this is its
   * recovered message); true: the condition held on and the alarm stays open as an ordinary one.
   */
  | (AlarmNoticeBase & { readonly kind: 'flapping-ended'; readonly stillActive: boolean })
  | (AlarmNoticeBase & { readonly kind: 'acknowledged'; readonly by: string; readonly note?: string })
  | {
      readonly kind: 'status-changed';
      readonly kioskId: string;
      readonly at: EpochMs;
      readonly from: KioskStatus | null;
      readonly to: KioskStatus;
    };

export type NoticeKind = Notice['kind'];

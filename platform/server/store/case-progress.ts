import type { CaseProgress, CaseState, CaseStep, DeliveryOnRecord } from '../../contract/applications';
import type { MatterRef } from '../../contract/common';
import { chinaInstant } from '../time';

/**
 * The reference platform has no departments working on cases, so progress is derived from time:
 * a promised case (承诺件) moves from 村级受理 through 镇级审核 and 县级审批 to 办结 (待领取 or
 * 已邮寄) at fixed shares of the span between acceptance and the promised day (17:00 CST); a
 * mailed result counts as received three days later. 即办件 are finished at once. The same
 * case and `now` always give the same progress.
 */

export interface CaseRecord {
  readonly caseNo: string;
  readonly matter: MatterRef;
  readonly caseType: 'instant' | 'promised';
  readonly confirmedAt: string;
  readonly acceptedAt: string;
  readonly promisedBy: string | null;
  readonly delivery: DeliveryOnRecord;
  /** Where a picked-up result waits, as residents know it. */
  readonly pickUpPlace: string | null;
}

const HOUR_MS = 60 * 60 * 1000;
const MAIL_DELIVERY_MS = 3 * 24 * HOUR_MS;
const CLOSE_OF_BUSINESS = 17 * 60;

interface Phase {
  readonly state: CaseState;
  readonly stateName: string;
  readonly fromMs: number;
  /** Index of the step that is current during this phase; steps.length when all are done. */
  readonly currentStep: number;
}

function phases(record: CaseRecord, promisedBy: string): { phases: Phase[]; first: Phase; stepDoneAt: number[] } {
  const start = Date.parse(record.acceptedAt);
  const deadline = chinaInstant(promisedBy, CLOSE_OF_BUSINESS).getTime();
  const span = Math.max(deadline - start, HOUR_MS);
  const at = (share: number) => start + Math.round(span * share);
  const finished = at(0.8);
  const first: Phase = { state: 'accepted', stateName: '村级已受理', fromMs: start, currentStep: 1 };
  const list: Phase[] = [
    first,
    { state: 'inReview', stateName: '镇级审核中', fromMs: at(0.05), currentStep: 1 },
    { state: 'inReview', stateName: '县级审批中', fromMs: at(0.4), currentStep: 2 },
  ];
  if (record.delivery.method === 'pickUp') {
    list.push({ state: 'readyForPickup', stateName: '办结待领取', fromMs: finished, currentStep: 4 });
  } else {
    list.push({ state: 'mailed', stateName: '已邮寄', fromMs: finished, currentStep: 4 });
    list.push({ state: 'completed', stateName: '已办结', fromMs: finished + MAIL_DELIVERY_MS, currentStep: 4 });
  }
  return { phases: list, first, stepDoneAt: [start, at(0.4), finished, finished] };
}

function nextStepFor(state: CaseState, record: CaseRecord): string | null {
  switch (state) {
    case 'accepted':
    case 'inReview':
      return '正在办理, 无需再次提交; 如需补充材料会电话通知您';
    case 'readyForPickup':
      return `请携带身份证到${record.pickUpPlace ?? '受理地点'}领取`;
    case 'mailed':
      return '结果已邮寄, 请保持电话畅通';
    default:
      return null;
  }
}

export function caseProgress(record: CaseRecord, now: Date): CaseProgress {
  const base = {
    caseNo: record.caseNo,
    matter: record.matter,
    submittedAt: record.confirmedAt,
    promisedBy: record.promisedBy,
    delivery: record.delivery,
  };
  if (record.caseType === 'instant' || record.promisedBy === null) {
    const steps: CaseStep[] = [
      { name: '村级受理', state: 'done', at: record.acceptedAt },
      { name: '办结', state: 'done', at: record.acceptedAt, note: '即办件, 当场办结' },
    ];
    return { ...base, state: 'completed', stateName: '已办结', updatedAt: record.acceptedAt, steps, nextStep: null };
  }
  const { phases: list, first, stepDoneAt } = phases(record, record.promisedBy);
  const nowMs = now.getTime();
  const phase = [...list].reverse().find((entry) => entry.fromMs <= nowMs) ?? first;
  const names = ['村级受理', '镇级审核', '县级审批', record.delivery.method === 'pickUp' ? '办结待领取' : '办结邮寄'];
  const steps: CaseStep[] = names.map((name, index) => {
    const done = index < phase.currentStep;
    const doneAt = stepDoneAt[index];
    return {
      name,
      state: done ? 'done' : index === phase.currentStep ? 'current' : 'pending',
      at: done && doneAt !== undefined ? new Date(doneAt).toISOString() : null,
    };
  });
  return {
    ...base,
    state: phase.state,
    stateName: phase.stateName,
    updatedAt: new Date(phase.fromMs).toISOString(),
    steps,
    nextStep: nextStepFor(phase.state, record),
  };
}

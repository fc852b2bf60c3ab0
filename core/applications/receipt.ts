import type { KioskInfo } from '../api/contract';
import { receiptCodeText } from '../api/printed-codes';
import type { ReceiptBlock, ReceiptDocument } from '../../drivers/printer/receipt-document';
import { chinaDateTime } from '../time/china-time';
import { shortLocalRef, statusOf, type StoredApplication } from './application-store';

/** Printed whenever the platform does not have the application yet (docs/design-anchors.md §6.4). */
export const SAVED_OFFLINE_LINE = '已保存在本机，网络恢复后自动上报';

export const receiptIdOf = (localRef: string) => `receipt-${localRef}`;

/**
 * What the receipt's QR encodes: the county's progress page with the 办件编号, so a phone opens it
 * and the kiosk's scanner knows it (core/api/printed-codes.ts). A single delivered matter points
 * at its case; anything else at the local reference, which finds every matter of the application
 * here, and on the platform once delivered (it arrives as the submission's localRef).
 */
export function progressQrOf(application: StoredApplication, pageUrl: string | null): string {
  const only = application.matters.length === 1 ? application.matters[0] : undefined;
  const caseNo = only?.accepted?.caseNo;
  return receiptCodeText(
    pageUrl,
    caseNo ? { kind: 'case', caseNo } : { kind: 'localRef', localRef: application.localRef },
  );
}

/** The 回执 the resident takes home, in Chinese like every receipt of the station. */
export function applicationReceipt(info: KioskInfo, application: StoredApplication): ReceiptDocument {
  const offline = statusOf(application) !== 'delivered';
  const blocks: ReceiptBlock[] = [
    { kind: 'text', text: '自助申报回执', align: 'center', bold: true, size: 2 },
    { kind: 'text', text: info.station.name, align: 'center' },
    { kind: 'divider' },
  ];
  for (const matter of application.matters) {
    blocks.push({ kind: 'text', text: matter.matter.matterName, bold: true });
    blocks.push(
      matter.accepted
        ? { kind: 'pair', label: '办件编号', value: matter.accepted.caseNo }
        : { kind: 'pair', label: '本机受理号', value: shortLocalRef(application.localRef) },
    );
    blocks.push({ kind: 'pair', label: '承诺时限', value: timeLimitText(matter.promisedWorkingDays) });
    if (matter.accepted?.promisedBy)
      blocks.push({ kind: 'pair', label: '承诺办结日期', value: matter.accepted.promisedBy });
    for (const line of matter.accepted?.receiptLines ?? []) blocks.push({ kind: 'text', text: line });
  }
  blocks.push({ kind: 'divider' });
  if (offline) blocks.push({ kind: 'text', text: SAVED_OFFLINE_LINE, bold: true });
  blocks.push(
    { kind: 'pair', label: '提交时间', value: chinaDateTime(application.submittedAt) },
    {
      kind: 'pair',
      label: '领取方式',
      value: application.deliveryMethod === 'mail' ? '邮寄送达' : `窗口自取（${info.station.name}）`,
    },
    {
      kind: 'qr',
      data: progressQrOf(application, info.station.progressPageUrl ?? null),
      caption: '扫码或输入编号查询办理进度',
    },
    { kind: 'text', text: `咨询电话 ${info.station.hotline}`, align: 'center' },
    { kind: 'feed', lines: 2 },
  );
  return { id: receiptIdOf(application.localRef), blocks };
}

export function timeLimitText(promisedWorkingDays: number | null): string {
  return promisedWorkingDays === null || promisedWorkingDays === 0 ? '即办件' : `${promisedWorkingDays} 个工作日`;
}

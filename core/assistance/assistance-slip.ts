import type { ReceiptBlock, ReceiptDocument } from '../../drivers/printer/receipt-document';
import type { KioskInfo } from '../api/contract';
import { describeWhen } from '../station-hours/describe-when';
import { chinaDateTime } from '../time/china-time';
import { ASSISTANCE_KIND_LABELS } from './assistance-request';
import type { AssistanceRequestDelivery, StoredAssistanceRequest } from './assistance-store';

/**
 * The slip the resident takes home: the reference to quote, what happens next and whom to call.
 * What happens next is what will: within the platform's hours while staff are on duty, else the
 * day and hour they next are (`contactFrom`). Nothing the resident typed (phone, address) is
 * printed: the slip may be left on the kiosk.
 */
export function assistanceSlip(
  info: KioskInfo,
  stored: StoredAssistanceRequest,
  delivery: AssistanceRequestDelivery,
  contactFrom: string | null,
): ReceiptDocument {
  const hours = delivery.expectedContactWithinHours;
  const zone = info.station.timeZone;
  const requestedAt = new Date(stored.requestedAt);
  const promise =
    contactFrom !== null
      ? `工作人员将于${describeWhen(contactFrom, requestedAt, zone)}上班后与您联系`
      : stored.kind === 'agentAtStation'
        ? `帮办员将在 ${hours} 小时内到站`
        : `工作人员将在 ${hours} 小时内与您联系`;
  const blocks: ReceiptBlock[] = [
    { kind: 'text', text: '帮办代办求助单', align: 'center', bold: true, size: 2 },
    { kind: 'text', text: info.station.name, align: 'center' },
    { kind: 'divider' },
    { kind: 'pair', label: '参考号', value: delivery.reference, bold: true },
    { kind: 'pair', label: '求助方式', value: ASSISTANCE_KIND_LABELS[stored.kind] },
    { kind: 'pair', label: '时间', value: chinaDateTime(stored.requestedAt, zone) },
    { kind: 'text', text: promise, bold: true },
  ];
  if (delivery.status === 'savedOffline') {
    blocks.push({ kind: 'text', text: '已保存在本机，网络恢复后自动上报' });
  }
  blocks.push({ kind: 'divider' }, { kind: 'pair', label: '服务站热线', value: info.station.hotline });
  for (const agent of info.station.agents) {
    blocks.push({ kind: 'pair', label: `${agent.role} ${agent.name}`, value: agent.phone });
  }
  blocks.push({ kind: 'feed', lines: 2 });
  // One print per request: a retried call finds the slip already printed.
  return { id: `help-${stored.localRef}`, blocks };
}

import type { Ticket } from '../../platform/contract/queue';
import type { ReceiptBlock, ReceiptDocument } from '../../drivers/printer/receipt-document';
import { chinaDateTime } from '../time/china-time';

/**
 * The printed queue ticket (layout after drivers/printer sampleQueueTicket): the number big, the
 * service, people ahead and the estimated wait, the priority, the time and the station. A ticket
 * numbered offline says so, because staff call it from a reserved range.
 */
export function ticketDocument(
  ticket: Ticket,
  options: {
    stationName: string;
    offline: boolean;
    documentId?: string;
    /** The ticket's code (core/api/printed-codes.ts): scanned at the kiosk after the service, it opens the rating. */
    code?: string | null;
  },
): ReceiptDocument {
  const blocks: ReceiptBlock[] = [
    { kind: 'text', text: options.stationName, align: 'center', bold: true },
    { kind: 'text', text: '排队取号', align: 'center' },
    { kind: 'text', text: ticket.ticketNo, align: 'center', size: 3 },
    { kind: 'text', text: ticket.serviceName, align: 'center' },
    { kind: 'divider' },
    { kind: 'pair', label: '前面还有', value: `${ticket.waitingAhead} 人` },
    { kind: 'pair', label: '预计等待', value: `${ticket.estimatedWaitMinutes} 分钟` },
    { kind: 'pair', label: '类别', value: priorityLabel(ticket) },
    { kind: 'pair', label: '取号时间', value: chinaDateTime(new Date(ticket.issuedAt)) },
  ];
  if (options.offline) {
    blocks.push({ kind: 'divider' }, { kind: 'text', text: '离线取号：网络中断时由本机发放，号码有效', bold: true });
  }
  blocks.push({ kind: 'divider' }, { kind: 'text', text: '请留意叫号，过号请到窗口咨询' });
  if (options.code) blocks.push({ kind: 'qr', data: options.code, caption: '办完后在自助终端扫码评价（当天有效）' });
  blocks.push({ kind: 'feed', lines: 2 });
  return { id: options.documentId ?? `ticket-${ticket.ticketId}`, blocks };
}

/** Appointment tickets read 预约 whatever label the platform gave the class. */
function priorityLabel(ticket: Ticket): string {
  return ticket.priority.class === 'appointment' ? '预约' : ticket.priority.label;
}

/** The label a priority class has when the platform did not say (offline, unknown to the cache). */
export const DEFAULT_PRIORITY_LABELS = {
  normal: '普通',
  elderly: '老年人优先',
  disabled: '残疾人优先',
  appointment: '预约',
} as const;

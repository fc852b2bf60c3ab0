import type { Ticket } from '../../platform/contract/queue';
import type { ReceiptBlock, ReceiptDocument } from '../../drivers/printer/receipt-document';
import type { TicketWait } from '../api/queue-wait';
import { chinaClock, chinaDateTime } from '../time/china-time';

/**
 * The printed queue ticket (layout after drivers/printer sampleQueueTicket): the number big, the
 * service, people ahead and the wait, the priority, the time and the station. The wait is what
 * the screen shows (api/queue-wait.ts): minutes and about when, the hour calling starts, or that
 * today may not reach this number. A ticket numbered offline says so, because staff call it from
 * a reserved range.
 */
export function ticketDocument(
  ticket: Ticket,
  options: {
    stationName: string;
    offline: boolean;
    wait: TicketWait;
    timeZone: string;
    documentId?: string;
    /** The ticket's code (core/api/printed-codes.ts): scanned at the kiosk after the service, it opens the rating. */
    code?: string | null;
  },
): ReceiptDocument {
  const clock = (at: string) => chinaClock(new Date(at), options.timeZone);
  const blocks: ReceiptBlock[] = [
    { kind: 'text', text: options.stationName, align: 'center', bold: true },
    { kind: 'text', text: '排队取号', align: 'center' },
    { kind: 'text', text: ticket.ticketNo, align: 'center', size: 3 },
    { kind: 'text', text: ticket.serviceName, align: 'center' },
    { kind: 'divider' },
    { kind: 'pair', label: '前面还有', value: `${ticket.waitingAhead} 人` },
    ...waitBlocks(options.wait, clock),
    { kind: 'pair', label: '类别', value: priorityLabel(ticket) },
    { kind: 'pair', label: '取号时间', value: chinaDateTime(new Date(ticket.issuedAt), options.timeZone) },
  ];
  if (options.offline) {
    blocks.push({ kind: 'divider' }, { kind: 'text', text: '离线取号：网络中断时由本机发放，号码有效', bold: true });
  }
  blocks.push({ kind: 'divider' }, { kind: 'text', text: '请留意叫号，过号请到窗口咨询' });
  if (options.code) blocks.push({ kind: 'qr', data: options.code, caption: '办完后在自助终端扫码评价（当天有效）' });
  blocks.push({ kind: 'feed', lines: 2 });
  return { id: options.documentId ?? `ticket-${ticket.ticketId}`, blocks };
}

function waitBlocks(wait: TicketWait, clock: (at: string) => string): ReceiptBlock[] {
  switch (wait.kind) {
    case 'minutes':
      return [{ kind: 'pair', label: '预计等待', value: `约 ${wait.minutes} 分钟（${clock(wait.callAt)} 左右）` }];
    case 'startsAt':
      return [
        { kind: 'pair', label: '叫号开始', value: `今天 ${clock(wait.startsAt)}`, bold: true },
        { kind: 'pair', label: '预计叫到', value: `${clock(wait.callAt)} 左右` },
      ];
    case 'beyondToday':
      return [
        {
          kind: 'text',
          text: `排队人数较多，今天 ${clock(wait.dayEndsAt)} 下班前可能叫不到，请到窗口咨询`,
          bold: true,
        },
      ];
  }
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

import type { Appointment } from '../../platform/contract/appointments';
import { maskName } from '../../drivers/idcard/mask';
import type { ReceiptDocument } from '../../drivers/printer/receipt-document';
import { chinaClock, chinaDateTime } from '../time/china-time';

/**
 * The booking slip (预约凭条): what, where, when, the appointment number, and what to do on the day.
 * The name is masked here whatever the platform sent (the contract says it sends it masked): a slip
 * may be left on the kiosk, and the emulated printer keeps a copy in the data folder.
 */
export function appointmentSlip(
  appointment: Appointment,
  options: {
    stationName: string;
    place: string;
    printedAt: Date;
    /** The slip's code (core/api/printed-codes.ts): scanned at the kiosk on the day, it starts the check-in. */
    code?: string | null;
  },
): ReceiptDocument {
  const starts = new Date(appointment.startsAt);
  return {
    id: `appointment-${appointment.appointmentId}`,
    blocks: [
      { kind: 'text', text: options.stationName, align: 'center', bold: true },
      { kind: 'text', text: '预约凭条', align: 'center', size: 2 },
      { kind: 'divider' },
      { kind: 'pair', label: '预约号', value: appointment.appointmentId, bold: true },
      { kind: 'pair', label: '办理事项', value: appointment.matter.matterName },
      { kind: 'pair', label: '办理地点', value: options.place },
      {
        kind: 'pair',
        label: '预约时间',
        value: `${chinaDateTime(starts)}-${chinaClock(new Date(appointment.endsAt))}`,
      },
      { kind: 'pair', label: '预约人', value: maskName(appointment.applicantName) },
      { kind: 'divider' },
      { kind: 'text', text: '请按时到达并在自助终端签到', bold: true },
      ...(options.code ? [{ kind: 'qr' as const, data: options.code, caption: '签到时扫描此码，再放身份证' }] : []),
      { kind: 'barcode128', data: appointment.appointmentId },
      { kind: 'pair', label: '打印时间', value: chinaDateTime(options.printedAt) },
      { kind: 'feed', lines: 2 },
    ],
  };
}

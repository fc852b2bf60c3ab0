import { describe, expect, it } from 'vitest';
import type { Appointment } from '../../platform/contract/appointments';
import { appointmentSlip } from './appointment-slip';

const appointment = (applicantName: string): Appointment => ({
  appointmentId: 'AP-20261121-0001',
  status: 'booked',
  servicePointId: '370784-JZ-DB',
  startsAt: '2026-11-23T01:00:00.000Z',
  endsAt: '2026-11-23T01:30:00.000Z',
  matter: { matterCode: '370784-CJ-018', matterVersion: 1, matterName: '最低生活保障' },
  applicantName,
  bookedAt: '2026-11-21T08:00:00.000Z',
  checkedInAt: null,
  cancelledAt: null,
});

const slipText = (name: string) =>
  appointmentSlip(appointment(name), { stationName: '东埠村便民服务站', place: '东埠村', printedAt: new Date() })
    .blocks.flatMap((block) => ('value' in block ? [block.value] : 'text' in block ? [block.text] : []))
    .join('\n');

describe('appointmentSlip', () => {
  it('prints the name masked even when the platform sent it in full', () => {
    const text = slipText('王秀兰');
    expect(text).toContain('王*兰');
    expect(text).not.toContain('秀');
    expect(slipText('欧阳娜娜')).toContain('欧**娜');
  });

  it('leaves a name the platform masked already as it is', () => {
    expect(slipText('张*明')).toContain('张*明');
    expect(slipText('张*')).toContain('张*');
  });

  it("carries the slip's code for the check-in when the station has a progress page", () => {
    const page = 'https://zwfw.example.gov.cn/anqiu/progress';
    const slip = appointmentSlip(appointment('王秀兰'), {
      stationName: '东埠村便民服务站',
      place: '东埠村',
      printedAt: new Date(),
      code: `${page}?appointment=AP-20261121-0001`,
    });
    expect(slip.blocks).toContainEqual({
      kind: 'qr',
      data: `${page}?appointment=AP-20261121-0001`,
      caption: '签到时扫描此码，再放身份证',
    });
    // Without a page: the barcode for the window only, no QR.
    const plain = appointmentSlip(appointment('王秀兰'), { stationName: '站', place: '村', printedAt: new Date() });
    expect(plain.blocks.some((block) => block.kind === 'qr')).toBe(false);
  });
});

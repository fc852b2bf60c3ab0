import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ServiceMap } from '../../../../core/api/care';
import type { AppointmentDay, AppointmentReceipt, CheckInReceipt, QueueOverview } from '../../../../core/api/queue';
import type { ServicePoint } from '../../../../platform/contract/service-points';
import type { Appointment } from '../../../../platform/contract/appointments';
import { err, ok } from '../../../../core/pure/result';
import { ELDER_MAX_CHOICES } from '../../styles/sizes';
import { choicesIn, speechMarks } from '../../test/elder-checks';
import { renderJourney, shownJourney } from '../../journey/testing/render-journey';
import { SLIP_SHOWN_MS } from './appointment-outcome';

// The sign-in screen is another journey's; here it is a button that signs in at once.
vi.mock('../signin/SignIn', () => ({
  SignIn: (props: { purpose: string; onSignedIn: (state: unknown) => void; onCancel: () => void }) => (
    <div data-testid="fake-signin" data-purpose={props.purpose}>
      <button type="button" onClick={() => props.onSignedIn({ applicant: null, agent: null })}>
        fake-sign-in
      </button>
      <button type="button" onClick={props.onCancel}>
        fake-cancel
      </button>
    </div>
  ),
}));

function point(id: string, name: string, lat: number, bookable = true): ServicePoint {
  return {
    id,
    kind: 'townServiceCentre',
    name,
    address: `${name}地址`,
    regionCode: '370784',
    location: { lat, lng: 119.2, system: 'gcj02' },
    open24h: false,
    openingHours: [{ days: [1, 2, 3, 4, 5], opens: '08:30', closes: '17:30' }],
    phone: null,
    services: [],
    matterCodes: [],
    bookable,
    selfServiceTerminal: false,
    accessible: true,
  };
}

const serviceMap: ServiceMap = {
  version: '2025.1',
  publishedAt: '2025-01-01T00:00:00.000Z',
  regionCode: '370784',
  isSample: true,
  servicePoints: [
    point('far-centre', '安丘市政务服务中心', 36.9),
    point('near-centre', '景芝镇便民服务中心', 36.31),
    point('village', '东景芝村便民服务站', 36.3, false),
  ],
  source: 'platform',
  herePointId: null,
};

const appointment: Appointment = {
  appointmentId: 'APPT-0001',
  status: 'booked',
  servicePointId: 'near-centre',
  startsAt: '2025-03-17T01:00:00.000Z',
  endsAt: '2025-03-17T01:30:00.000Z',
  matter: { matterCode: '370784-CJ-020', matterVersion: 1, matterName: '临时救助' },
  applicantName: '张*明',
  bookedAt: '2025-03-14T02:00:00.000Z',
  checkedInAt: null,
  cancelledAt: null,
};

const booked: AppointmentReceipt = { appointment, print: { output: 'paper', problem: null } };
const checkedIn: CheckInReceipt = {
  appointment: { ...appointment, status: 'checkedIn', checkedInAt: '2025-03-17T00:55:00.000Z' },
  ticket: {
    ticketId: 'TK-20250317-A003',
    ticketNo: 'A003',
    prefix: 'A',
    number: 3,
    serviceCode: 'SOCIAL',
    serviceName: '社保医保',
    stationId: 'TEST-STATION',
    date: '2025-03-17',
    priority: { class: 'appointment', weight: 80, label: '预约优先' },
    waitingAhead: 1,
    estimatedWaitMinutes: 5,
    issuedAt: '2025-03-17T00:55:00.000Z',
    issuedBy: 'KIOSK-TEST-01',
    source: 'online',
  },
  wait: { kind: 'minutes', minutes: 5, callAt: '2025-03-17T01:00:00.000Z' },
  print: { output: 'paper', problem: null },
};

const emptyOverview: QueueOverview = {
  source: 'platform',
  updatedAt: null,
  services: [],
  calling: null,
  today: { date: '2025-03-17', weekday: 1, kind: 'workday', holiday: null },
};

/** A day as appointment.days gives it: an open working day unless said otherwise. */
function day(date: string, remaining: number, more: Partial<AppointmentDay> = {}): AppointmentDay {
  return { date, remaining, status: remaining > 0 ? 'open' : 'full', dayKind: 'workday', holiday: null, ...more };
}

const bookingHandlers = {
  'serviceMap.points': () => ok(serviceMap),
  'appointment.days': () =>
    ok({
      servicePointId: 'near-centre',
      days: [day('2025-03-14', 0), day('2025-03-15', 0, { status: 'rest', dayKind: 'weekend' }), day('2025-03-17', 5)],
    }),
  'appointment.slots': () =>
    ok({
      servicePointId: 'near-centre',
      date: '2025-03-17',
      slots: [
        {
          slotId: 'SLOT-0900',
          servicePointId: 'near-centre',
          startsAt: '2025-03-17T01:00:00.000Z',
          endsAt: '2025-03-17T01:30:00.000Z',
          capacity: 4,
          remaining: 2,
          matterCodes: [],
        },
      ],
    }),
  'appointment.book': () => ok(booked),
} as const;

async function typePhone(user: ReturnType<typeof renderJourney>['user'], phone: string) {
  const pad = await screen.findByTestId('appointment-phone');
  for (const digit of phone) await user.click(within(pad).getByRole('button', { name: `数字 ${digit}` }));
  await user.click(screen.getByTestId('appointment-phone-next'));
}

describe('appointment journey: book', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('matter → nearest point → day → slot → sign in → phone → confirm → slip', async () => {
    const { user, fake, shell } = renderJourney(
      { kind: 'appointment', matterCode: null, servicePointId: null },
      { handlers: bookingHandlers },
    );
    const matters = await screen.findByTestId('appointment-matters');
    await user.click(within(matters).getByText('临时救助'));

    const points = await screen.findByTestId('appointment-points');
    const tiles = points.querySelectorAll('[data-point]');
    // Only bookable points, nearest to the station first.
    expect([...tiles].map((t) => t.getAttribute('data-point'))).toEqual(['near-centre', 'far-centre']);
    expect(tiles[0]?.textContent).toContain('离本站最近');
    await user.click(tiles[0] as HTMLElement);

    const days = await screen.findByTestId('appointment-days');
    // A Saturday says 休息, not 已约满; a working day with every slot taken says 已约满.
    const saturday = days.querySelector<HTMLButtonElement>('[data-date="2025-03-15"]');
    expect(saturday?.disabled).toBe(true);
    expect(saturday?.textContent).toContain('休息');
    expect(saturday?.textContent).not.toContain('已约满');
    expect(days.querySelector('[data-date="2025-03-14"]')?.textContent).toContain('已约满');
    expect(days.querySelector('[data-date="2025-03-17"]')?.textContent).toContain('剩余 5 个名额');
    await user.click(days.querySelector<HTMLButtonElement>('[data-date="2025-03-17"]') as HTMLElement);
    expect(fake.callsTo('appointment.days')).toEqual([{ servicePointId: 'near-centre', matterCode: '370784-CJ-020' }]);

    const slots = await screen.findByTestId('appointment-slots');
    expect(slots.textContent).toContain('09:00–09:30');
    await user.click(within(slots).getByText('09:00–09:30'));

    expect((await screen.findByTestId('fake-signin')).getAttribute('data-purpose')).toBe('appointment');
    await user.click(screen.getByText('fake-sign-in'));

    // A wrong number is caught before anything is sent.
    await typePhone(user, '12345');
    expect(screen.getByRole('alert').textContent).toContain('号码不对');
    await user.click(within(screen.getByTestId('appointment-phone')).getByText('清空'));
    await typePhone(user, '13800000000');

    const confirm = await screen.findByTestId('appointment-confirm');
    expect(confirm.textContent).toContain('临时救助');
    expect(confirm.textContent).toContain('景芝镇便民服务中心');
    expect(confirm.textContent).toContain('13800000000');
    await user.dblClick(screen.getByTestId('appointment-confirm-submit'));

    const slip = await screen.findByTestId('appointment-slip');
    expect(slip.textContent).toContain('APPT-0001');
    expect(fake.callsTo('appointment.book')).toHaveLength(1);
    expect(fake.callsTo('appointment.book')[0]).toMatchObject({
      slotId: 'SLOT-0900',
      matterCode: '370784-CJ-020',
      phone: '13800000000',
    });
    expect(screen.getByTestId('appointment-booked').textContent).toContain('请取走预约凭条');
    await user.click(screen.getByText('评价本次服务'));
    expect(shownJourney(shell)).toBe('rating');
  });

  it('with matter and point given it starts at the days, and the slip goes home after SLIP_SHOWN_MS', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { user, shell } = renderJourney(
      { kind: 'appointment', matterCode: '370784-CJ-020', servicePointId: 'near-centre' },
      {
        handlers: {
          ...bookingHandlers,
          'appointment.book': () => ok({ ...booked, print: { output: 'screen', problem: 'paperOut' } }),
        },
        fakeTimers: true,
      },
    );
    const days = await screen.findByTestId('appointment-days');
    await user.click(days.querySelector<HTMLButtonElement>('[data-date="2025-03-17"]') as HTMLElement);
    await user.click(within(await screen.findByTestId('appointment-slots')).getByText('09:00–09:30'));
    await user.click(await screen.findByText('fake-sign-in'));
    await typePhone(user, '13800000000');
    await user.click(await screen.findByTestId('appointment-confirm-submit'));
    expect((await screen.findByTestId('appointment-on-screen')).textContent).toContain('请记下或拍下');
    act(() => {
      vi.advanceTimersByTime(SLIP_SHOWN_MS);
    });
    // On screen it stays longer than on paper.
    expect(shownJourney(shell)).toBe('appointment');
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(shownJourney(shell)).toBe('farewell');
  });

  it('platform unavailable: says booking needs the network, with the hotline; retry keeps the choices', async () => {
    let down = true;
    const { user } = renderJourney(
      { kind: 'appointment', matterCode: '370784-CJ-020', servicePointId: 'near-centre' },
      {
        handlers: {
          ...bookingHandlers,
          'appointment.days': () =>
            down
              ? err({ code: 'platformUnavailable', message: 'down' })
              : ok({ servicePointId: 'near-centre', days: [day('2025-03-17', 5)] }),
        },
      },
    );
    const problem = await screen.findByTestId('appointment-problem');
    expect(problem.textContent).toContain('预约需要联网，请稍后再试或拨打服务热线 0536-4000123');
    down = false;
    await user.click(within(problem).getByText('再试一次'));
    expect(await screen.findByTestId('appointment-days')).toBeTruthy();
  });

  it('slotFull: back to fresh slots of the same day, saying why', async () => {
    const { user, fake } = renderJourney(
      { kind: 'appointment', matterCode: '370784-CJ-020', servicePointId: 'near-centre' },
      { handlers: { ...bookingHandlers, 'appointment.book': () => err({ code: 'slotFull', message: 'full' }) } },
    );
    const days = await screen.findByTestId('appointment-days');
    await user.click(days.querySelector<HTMLButtonElement>('[data-date="2025-03-17"]') as HTMLElement);
    await user.click(within(await screen.findByTestId('appointment-slots')).getByText('09:00–09:30'));
    await user.click(await screen.findByText('fake-sign-in'));
    await typePhone(user, '13800000000');
    await user.click(await screen.findByTestId('appointment-confirm-submit'));
    await screen.findByText('这个时间刚刚被约满了，请重新选择时间。');
    expect(screen.getByTestId('appointment-slots')).toBeTruthy();
    expect(fake.callsTo('appointment.slots')).toHaveLength(2);
  });
});

describe('appointment journey: 长辈版', () => {
  const eightDays = Array.from({ length: 8 }, (_, i) => day(`2025-03-${String(17 + i)}`, 5));
  const eightSlots = Array.from({ length: 8 }, (_, i) => ({
    slotId: `SLOT-${i}`,
    servicePointId: 'near-centre',
    startsAt: `2025-03-17T0${i}:00:00.000Z`,
    endsAt: `2025-03-17T0${i}:30:00.000Z`,
    capacity: 4,
    remaining: 2,
    matterCodes: [],
  }));

  it('every step offers at most six choices and marks a title and a hint for voice mode', async () => {
    const { user, shell } = renderJourney(
      { kind: 'appointment', matterCode: null, servicePointId: null },
      {
        handlers: {
          ...bookingHandlers,
          'appointment.days': () => ok({ servicePointId: 'near-centre', days: eightDays }),
          'appointment.slots': () => ok({ servicePointId: 'near-centre', date: '2025-03-17', slots: eightSlots }),
        },
      },
    );
    act(() => shell.send({ type: 'SET_PROFILE', profile: 'elder' }));
    const journey = await screen.findByTestId('appointment-journey');
    const step = () => ({ choices: choicesIn(journey), ...speechMarks(journey) });

    await user.click(within(await screen.findByTestId('appointment-matters')).getByText('临时救助'));
    await user.click((await screen.findByTestId('appointment-points')).querySelector('[data-point]') as HTMLElement);

    // Eight days: four to a page with the two page buttons.
    const days = await screen.findByTestId('appointment-days');
    expect(days.querySelectorAll('[data-date]')).toHaveLength(4);
    expect(step()).toMatchObject({
      titles: ['预约办事', '景芝镇便民服务中心 · 请选择日期'],
      hints: ['点一下要去的日期，灰色的日期不能预约', '第 1 页，共 2 页'],
    });
    expect(step().choices).toBeLessThanOrEqual(ELDER_MAX_CHOICES);
    await user.click(days.querySelector('[data-date="2025-03-17"]') as HTMLElement);

    // Eight times beside 选择其他日期: three to a page, so the step still offers six at most.
    const slots = await screen.findByTestId('appointment-slots');
    expect(slots.querySelectorAll('[data-slot]')).toHaveLength(3);
    await user.click(screen.getByTestId('choice-pages-next'));
    expect(step().choices).toBe(ELDER_MAX_CHOICES);
    expect(step().hints[0]).toBe('点一下要去的时间');
    await user.click(screen.getByTestId('appointment-slots').querySelector('[data-slot]') as HTMLElement);
    await user.click(await screen.findByText('fake-sign-in'));

    // The phone pad is one input: the pad and 下一步 (which, with no number yet, says why it waits).
    await screen.findByTestId('appointment-phone');
    expect(step()).toMatchObject({
      choices: 2,
      titles: ['预约办事', '请输入手机号码'],
      hints: ['用于接收预约短信，工作人员也会通过它联系您'],
    });
    await typePhone(user, '13800000000');

    // The phone number on the summary is not read out.
    await screen.findByTestId('appointment-confirm');
    expect(step()).toMatchObject({ choices: 1, titles: ['预约办事', '请核对预约信息'] });
    expect(step().hints.join()).not.toContain('13800000000');
    await user.click(screen.getByTestId('appointment-confirm-submit'));
    await screen.findByTestId('appointment-slip');
    expect(step()).toMatchObject({ choices: 2, titles: ['预约办事', '预约成功'], hints: ['请取走预约凭条'] });
  });
});

describe('appointment journey: check in', () => {
  it("signs in, lists today's appointments, checks one in and shows its priority ticket", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    vi.setSystemTime(new Date('2025-03-16T17:00:00.000Z')); // 2025-03-17 01:00 in China
    try {
      const { user, fake } = renderJourney(
        { kind: 'checkIn' },
        {
          fakeTimers: true,
          handlers: {
            'serviceMap.points': () => ok(serviceMap),
            'appointment.mine': () => ok({ appointments: [appointment] }),
            'appointment.checkIn': () => ok(checkedIn),
          },
        },
      );
      expect((await screen.findByTestId('fake-signin')).getAttribute('data-purpose')).toBe('checkIn');
      await user.click(screen.getByText('fake-sign-in'));
      const mine = await screen.findByTestId('appointment-mine');
      expect(fake.callsTo('appointment.mine')).toEqual([{ date: '2025-03-17' }]);
      await user.click(within(mine).getByText('临时救助'));
      const done = await screen.findByTestId('appointment-checked-in');
      expect(screen.getByTestId('ticket-number').textContent).toBe('A003');
      expect(done.textContent).toContain('预约优先');
      expect(fake.callsTo('appointment.checkIn')).toEqual([
        { confirmationId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown, appointmentId: 'APPT-0001' },
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('no appointment today: plain message and 取号 opens the ticket journey', async () => {
    const { user, shell } = renderJourney(
      { kind: 'checkIn' },
      {
        handlers: {
          'appointment.mine': () => ok({ appointments: [{ ...appointment, status: 'checkedIn' }] }),
          'queue.overview': () => ok(emptyOverview),
        },
      },
    );
    await user.click(await screen.findByText('fake-sign-in'));
    const none = await screen.findByTestId('appointment-none-today');
    expect(none.textContent).toContain('您今天没有预约');
    await user.click(within(none).getByText('取号'));
    expect(shownJourney(shell)).toBe('ticket');
  });

  it('platform unavailable at check-in says so with the hotline', async () => {
    const { user } = renderJourney(
      { kind: 'checkIn' },
      { handlers: { 'appointment.mine': () => err({ code: 'platformUnavailable', message: 'down' }) } },
    );
    await user.click(await screen.findByText('fake-sign-in'));
    expect((await screen.findByTestId('appointment-problem')).textContent).toContain('预约需要联网');
  });

  it('cancelling the sign-in leaves the journey', async () => {
    const { user, shell } = renderJourney({ kind: 'checkIn' });
    await user.click(await screen.findByText('fake-cancel'));
    expect(shownJourney(shell)).toBe('home');
  });
});

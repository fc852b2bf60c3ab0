import { fixtureInfo } from '../../test/fixture-catalog';
import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { err, ok } from '../../../../core/pure/result';
import { TICKET_ON_SCREEN_MS, TICKET_SHOWN_MS } from './ticket-machine';
import { ELDER_MAX_CHOICES } from '../../styles/sizes';
import { choicesIn, speechMarks } from '../../test/elder-checks';
import { renderJourney, shownJourney } from '../../journey/testing/render-journey';
import type { QueueOverview, QueueServiceView, TicketReceipt } from '../../../../core/api/queue';
import type { Ticket } from '../../../../platform/contract/queue';

const tile = (code: string) =>
  screen.getByTestId('ticket-services').querySelector<HTMLButtonElement>(`[data-service="${code}"]`);

async function chooseService(code: string) {
  await screen.findByTestId('ticket-services');
  const button = tile(code);
  if (!button) throw new Error(`no tile ${code}`);
  return button;
}

const priorities: QueueServiceView['priorities'] = [
  { class: 'normal', weight: 0, label: '普通' },
  { class: 'elderly', weight: 50, label: '老年人优先' },
  { class: 'disabled', weight: 50, label: '残疾人优先' },
  { class: 'appointment', weight: 80, label: '预约优先' },
];

function queueService(overrides: Partial<QueueServiceView> = {}): QueueServiceView {
  return {
    serviceCode: 'SOCIAL',
    name: '社保医保',
    prefix: 'A',
    dailyCap: 200,
    issuedToday: 11,
    waiting: 4,
    estimatedWaitMinutes: 20,
    open: true,
    priorities,
    offlineNumbersLeft: 20,
    ...overrides,
  };
}

function queueOverview(overrides: Partial<QueueOverview> = {}): QueueOverview {
  return {
    source: 'platform',
    updatedAt: '2025-03-14T01:30:00.000Z',
    services: [
      queueService(),
      queueService({ serviceCode: 'CIVIL', name: '民政优待', prefix: 'B', open: false }),
      queueService({ serviceCode: 'HOUSING', name: '不动产', prefix: 'C', dailyCap: 50, issuedToday: 50 }),
    ],
    calling: null,
    today: { date: '2025-03-14', weekday: 5, kind: 'workday', holiday: null },
    ...overrides,
  };
}

function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    ticketId: 'TK-20250314-A012',
    ticketNo: 'A012',
    prefix: 'A',
    number: 12,
    serviceCode: 'SOCIAL',
    serviceName: '社保医保',
    stationId: 'TEST-STATION',
    date: '2025-03-14',
    priority: { class: 'normal', weight: 0, label: '普通' },
    waitingAhead: 4,
    estimatedWaitMinutes: 20,
    issuedAt: '2025-03-14T01:31:00.000Z',
    issuedBy: 'KIOSK-TEST-01',
    source: 'online',
    ...overrides,
  };
}

function ticketReceipt(overrides: Partial<TicketReceipt> = {}): TicketReceipt {
  return {
    ticket: ticket(),
    offline: false,
    wait: { kind: 'minutes', minutes: 20, callAt: '2025-03-14T01:51:00.000Z' },
    print: { output: 'paper', problem: null },
    ...overrides,
  };
}

// Check-in (opened from here) starts with the sign-in screen, which is another journey's.
vi.mock('../signin/SignIn', () => ({ SignIn: () => <div data-testid="fake-signin" /> }));

describe('ticket journey', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('takes a normal ticket: tiles with counts, one call, the big number and 请取走小票', async () => {
    const { user, fake, shell } = renderJourney(
      { kind: 'ticket' },
      {
        handlers: {
          'queue.overview': () => ok(queueOverview()),
          'queue.takeTicket': () => ok(ticketReceipt()),
        },
      },
    );
    const social = await chooseService('SOCIAL');
    expect(social.textContent).toContain('等候 4 人');
    expect(social.textContent).toContain('约 20 分钟');
    // Closed and full services say so on the tile and cannot be chosen.
    expect(tile('CIVIL')?.disabled).toBe(true);
    expect(tile('CIVIL')?.textContent).toContain('暂停取号');
    expect(tile('HOUSING')?.textContent).toContain('今日号已取完');
    expect(screen.queryByTestId('ticket-offline-banner')).toBeNull();

    await user.click(social);
    const priority = await screen.findByTestId('ticket-priority');
    await user.click(within(priority).getByText('普通号'));

    const view = await screen.findByTestId('ticket-view');
    expect(screen.getByTestId('ticket-number').textContent).toBe('A012');
    expect(view.textContent).toContain('前面还有 4 人');
    expect(view.textContent).toContain('预计等待 20 分钟');
    expect(view.textContent).toContain('09:31');
    expect(screen.getByTestId('ticket-take-paper').textContent).toBe('请取走小票');
    const [input] = fake.callsTo('queue.takeTicket') as Array<{ confirmationId: string; priority: string }>;
    expect(input).toMatchObject({ serviceCode: 'SOCIAL', priority: 'normal', matterCode: null });
    expect(input?.confirmationId).toMatch(/^[0-9a-f-]{36}$/);

    await user.click(screen.getByTestId('ticket-done'));
    expect(shownJourney(shell)).toBe('farewell');
  });

  it('a double press on 绿色通道 is one call with one confirmationId', async () => {
    let answer: (value: TicketReceipt) => void = () => undefined;
    const { user, fake } = renderJourney(
      { kind: 'ticket' },
      {
        handlers: {
          'queue.overview': () => ok(queueOverview()),
          'queue.takeTicket': () =>
            new Promise((resolve) => {
              answer = (value) => resolve(ok(value));
            }),
        },
      },
    );
    await user.click(await chooseService('SOCIAL'));
    const elderly = within(await screen.findByTestId('ticket-priority'))
      .getByText('老年人')
      .closest('button');
    if (!elderly) throw new Error('no elderly button');
    await user.click(elderly);
    await user.dblClick(elderly);
    expect(elderly.disabled).toBe(true);
    expect(screen.getByText('正在取号，请稍候…')).toBeTruthy();
    expect(fake.callsTo('queue.takeTicket')).toHaveLength(1);
    expect(fake.callsTo('queue.takeTicket')[0]).toMatchObject({ priority: 'elderly' });
    act(() =>
      answer(ticketReceipt({ ticket: ticket({ priority: { class: 'elderly', weight: 50, label: '老年人优先' } }) })),
    );
    expect((await screen.findByTestId('ticket-view')).textContent).toContain('老年人优先');
    expect(fake.callsTo('queue.takeTicket')).toHaveLength(1);
  });

  it('offline: says so on top, and the ticket from the range is valid', async () => {
    const { user } = renderJourney(
      { kind: 'ticket' },
      {
        handlers: {
          'queue.overview': () =>
            ok(queueOverview({ source: 'offline', services: [queueService({ offlineNumbersLeft: 3 })] })),
          'queue.takeTicket': () => ok(ticketReceipt({ offline: true, ticket: ticket({ source: 'offlineRange' }) })),
        },
      },
    );
    expect((await screen.findByTestId('ticket-offline-banner')).textContent).toBe('网络中断，本机取号，号码有效');
    const social = await chooseService('SOCIAL');
    expect(social.textContent).toContain('本机还可取 3 个号');
    await user.click(social);
    await user.click(within(await screen.findByTestId('ticket-priority')).getByText('普通号'));
    expect((await screen.findByTestId('ticket-view')).textContent).toContain('号码有效');
  });

  it('offline with no numbers left shows it on the tile', async () => {
    renderJourney(
      { kind: 'ticket' },
      {
        handlers: {
          'queue.overview': () =>
            ok(queueOverview({ source: 'offline', services: [queueService({ offlineNumbersLeft: 0 })] })),
        },
      },
    );
    const social = await chooseService('SOCIAL');
    expect(social.disabled).toBe(true);
    expect(social.textContent).toContain('本机号码已用完');
  });

  it('printer out: the whole ticket on screen with 请记下或拍下, and it stays longer', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { user, shell } = renderJourney(
      { kind: 'ticket' },
      {
        fakeTimers: true,
        output: 'screen',
        handlers: {
          'queue.overview': () => ok(queueOverview()),
          'queue.takeTicket': () => ok(ticketReceipt({ print: { output: 'screen', problem: 'paperOut' } })),
        },
      },
    );
    expect((await screen.findByTestId('ticket-printer-paused')).textContent).toContain('打印机暂停使用');
    await user.click(await chooseService('SOCIAL'));
    await user.click(within(await screen.findByTestId('ticket-priority')).getByText('普通号'));
    expect((await screen.findByTestId('ticket-on-screen')).textContent).toBe('打印机暂停使用，请记下或拍下您的号码');
    expect(screen.getByTestId('ticket-view').textContent).toContain('前面还有 4 人');
    expect(screen.queryByTestId('ticket-take-paper')).toBeNull();

    act(() => {
      vi.advanceTimersByTime(TICKET_SHOWN_MS + 1000);
    });
    expect(screen.getByTestId('ticket-view')).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(TICKET_ON_SCREEN_MS - TICKET_SHOWN_MS);
    });
    expect(shownJourney(shell)).toBe('farewell');
  });

  it('the printed ticket goes home by itself after TICKET_SHOWN_MS', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { user, shell } = renderJourney(
      { kind: 'ticket' },
      {
        fakeTimers: true,
        handlers: {
          'queue.overview': () => ok(queueOverview()),
          'queue.takeTicket': () => ok(ticketReceipt()),
        },
      },
    );
    await user.click(await chooseService('SOCIAL'));
    await user.click(within(await screen.findByTestId('ticket-priority')).getByText('普通号'));
    await screen.findByTestId('ticket-view');
    act(() => {
      vi.advanceTimersByTime(TICKET_SHOWN_MS - 1000);
    });
    expect(shownJourney(shell)).toBe('ticket');
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(shownJourney(shell)).toBe('farewell');
    expect(screen.queryByTestId('ticket-view')).toBeNull();
  });

  it.each([
    ['dailyCapReached', '今天这项业务的号已经取完了'],
    ['queueClosed', '暂停取号'],
    ['noOfflineNumbers', '本机可用的号码已经用完'],
    ['transport', '没有取到号'],
  ] as const)('%s is said in plain words with the hotline', async (code, words) => {
    const { user, fake } = renderJourney(
      { kind: 'ticket' },
      {
        handlers: {
          'queue.overview': () => ok(queueOverview()),
          'queue.takeTicket': () => err({ code, message: 'test' }),
        },
      },
    );
    await user.click(await chooseService('SOCIAL'));
    await user.click(within(await screen.findByTestId('ticket-priority')).getByText('普通号'));
    const problem = await screen.findByTestId('ticket-problem');
    expect(problem.textContent).toContain(words);
    expect(problem.textContent).toContain('0536-4000123');
    // Back to the services asks for fresh counts.
    await user.click(within(problem).getByText('返回业务列表'));
    await screen.findByTestId('ticket-services');
    expect(fake.callsTo('queue.overview')).toHaveLength(2);
  });

  it('a new press after a failure is a new confirmationId', async () => {
    let first = true;
    const { user, fake } = renderJourney(
      { kind: 'ticket' },
      {
        handlers: {
          'queue.overview': () => ok(queueOverview()),
          'queue.takeTicket': () => {
            if (first) {
              first = false;
              return err({ code: 'transport', message: 'lost' });
            }
            return ok(ticketReceipt());
          },
        },
      },
    );
    await user.click(await chooseService('SOCIAL'));
    await user.click(within(await screen.findByTestId('ticket-priority')).getByText('普通号'));
    await user.click(within(await screen.findByTestId('ticket-problem')).getByText('再试一次'));
    await user.click(within(await screen.findByTestId('ticket-priority')).getByText('普通号'));
    await screen.findByTestId('ticket-view');
    const ids = (fake.callsTo('queue.takeTicket') as Array<{ confirmationId: string }>).map((c) => c.confirmationId);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });

  it('appointment holders are sent to check-in, and 评价本次服务 opens the rating', async () => {
    const { user, shell } = renderJourney(
      { kind: 'ticket' },
      {
        handlers: {
          'queue.overview': () => ok(queueOverview()),
          'queue.takeTicket': () => ok(ticketReceipt()),
        },
      },
    );
    await user.click(await chooseService('SOCIAL'));
    await user.click(within(await screen.findByTestId('ticket-priority')).getByText('我已预约'));
    expect(shownJourney(shell)).toBe('checkIn');
    await screen.findByTestId('fake-signin');

    act(() => shell.send({ type: 'OPEN_JOURNEY', journey: { kind: 'ticket' } }));
    await user.click(await chooseService('SOCIAL'));
    await user.click(within(await screen.findByTestId('ticket-priority')).getByText('普通号'));
    await user.click(await screen.findByText('评价本次服务'));
    expect(shownJourney(shell)).toBe('rating');
  });

  it('shows at most six services per page', async () => {
    const many = Array.from({ length: 8 }, (_, i) =>
      queueService({ serviceCode: `S${i}`, name: `业务${i}`, prefix: String.fromCharCode(65 + i) }),
    );
    const { user } = renderJourney(
      { kind: 'ticket' },
      { handlers: { 'queue.overview': () => ok(queueOverview({ services: many })) } },
    );
    const list = await screen.findByTestId('ticket-services');
    expect(list.querySelectorAll('button')).toHaveLength(6);
    await user.click(screen.getByText('下一页'));
    expect(screen.getByTestId('ticket-services').querySelectorAll('button')).toHaveLength(2);
  });

  it('in 长辈版 pages the services to fit six choices, and each step has a title and a hint to speak', async () => {
    const many = Array.from({ length: 8 }, (_, i) =>
      queueService({ serviceCode: `S${i}`, name: `业务${i}`, prefix: String.fromCharCode(65 + i) }),
    );
    const { user, shell } = renderJourney(
      { kind: 'ticket' },
      {
        handlers: {
          'queue.overview': () => ok(queueOverview({ services: many })),
          'queue.takeTicket': () => ok(ticketReceipt()),
        },
      },
    );
    act(() => shell.send({ type: 'SET_PROFILE', profile: 'elder' }));
    const journey = await screen.findByTestId('ticket-journey');
    await screen.findByTestId('ticket-services');
    // Eight services: four to a page with 上一页 / 下一页, so never more than six choices.
    expect(screen.getByTestId('ticket-services').querySelectorAll('button')).toHaveLength(4);
    expect(choicesIn(journey)).toBeLessThanOrEqual(ELDER_MAX_CHOICES);
    expect(speechMarks(journey)).toMatchObject({
      titles: ['取号排队'],
      hints: ['请选择要办理的业务', '第 1 页，共 2 页'],
    });
    await user.click(screen.getByTestId('choice-pages-next'));
    expect(
      [...screen.getByTestId('ticket-services').querySelectorAll('[data-service]')].map((b) =>
        b.getAttribute('data-service'),
      ),
    ).toEqual(['S4', 'S5', 'S6', 'S7']);

    await user.click(tile('S5') as HTMLButtonElement);
    const priority = await screen.findByTestId('ticket-priority');
    expect(choicesIn(journey)).toBeLessThanOrEqual(ELDER_MAX_CHOICES);
    expect(speechMarks(journey).titles).toEqual(['取号排队', '业务5 · 请选择取号类型']);
    expect(speechMarks(journey).hints).toEqual(['老年人、残疾人可以选绿色通道，优先叫号']);

    await user.click(within(priority).getByText('普通号'));
    await screen.findByTestId('ticket-view');
    // The queue number is read out (it says nothing about the person), then what to do.
    expect(speechMarks(journey)).toEqual({ titles: ['取号排队', '您的号码', 'A012'], hints: ['请取走小票'] });
    expect(choicesIn(journey)).toBe(2);
  });

  describe('out of hours', () => {
    // Sunday 22 November 2026, 14:00 China time on the kiosk's clock.
    const sunday = { ...fixtureInfo, clockOffsetMs: Date.parse('2026-11-22T06:00:00.000Z') - Date.now() };

    it('on a rest day says calling starts Monday 08:30, and no tile offers minutes or a number', async () => {
      const { fake } = renderJourney(
        { kind: 'ticket' },
        {
          info: sunday,
          handlers: {
            'queue.overview': () =>
              ok(
                queueOverview({
                  services: [queueService({ open: false, waiting: 0, estimatedWaitMinutes: 1121 })],
                  calling: {
                    state: 'offDuty',
                    next: {
                      startsAt: '2026-11-23T00:30:00.000Z',
                      day: { date: '2026-11-23', weekday: 1, kind: 'workday', holiday: null },
                    },
                  },
                  today: { date: '2026-11-22', weekday: 7, kind: 'weekend', holiday: null },
                }),
              ),
          },
        },
      );
      const social = await chooseService('SOCIAL');
      expect(screen.getByTestId('ticket-calling').textContent).toBe(
        '今天休息，不叫号，下次 明天（周一）08:30 开始叫号。',
      );
      expect(social.disabled).toBe(true);
      expect(social.textContent).toContain('今天不再叫号');
      expect(screen.getByTestId('ticket-journey').textContent).not.toMatch(/分钟/);
      expect(fake.callsTo('queue.takeTicket')).toHaveLength(0);
    });

    it('on a public holiday names it', async () => {
      renderJourney(
        { kind: 'ticket' },
        {
          info: { ...fixtureInfo, clockOffsetMs: Date.parse('2026-10-01T02:00:00.000Z') - Date.now() },
          handlers: {
            'queue.overview': () =>
              ok(
                queueOverview({
                  calling: {
                    state: 'offDuty',
                    next: {
                      startsAt: '2026-10-08T00:30:00.000Z',
                      day: { date: '2026-10-08', weekday: 4, kind: 'workday', holiday: null },
                    },
                  },
                  today: { date: '2026-10-01', weekday: 4, kind: 'holiday', holiday: '国庆节' },
                }),
              ),
          },
        },
      );
      await chooseService('SOCIAL');
      expect(screen.getByTestId('ticket-calling').textContent).toBe(
        '今天国庆节放假，不叫号，下次 10月8日（周四）08:30 开始叫号。',
      );
    });

    it('before opening: a ticket can be taken, the tile and the ticket say when calling starts', async () => {
      const { user } = renderJourney(
        { kind: 'ticket' },
        {
          info: { ...fixtureInfo, clockOffsetMs: Date.parse('2026-11-23T00:00:00.000Z') - Date.now() },
          handlers: {
            'queue.overview': () =>
              ok(
                queueOverview({
                  calling: {
                    state: 'laterToday',
                    startsAt: '2026-11-23T00:30:00.000Z',
                    dayEndsAt: '2026-11-23T09:30:00.000Z',
                  },
                  today: { date: '2026-11-23', weekday: 1, kind: 'workday', holiday: null },
                }),
              ),
            'queue.takeTicket': () =>
              ok(
                ticketReceipt({
                  wait: { kind: 'startsAt', startsAt: '2026-11-23T00:30:00.000Z', callAt: '2026-11-23T00:40:00.000Z' },
                }),
              ),
          },
        },
      );
      const social = await chooseService('SOCIAL');
      expect(screen.getByTestId('ticket-calling').textContent).toContain('今天 08:30 开始叫号');
      expect(social.textContent).toContain('08:30 开始叫号');
      expect(social.textContent).not.toContain('分钟');
      await user.click(social);
      await user.click(await screen.findByText('普通号'));
      const wait = await screen.findByTestId('ticket-wait');
      expect(wait.textContent).toContain('今天 08:30 开始叫号');
      expect(wait.textContent).toContain('预计 08:40 左右叫到您');
    });
  });
});

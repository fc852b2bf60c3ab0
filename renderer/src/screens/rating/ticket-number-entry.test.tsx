import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CompletedService } from '../../../../core/api/resident';
import { err, ok, type Result } from '../../../../core/pure/result';
import type { TicketByNumber, TicketByNumberError } from '../../../../core/api/ticket-rating';
import { RATING_LEVEL_LABELS, type RatingOptionSet } from '../../../../platform/contract/ratings';
import type { FakeHandlers } from '../../test/fake-host';
import { speechMarks } from '../../test/elder-checks';
import { RatingJourney } from './RatingJourney';
import { renderJourney } from './render-journey.testing';

const AT = '2026-12-07T10:20:00.000+08:00';
const options: RatingOptionSet & { source: 'platform' } = {
  version: 'RO-2026.1',
  publishedAt: AT,
  isSample: true,
  source: 'platform',
  levels: ([5, 4, 3, 2, 1] as const).map((level) => ({
    level,
    label: RATING_LEVEL_LABELS[level],
    options: [{ code: `code${level}`, label: `选项${level}` }],
  })),
};

/** A visit with nothing rated yet; the platform finds A012 finished, then the visit lists it. */
type Lookup = (input: { ticketNo: string }) => Result<TicketByNumber, { code: TicketByNumberError; message: string }>;

function visit(lookup: Lookup): FakeHandlers {
  const services: CompletedService[] = [];
  return {
    'session.completedServices': () => ok([...services]),
    'rating.options': () => ok(options),
    'rating.submit': () => ok({ status: 'delivered' as const, workOrderNo: null, followUpBy: null }),
    'rating.ticketByNumber': (input) => {
      const answer = lookup(input);
      if (answer.ok)
        services.push({
          kind: 'ticket',
          ref: answer.value.service.ref,
          title: `取号 ${answer.value.ticketNo}`,
          matterCode: null,
          completedAt: AT,
          rated: false,
        });
      return answer;
    },
  };
}

const keys = () => within(screen.getByTestId('ticket-number-keys'));
const press = async (user: { click: (element: Element) => Promise<void> }, ...typed: string[]) => {
  for (const key of typed)
    await user.click(
      keys()
        .getAllByRole('button')
        .find((b) => b.dataset['key'] === key)!,
    );
};

describe('rating a window service by its ticket number', () => {
  it('types A, 1, 2, asks for A012 and rates it with the normal form', async () => {
    const lookup = vi.fn(() => ok({ ticketNo: 'A012', service: { kind: 'ticket' as const, ref: 'TK-20261207-0012' } }));
    const { user } = renderJourney(<RatingJourney onExit={() => undefined} />, visit(lookup));
    await user.click(await screen.findByTestId('rating-by-number'));
    expect(screen.getByTestId('ticket-number-confirm')).toHaveProperty('disabled', true);
    // Digits before a letter cannot be typed.
    expect(
      keys()
        .getAllByRole('button')
        .find((b) => b.dataset['key'] === '1'),
    ).toHaveProperty('disabled', true);
    await press(user, 'A', '1', '2');
    expect(screen.getByTestId('ticket-number-typed').textContent).toBe('A012');
    await user.click(screen.getByTestId('ticket-number-confirm'));
    expect(lookup.mock.calls.map((call) => (call as unknown[])[0])).toEqual([{ ticketNo: 'A12' }]);
    await screen.findByTestId('rating-form');
    expect(screen.getByTestId('rating-service-title').textContent).toContain('取号 A012');
  });

  it('says why a number cannot be rated: not finished, already rated, platform unreachable', async () => {
    const answers = [
      err({ code: 'ticketNotFinished' as const, message: 'not yet' }),
      err({ code: 'alreadyRated' as const, message: 'rated' }),
      err({ code: 'platformUnavailable' as const, message: 'offline' }),
    ];
    const { user } = renderJourney(
      <RatingJourney onExit={() => undefined} />,
      visit(() => answers.shift()!),
    );
    await user.click(await screen.findByTestId('rating-by-number'));
    await press(user, 'B', '0', '0', '7');
    const problem = async () => {
      await user.click(screen.getByTestId('ticket-number-confirm'));
      return (await screen.findByTestId('ticket-number-problem')).textContent;
    };
    expect(await problem()).toBe('B007 号还没有在窗口办结，办完后再来评价。');
    expect(await problem()).toBe('B007 号已经评价过了，每次服务只评价一次。');
    expect(await problem()).toContain('什么也没有丢失');
    expect(screen.queryByTestId('rating-form')).toBeNull();
  });

  it('长辈版: the same pad, a spoken title and hint, and the problem read out', async () => {
    const { user } = renderJourney(
      <RatingJourney onExit={() => undefined} />,
      visit(() => err({ code: 'ticketNotFound' as const, message: 'none' })),
      { profile: 'elder' },
    );
    await user.click(await screen.findByTestId('rating-by-number'));
    const entry = screen.getByTestId('ticket-number-entry');
    expect(entry.className).toContain('ticket-number-entry--elder');
    await press(user, 'C', '3');
    await user.click(screen.getByTestId('ticket-number-confirm'));
    await screen.findByTestId('ticket-number-problem');
    expect(speechMarks(entry)).toEqual({
      titles: ['输入您的票号'],
      hints: ['先按票上的字母，再按数字，例如 A012。办完业务后即可评价。', '今天本站没有 C003 号，请核对票号。'],
    });
  });
});

import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openGroup, openMatter, renderKiosk, startVisit } from '../test/render-kiosk';

const pressed = (name: string) =>
  within(screen.getByTestId('language-switch')).getByRole('button', { name }).getAttribute('aria-pressed');

describe('idle reset', () => {
  beforeEach(() => {
    // Fake timers that still move with real time, so awaiting the UI works as usual.
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('after ui.attractAfterIdleSeconds returns to attract and forgets language, filters and the open guide', async () => {
    const { user, fake } = renderKiosk({ fakeTimers: true });
    await startVisit(user);
    expect(fake.callsTo('session.end')).toHaveLength(0);
    await user.click(within(screen.getByTestId('language-switch')).getByRole('button', { name: 'English' }));
    await openGroup(user, '[data-theme=elderly]');
    await user.click(within(screen.getByTestId('handling-filter')).getByRole('button', { name: 'Handled for you' }));
    await screen.findByText('1 service');
    await openMatter(user, '370784-CJ-020');
    expect(document.documentElement.lang).toBe('en');

    act(() => {
      vi.advanceTimersByTime(90_000);
    });
    expect(screen.getByTestId('idle-warning').textContent).toContain('30 seconds');
    expect(screen.getByTestId('guide-screen')).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(30_000);
    });

    expect(await screen.findByTestId('attract-screen')).toBeTruthy();
    // Core forgets the visit too (card data, captured pages).
    expect(fake.callsTo('session.end')).toHaveLength(1);
    expect(screen.queryByTestId('guide-screen')).toBeNull();
    expect(screen.queryByTestId('idle-warning')).toBeNull();
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(pressed('中文')).toBe('true');
    expect(screen.getByTestId('attract-screen').textContent).toContain('轻触屏幕 开始办事');

    // The next visitor starts from home, with nothing chosen.
    await startVisit(user);
    expect(screen.getByTestId<HTMLButtonElement>('back-button').disabled).toBe(true);
    await openGroup(user, '[data-theme=elderly]');
    expect(
      within(screen.getByTestId('handling-filter')).getByRole('button', { name: '全部' }).getAttribute('aria-pressed'),
    ).toBe('true');
  });

  it('any touch starts the idle time again', async () => {
    const { user } = renderKiosk({ fakeTimers: true });
    await startVisit(user);
    act(() => {
      vi.advanceTimersByTime(100_000);
    });
    expect(screen.getByTestId('idle-warning')).toBeTruthy();
    // A touch on something that is not a control still counts.
    await user.pointer({ keys: '[TouchA]', target: screen.getByRole('heading', { level: 1 }) });
    expect(screen.queryByTestId('idle-warning')).toBeNull();
    act(() => {
      vi.advanceTimersByTime(100_000);
    });
    expect(screen.getByTestId('home-screen')).toBeTruthy();
    await user.keyboard('{Shift}');
    act(() => {
      vi.advanceTimersByTime(119_000);
    });
    expect(screen.getByTestId('home-screen')).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    expect(await screen.findByTestId('attract-screen')).toBeTruthy();
  });

  it('the warning button keeps the visit', async () => {
    const { user } = renderKiosk({ fakeTimers: true });
    await startVisit(user);
    act(() => {
      vi.advanceTimersByTime(95_000);
    });
    await user.click(within(screen.getByTestId('idle-warning')).getByRole('button', { name: '需要，继续办理' }));
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(screen.getByTestId('home-screen')).toBeTruthy();
  });
});

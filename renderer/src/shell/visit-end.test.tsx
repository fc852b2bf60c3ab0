import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openGroup, renderKiosk, startVisit } from '../test/render-kiosk';
import { FAREWELL_MS } from './shell-machine';

const pressed = (name: string) =>
  within(screen.getByTestId('language-switch')).getByRole('button', { name }).getAttribute('aria-pressed');

/**
 * A visit ends when its resident is done (docs/privacy.md): 结束办理 or 完成 at the end of a
 * journey show a farewell that reminds them to take their card, and core forgets them at once;
 * a card of someone else read by core starts a fresh visit for the person now at the kiosk.
 */
describe('the end of a visit', () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('结束办理 says to take the ID card, ends the session in core once, then shows the attract screen', async () => {
    const { user, fake } = renderKiosk({ fakeTimers: true });
    await startVisit(user);
    await user.click(within(screen.getByTestId('language-switch')).getByRole('button', { name: 'English' }));
    await user.click(screen.getByTestId('end-visit-button'));

    const farewell = await screen.findByTestId('farewell-screen');
    expect(farewell.textContent).toContain('Please take your ID card');
    expect(fake.callsTo('session.end')).toHaveLength(1);
    // The bottom bar's way back is hidden: the visit is over.
    expect(screen.getByTestId<HTMLButtonElement>('back-button').disabled).toBe(true);
    expect(screen.getByTestId<HTMLButtonElement>('end-visit-button').disabled).toBe(true);

    act(() => {
      vi.advanceTimersByTime(FAREWELL_MS);
    });
    expect(await screen.findByTestId('attract-screen')).toBeTruthy();
    // Not twice: the attract screen after the farewell ends nothing new.
    expect(fake.callsTo('session.end')).toHaveLength(1);
    expect(pressed('中文')).toBe('true');
  });

  it('好的 leaves the farewell at once', async () => {
    const { user } = renderKiosk({ fakeTimers: true });
    await startVisit(user);
    await user.click(screen.getByTestId('end-visit-button'));
    expect((await screen.findByTestId('farewell-screen')).textContent).toContain('请取走您的身份证');
    await user.click(screen.getByTestId('farewell-ok'));
    expect(await screen.findByTestId('attract-screen')).toBeTruthy();
  });

  it('a visit core ended (another person’s card) starts afresh at home with nothing of the previous one', async () => {
    const { user, fake } = renderKiosk({ fakeTimers: true });
    await startVisit(user);
    await user.click(within(screen.getByTestId('language-switch')).getByRole('button', { name: 'English' }));
    await openGroup(user, '[data-theme=elderly]');
    act(() => fake.emit('session.visitEnded', { reason: 'anotherPersonsCard' }));
    expect(await screen.findByTestId('home-screen')).toBeTruthy();
    expect(screen.queryByTestId('browse-screen')).toBeNull();
    expect(pressed('中文')).toBe('true');
    // Core already ended it, and kept the new card for the new visit: the renderer must not end it again.
    expect(fake.callsTo('session.end')).toHaveLength(0);
  });
});

import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ok } from '../../../../core/pure/result';
import { readAnnouncement } from '../../voice/read-announcement';
import { fixtureInfo } from '../../test/fixture-catalog';
import { renderKiosk, startVisit } from '../../test/render-kiosk';

const MESSAGE = '设备维护中，请到窗口办理';
const outOfService = { state: 'outOfService' as const, message: MESSAGE, since: '2026-11-21T08:00:00.000Z' };

/**
 * Out of service by the county console (core/fleet/commands/out-of-service.ts): the notice takes
 * the attract screen's place, nobody can start a visit from it, a visit under way finishes first,
 * and the technician's gesture still opens the PIN pad above it.
 */
describe('the out-of-service notice', () => {
  it('shows the staff message and the hotline instead of the attract screen, and nothing starts a visit', async () => {
    renderKiosk({ handlers: { 'kiosk.serviceState': () => ok(outOfService) } });
    const notice = await screen.findByTestId('out-of-service-screen');
    expect(screen.getByTestId('out-of-service-message').textContent).toBe(MESSAGE);
    expect(screen.getByTestId('out-of-service-hotline').textContent).toBe(fixtureInfo.station.hotline);
    expect(notice.textContent).toContain('本机暂停服务');
    expect(screen.queryByTestId('attract-screen')).toBeNull();
    // No language or 长辈版 buttons: each would start a visit.
    expect(screen.queryByTestId('language-switch')).toBeNull();
    fireEvent.click(notice);
    fireEvent.click(screen.getByTestId('out-of-service-message'));
    expect(screen.queryByTestId('home-screen')).toBeNull();
    expect(screen.getByTestId('out-of-service-screen')).toBeTruthy();
    // Voice mode reads the title, the message and the hotline.
    const shell = document.querySelector('.shell');
    expect(shell && readAnnouncement(shell).texts).toEqual([
      '本机暂停服务',
      MESSAGE,
      `如需帮助，请拨打服务热线 ${fixtureInfo.station.hotline}`,
    ]);
  });

  it('follows service.changed: the notice comes at once on attract and goes when the kiosk is back', async () => {
    const { fake, user } = renderKiosk();
    await screen.findByTestId('attract-screen');
    act(() => fake.emit('service.changed', outOfService));
    expect(await screen.findByTestId('out-of-service-screen')).toBeTruthy();
    act(() => fake.emit('service.changed', { state: 'inService' }));
    expect(await startVisit(user)).toBeTruthy();
  });

  it('lets a visit under way finish, then shows the notice when the screen returns to attract', async () => {
    const { fake, user } = renderKiosk();
    await startVisit(user);
    act(() => fake.emit('service.changed', outOfService));
    // Still the resident's visit: nothing of it is cut short.
    expect(screen.getByTestId('home-screen')).toBeTruthy();
    expect(screen.queryByTestId('out-of-service-screen')).toBeNull();
    await user.click(screen.getByTestId('end-visit-button'));
    await user.click(await screen.findByTestId('farewell-ok'));
    expect(await screen.findByTestId('out-of-service-screen')).toBeTruthy();
  });

  it('keeps the technician’s hidden gesture above the notice', async () => {
    renderKiosk({ handlers: { 'kiosk.serviceState': () => ok(outOfService) } });
    await screen.findByTestId('out-of-service-screen');
    await act(() => Promise.resolve());
    for (let tap = 0; tap < 5; tap += 1) fireEvent.pointerDown(document.body, { clientX: 10, clientY: 10 });
    expect(await screen.findByTestId('technician-pin')).toBeTruthy();
  });
});

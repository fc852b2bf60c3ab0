import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fixtureInfo } from '../test/fixture-catalog';
import { renderKiosk, startVisit } from '../test/render-kiosk';

describe('shell frame', () => {
  it('takes the default language and the orientation override from kiosk.info', async () => {
    renderKiosk({ info: { ...fixtureInfo, ui: { ...fixtureInfo.ui, defaultLocale: 'en', orientation: 'landscape' } } });
    const attract = await screen.findByTestId('attract-screen');
    expect(attract.textContent).toContain('Touch the screen to start');
    expect(document.documentElement.lang).toBe('en');
    expect(document.querySelector('.shell')?.getAttribute('data-orientation')).toBe('landscape');
  });

  it('shows the station, its hotline and hours on the attract screen, with back and home hidden in place', async () => {
    renderKiosk();
    const attract = await screen.findByTestId('attract-screen');
    expect(attract.textContent).toContain('东埠村便民服务站');
    expect(attract.textContent).toContain('轻触屏幕 开始办事');
    expect(attract.textContent).toContain('24 小时开放');
    expect(attract.textContent).toContain('周一至周五 08:30–17:30');
    expect(attract.textContent).toContain('0536-4000123');
    expect(attract.textContent).toContain('王秀兰（红管家） 13800000001');
    const back = screen.getByTestId<HTMLButtonElement>('back-button');
    expect(back.disabled).toBe(true);
    expect(back.closest('[data-hidden]')).not.toBeNull();
  });

  it('keeps the station name, hotline and clock in the header on every screen', async () => {
    const { user } = renderKiosk();
    await startVisit(user);
    const header = screen.getByTestId('kiosk-header');
    expect(header.textContent).toContain('东埠村便民服务站');
    expect(header.textContent).toContain('0536-4000123');
    expect(within(header).getByTestId('clock').textContent).toMatch(/\d\d:\d\d/);
    expect(screen.getByTestId('back-button').closest('[data-hidden]')).toBeNull();
  });
});

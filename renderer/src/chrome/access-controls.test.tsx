import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderKiosk, startVisit } from '../test/render-kiosk';

const shell = () => document.querySelector('.shell');

describe('长辈版 and high contrast', () => {
  it('the large 长辈版 button on the attract screen starts the visit in 长辈版 with voice on', async () => {
    const { user } = renderKiosk();
    await screen.findByTestId('attract-screen');
    await user.click(screen.getByTestId('elder-start'));
    const home = await screen.findByTestId('home-screen');
    expect(shell()?.getAttribute('data-profile')).toBe('elder');
    expect(screen.getByTestId('elder-toggle').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('voice-toggle').getAttribute('aria-pressed')).toBe('true');
    // 长辈版's home offers six big tiles and no page buttons (更多服务 is one of the six).
    expect(home.querySelectorAll('.service-tile')).toHaveLength(6);
    expect(within(home).queryByTestId('choice-pages')).toBeNull();
    expect(screen.queryByTestId('elder-start')).toBeNull();
  });

  it('switches 长辈版 and high contrast from the bottom bar on any screen, and back', async () => {
    const { user } = renderKiosk();
    const home = await startVisit(user);
    expect(shell()?.getAttribute('data-profile')).toBe('standard');
    expect(home.querySelectorAll('.service-tile').length).toBeGreaterThan(6);
    await user.click(screen.getByTestId('elder-toggle'));
    expect(shell()?.getAttribute('data-profile')).toBe('elder');
    await user.click(screen.getByTestId('contrast-toggle'));
    expect(shell()?.getAttribute('data-contrast')).toBe('high');
    await user.click(screen.getByTestId('elder-toggle'));
    await user.click(screen.getByTestId('contrast-toggle'));
    expect(shell()?.getAttribute('data-profile')).toBe('standard');
    expect(shell()?.getAttribute('data-contrast')).toBe('default');
    expect(screen.getByTestId('voice-toggle').getAttribute('aria-pressed')).toBe('false');
  });

  it('hides the switches on the attract screen, where they would do nothing', async () => {
    renderKiosk();
    await screen.findByTestId('attract-screen');
    expect(screen.getByTestId<HTMLButtonElement>('elder-toggle').disabled).toBe(true);
    expect(screen.queryByTestId('voice-toggle')).toBeNull();
  });
});

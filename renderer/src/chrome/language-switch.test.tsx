import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openGroup, renderKiosk, startVisit } from '../test/render-kiosk';

const switchTo = (name: string) => within(screen.getByTestId('language-switch')).getByRole('button', { name });

describe('language switch', () => {
  it('switches the UI chrome to English and back; catalog data stays as published', async () => {
    const { user } = renderKiosk();
    const home = await startVisit(user);
    expect(document.documentElement.lang).toBe('zh-CN');

    await user.click(switchTo('English'));
    expect(document.documentElement.lang).toBe('en');
    expect(switchTo('English').getAttribute('aria-pressed')).toBe('true');
    expect(within(home).getByRole('heading', { level: 1 }).textContent).toBe('What would you like to do?');
    expect(home.querySelector('[data-kind=approvalAgency]')?.textContent).toContain('Approvals handled for you');
    expect(home.querySelector('[data-kind=approvalAgency]')?.textContent).toContain('2 services');
    // Theme names come from the catalog and stay Chinese.
    expect(home.querySelector('[data-theme=elderly]')?.textContent).toContain('老年人服务');
    expect(screen.getByTestId('back-button').textContent).toBe('Back');
    expect(screen.getByTestId('home-button').textContent).toBe('Home');

    const list = await openGroup(user, '[data-kind=approvalAgency]');
    const relief = list.querySelector('[data-code="370784-CJ-020"]');
    expect(relief?.textContent).toContain('临时救助');
    expect(relief?.textContent).toContain('Done in a set time · 10 working days');
    expect(relief?.textContent).toContain('Handled for you');

    await user.click(switchTo('中文'));
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(list.querySelector('[data-code="370784-CJ-020"]')?.textContent).toContain('承诺件 · 10个工作日');
  });

  it('on the attract screen, choosing a language starts the visit in it', async () => {
    const { user } = renderKiosk();
    await screen.findByTestId('attract-screen');
    await user.click(switchTo('English'));
    const home = await screen.findByTestId('home-screen');
    expect(within(home).getByRole('heading', { level: 1 }).textContent).toBe('What would you like to do?');
  });
});

import { cleanup, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { createI18n } from '../i18n/create-i18n';
import { catalogHandlers, openGroup, renderKiosk, startVisit } from '../test/render-kiosk';
import { Problem } from './Problem';
import { ScreenErrorBoundary } from './ScreenErrorBoundary';

const internal = {
  ok: false as const,
  error: { code: 'internal' as const, message: 'SqliteError: database is locked' },
};

describe('problems', () => {
  it('shows a plain message and retries when kiosk.info fails at start-up', async () => {
    const { fake, user } = renderKiosk({ handlers: { 'kiosk.info': () => internal } });
    const problem = await screen.findByTestId('problem');
    expect(problem.textContent).toContain('暂时无法显示这部分内容');
    expect(problem.textContent).not.toContain('database is locked');

    fake.setHandlers(catalogHandlers());
    await user.click(within(problem).getByRole('button', { name: '再试一次' }));
    expect(await screen.findByTestId('attract-screen')).toBeTruthy();
  });

  it('shows the hotline, never the error, when a list cannot be read, and tries again on request', async () => {
    const { fake, user } = renderKiosk({ handlers: { 'catalog.list': () => internal } });
    await startVisit(user);
    await user.click((await screen.findByTestId('home-screen')).querySelector<HTMLElement>('[data-kind=all]')!);
    const problem = await screen.findByTestId('problem');
    expect(problem.textContent).toContain('0536-4000123');
    expect(problem.textContent).not.toContain('Sqlite');
    expect(screen.getByTestId('back-button')).toBeTruthy();

    fake.setHandlers(catalogHandlers());
    await user.click(within(problem).getByRole('button', { name: '再试一次' }));
    expect(within(await screen.findByTestId('matter-list')).getAllByTestId('matter-item')).toHaveLength(4);
  });

  it('a transport failure on a guide is a plain message too', async () => {
    const { fake, user } = renderKiosk();
    await startVisit(user);
    await openGroup(user, '[data-kind=all]');
    fake.setHandlers({
      'catalog.matter': () => ({ ok: false, error: { code: 'transport', message: 'socket closed' } }),
    });
    await user.click(within(screen.getByTestId('matter-list')).getAllByTestId('matter-item')[0]!);
    const problem = await screen.findByTestId('problem');
    expect(problem.textContent).not.toContain('socket');
  });

  it('a screen that fails to render shows the way home instead of a blank page', () => {
    // React reports the caught error on the console; the test is about what the visitor sees.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    onTestFinished(() => {
      cleanup();
      vi.restoreAllMocks();
    });
    const Broken = () => {
      throw new Error('render bug');
    };
    const onHome = vi.fn();
    render(
      <I18nextProvider i18n={createI18n('zh-CN')}>
        <ScreenErrorBoundary fallback={() => <Problem hotline="0536-4000123" onHome={onHome} />}>
          <Broken />
        </ScreenErrorBoundary>
      </I18nextProvider>,
    );
    const problem = screen.getByTestId('problem');
    expect(problem.textContent).not.toContain('render bug');
    within(problem).getByRole('button', { name: '回到首页' }).click();
    expect(onHome).toHaveBeenCalledOnce();
  });
});

import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ok } from '../../../../core/pure/result';
import { renderKiosk, startVisit } from '../../test/render-kiosk';
import { tileState } from './ServiceTiles';

const allFine = {
  idCardSignIn: true,
  selfServiceSubmission: true,
  output: 'paper',
  keypadRating: true,
  scanCodes: false,
  videoHelp: false,
} as const;

describe('service tiles: journey gating', () => {
  it('blocks only self-service submission when the document camera is down, and says why', () => {
    const journeys = { ...allFine, selfServiceSubmission: false };
    expect(tileState('apply', journeys)).toEqual({ disabled: true, note: 'noCamera' });
    for (const id of ['search', 'ticket', 'progress', 'rating', 'serviceMap', 'lifeEvents'] as const) {
      expect(tileState(id, journeys).disabled).toBe(false);
    }
  });

  it('keeps sign-in journeys open without the reader (type the ID number) and tickets without the printer', () => {
    expect(tileState('progress', { ...allFine, idCardSignIn: false })).toEqual({ disabled: false, note: 'noReader' });
    expect(tileState('ticket', { ...allFine, output: 'screen' })).toEqual({ disabled: false, note: 'noPrinter' });
    expect(tileState('ticket', allFine)).toEqual({ disabled: false, note: null });
  });

  it('shows the reason on the home tile from the live device snapshot', async () => {
    const { user } = renderKiosk({
      handlers: {
        'devices.snapshot': () => ok({ devices: [], journeys: { ...allFine, selfServiceSubmission: false } }),
      },
    });
    await startVisit(user);
    const apply = await screen.findByTestId<HTMLButtonElement>('service-apply');
    await waitFor(() => expect(apply.disabled).toBe(true));
    expect(apply.textContent).toContain('高拍仪不可用');
    expect(screen.getByTestId<HTMLButtonElement>('service-ticket').disabled).toBe(false);
  });

  it('opens a journey over home', async () => {
    const { user } = renderKiosk({
      handlers: {
        'queue.overview': () =>
          ok({
            source: 'platform' as const,
            updatedAt: null,
            services: [],
            calling: null,
            today: { date: '2026-11-20', weekday: 5, kind: 'workday' as const, holiday: null },
          }),
      },
    });
    await startVisit(user);
    await user.click(await screen.findByTestId('service-ticket'));
    await waitFor(() => expect(document.querySelector('.shell')?.getAttribute('data-screen')).toBe('journey'));
    await user.click(screen.getByTestId('back-button'));
    await waitFor(() => expect(document.querySelector('.shell')?.getAttribute('data-screen')).toBe('home'));
  });
});

describe('service tiles in 长辈版', () => {
  const ids = () =>
    [...screen.getByTestId('elder-services').querySelectorAll<HTMLElement>('[data-testid^=service-]')].map((tile) =>
      (tile.dataset['testid'] ?? '').replace('service-', ''),
    );

  it('shows six tiles, titles only, the most used first and 办事主题 before the list of every matter', async () => {
    const { user } = renderKiosk();
    await startVisit(user);
    await user.click(screen.getByTestId('elder-toggle'));
    await screen.findByTestId('elder-services');
    expect(ids()).toEqual(['ticket', 'progress', 'themes', 'search', 'appointment', 'more']);
    // No hints in 长辈版: one short title a tile.
    expect(screen.getByTestId('elder-services').querySelector('.tile-hint')).toBeNull();
    expect(screen.getByTestId('service-ticket').textContent).toBe('取号排队');
  });

  it('更多服务 swaps in the other six, and 常用服务 swaps back; nothing is out of reach', async () => {
    const { user } = renderKiosk();
    await startVisit(user);
    await user.click(screen.getByTestId('elder-toggle'));
    await user.click(await screen.findByTestId('service-more'));
    expect(ids()).toEqual(['checkIn', 'apply', 'lifeEvents', 'rating', 'serviceMap', 'common']);
    await user.click(screen.getByTestId('service-common'));
    expect(ids()).toEqual(['ticket', 'progress', 'themes', 'search', 'appointment', 'more']);
  });

  it('办事主题 opens the themes, a theme opens its matters, and 返回 from there goes home', async () => {
    const { user, fake } = renderKiosk();
    await startVisit(user);
    await user.click(screen.getByTestId('elder-toggle'));
    await user.click(await screen.findByTestId('service-themes'));
    const themes = await screen.findByTestId('themes-screen');
    const tiles = themes.querySelectorAll<HTMLElement>('[data-testid=theme-tile]');
    expect(tiles.length).toBeGreaterThan(0);
    // 长辈版 keeps to six choices: the tiles and, when there are more, the two page buttons.
    expect(tiles.length + themes.querySelectorAll('[data-testid^=choice-pages-]').length).toBeLessThanOrEqual(6);
    const first = tiles[0]!;
    await user.click(first);
    await screen.findByTestId('browse-screen');
    expect(fake.callsTo('catalog.list').at(-1)).toMatchObject({ themeId: first.dataset['theme'] });
    await user.click(screen.getByTestId('back-button'));
    await screen.findByTestId('home-screen');
  });
});

import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { emptyStatus, status } from '../test/fixture-catalog';
import { catalogHandlers, renderKiosk } from '../test/render-kiosk';

describe('a kiosk without a catalog', () => {
  it('says the list is on its way, with the hotline, and fills in when a version arrives', async () => {
    const { fake, user } = renderKiosk({ empty: true, status: emptyStatus });
    await user.click(await screen.findByTestId('attract-screen'));
    const empty = await screen.findByTestId('catalog-empty');
    expect(empty.textContent).toContain('正在获取事项清单…');
    expect(empty.textContent).toContain('0536-4000123');
    expect(screen.queryByTestId('home-screen')).toBeNull();

    fake.setHandlers(catalogHandlers());
    act(() => fake.emit('catalog.statusChanged', status()));

    const home = await screen.findByTestId('home-screen');
    expect(within(home).getAllByTestId('kind-tile')).toHaveLength(5);
    expect(screen.queryByTestId('catalog-empty')).toBeNull();
    expect(fake.callsTo('catalog.overview').length).toBe(2);
  });
});

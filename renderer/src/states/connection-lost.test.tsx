import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderKiosk, startVisit } from '../test/render-kiosk';

describe('losing the host', () => {
  it('covers the screen while reconnecting and clears itself when the link is back', async () => {
    const { fake, user } = renderKiosk();
    await startVisit(user);
    expect(screen.queryByTestId('connection-lost')).toBeNull();
    const statusCalls = fake.callsTo('catalog.status').length;

    act(() => fake.setConnection('closed'));
    expect(screen.getByTestId('connection-lost').textContent).toContain('正在重新连接…');
    act(() => fake.setConnection('connecting'));
    expect(screen.getByTestId('connection-lost')).toBeTruthy();

    act(() => fake.setConnection('open'));
    expect(screen.queryByTestId('connection-lost')).toBeNull();
    // The visit goes on where it was, and what may have been missed is asked again.
    expect(screen.getByTestId('home-screen')).toBeTruthy();
    await screen.findByTestId('home-screen');
    expect(fake.callsTo('catalog.status').length).toBe(statusCalls + 1);
  });

  it('also covers the start-up screen when the host cannot be reached at all', () => {
    const { fake } = renderKiosk();
    act(() => fake.setConnection('closed'));
    expect(screen.getByTestId('connection-lost')).toBeTruthy();
  });
});

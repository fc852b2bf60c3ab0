import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ok } from '../../../../core/api/result';
import { renderKiosk, startVisit } from '../../test/render-kiosk';
import { tileState } from './ServiceTiles';

const allFine = {
  idCardSignIn: true,
  selfServiceSubmission: true,
  output: 'paper',
  keypadRating: true,
  scanCodes: false,
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

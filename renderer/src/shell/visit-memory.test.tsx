import { act, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { AssistanceReceipt } from '../../../core/api/care';
import { err, ok } from '../../../core/pure/result';
import { PhonePad } from '../components/keypad/PhonePad';
import { renderJourney } from '../screens/rating/render-journey.testing';
import { HelpJourney } from '../screens/help/HelpJourney';
import { beginVisit, ShellVisit, type ShellHandle } from '../test/shell-visit';
import { VisitMemoryProvider } from './visit-memory';

const receipt: AssistanceReceipt = {
  status: 'delivered',
  reference: 'AR-20261121-0001',
  kind: 'callback',
  expectedContactWithinHours: 24,
  contactFrom: null,
  print: { output: 'paper', problem: null },
};

/** A help request, then the next journey's phone step (the rating callback, a booking …). */
function TwoJourneys() {
  const [next, setNext] = useState(false);
  const [phone, setPhone] = useState('');
  return (
    <VisitMemoryProvider>
      <button type="button" onClick={() => setNext(true)}>
        next-journey
      </button>
      {next ? (
        <PhonePad label="联系电话" value={phone} onChange={setPhone} testId="next-phone" />
      ) : (
        <HelpJourney matterCode={null} onExit={() => undefined} />
      )}
    </VisitMemoryProvider>
  );
}

function render(answer: 'ok' | 'fails') {
  const handle: ShellHandle = { current: null };
  const rendered = renderJourney(
    <ShellVisit handle={handle}>
      <TwoJourneys />
    </ShellVisit>,
    {
      'assistance.request': () =>
        answer === 'ok' ? ok(receipt) : err({ code: 'invalidRequest' as const, message: 'refused' }),
    },
  );
  const shell = beginVisit(handle);
  return { ...rendered, shell };
}

async function askForCallback(user: ReturnType<typeof render>['user']) {
  await user.click(
    (await screen.findAllByTestId('help-kind')).find((tile) => tile.dataset['kind'] === 'callback') as HTMLElement,
  );
  const pad = screen.getByTestId('help-phone');
  for (const digit of '13912345678') await user.click(within(pad).getByRole('button', { name: `数字 ${digit}` }));
  await user.click(
    screen.getAllByTestId('help-time').find((chip) => chip.dataset['time'] === 'morning') as HTMLElement,
  );
  await user.click(screen.getByTestId('help-submit'));
}

describe('a phone number given in this visit', () => {
  it('is offered, masked and not filled in, by the next journey; used only when tapped', async () => {
    const { user } = render('ok');
    await askForCallback(user);
    await screen.findByTestId('help-slip');
    await user.click(screen.getByText('next-journey'));

    const offer = screen.getByTestId('next-phone-offer');
    expect(offer.textContent).toBe('使用刚才填写的 139****5678');
    expect(screen.getByTestId('next-phone-value').textContent).not.toContain('139');
    await user.click(offer);
    expect(screen.getByTestId('next-phone-value').textContent).toBe('13912345678');
    // Once used, the offer goes: the field holds it.
    expect(screen.queryByTestId('next-phone-offer')).toBeNull();
  });

  it('is not offered when the request carrying it failed', async () => {
    const { user } = render('fails');
    await askForCallback(user);
    await screen.findByTestId('help-failed');
    await user.click(screen.getByText('next-journey'));
    expect(screen.queryByTestId('next-phone-offer')).toBeNull();
  });

  it('is forgotten when the visit ends (完成 / 结束办理), already on the farewell', async () => {
    const { user, shell } = render('ok');
    await askForCallback(user);
    await screen.findByTestId('help-slip');
    expect(shell.getSnapshot().context.givenPhone).toBe('13912345678');
    act(() => shell.send({ type: 'END_VISIT' }));
    expect(shell.getSnapshot().context.givenPhone).toBeNull();
    act(() => {
      shell.send({ type: 'FAREWELL_DONE' });
      shell.send({ type: 'START' });
    });
    await user.click(screen.getByText('next-journey'));
    expect(screen.queryByTestId('next-phone-offer')).toBeNull();
  });

  it('is forgotten by an idle reset and by another person’s card', () => {
    const { shell } = render('ok');
    act(() => shell.send({ type: 'PHONE_GIVEN', phone: '13912345678' }));
    act(() => shell.send({ type: 'VISIT_ENDED_ELSEWHERE' }));
    expect(shell.getSnapshot().context.givenPhone).toBeNull();
    act(() => shell.send({ type: 'PHONE_GIVEN', phone: '13912345678' }));
    act(() => shell.send({ type: 'TECHNICIAN' }));
    expect(shell.getSnapshot().context.givenPhone).toBeNull();
  });
});

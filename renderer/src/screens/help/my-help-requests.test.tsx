import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MyHelpRequests } from '../../../../core/api/help-follow-up';
import { err, ok } from '../../../../core/pure/result';
import type { FakeHandlers } from '../../test/fake-host';
import { renderCareJourney as renderJourney } from './render-care.testing';
import { HelpJourney } from './HelpJourney';

const mine: MyHelpRequests = {
  platform: 'reachable',
  requests: [
    {
      requestId: 'AR-20261121-0001',
      kind: 'callback',
      status: 'done',
      matterName: '临时救助',
      handlerName: '王芳（帮办员）',
      lastContact: { at: '2026-11-21T02:00:00.000Z', outcome: 'resolved' },
      receivedAt: '2026-11-21T01:00:00.000Z',
      completedAt: '2026-11-21T03:00:00.000Z',
      expectedContactWithinHours: 24,
    },
  ],
  pendingHere: [{ localRef: 'HLP-20261122-3FA9C2', kind: 'homeVisit', requestedAt: '2026-11-22T01:00:00.000Z' }],
};

const handlers = (answer: FakeHandlers['assistance.mine']): FakeHandlers => ({
  'assistance.request': () => err({ code: 'invalidRequest' as const, message: 'not in this test' }),
  'assistance.mine': answer,
});

describe('我的求助进度 on the help screen', () => {
  it('shows each request’s state, who handles it and the last contact, and those saved here', async () => {
    const { user, fake } = renderJourney(
      <HelpJourney matterCode={null} onExit={() => undefined} />,
      handlers(() => ok(mine)),
    );
    await user.click(screen.getByTestId('help-mine-open'));
    const request = await screen.findByTestId('help-mine-request');
    expect(request.dataset['status']).toBe('done');
    expect(request.textContent).toContain('电话回访：已办结');
    expect(within(request).getByTestId('help-mine-handler').textContent).toBe('负责人：王芳（帮办员）');
    expect(within(request).getByTestId('help-mine-contact').textContent).toBe('最近一次联系：已解决');
    expect(screen.getByTestId('help-mine-pending').textContent).toContain('HLP-20261122-3FA9C2');
    expect(fake.callsTo('assistance.mine')).toHaveLength(1);
    await user.click(screen.getByTestId('help-mine-back'));
    expect(screen.queryByTestId('help-mine')).toBeNull();
  });

  it('asks for the card sign-in when nobody signed in with it', async () => {
    const { user } = renderJourney(
      <HelpJourney matterCode={null} onExit={() => undefined} />,
      handlers(() => err({ code: 'notSignedIn' as const, message: 'sign in' })),
    );
    await user.click(screen.getByTestId('help-mine-open'));
    expect((await screen.findByTestId('help-mine-problem')).textContent).toContain('请先刷身份证登录');
  });

  it('长辈版: one request per screen, with a next step', async () => {
    const { user } = renderJourney(
      <HelpJourney matterCode={null} onExit={() => undefined} />,
      handlers(() => ok(mine)),
      {
        elder: true,
      },
    );
    await user.click(screen.getByTestId('help-mine-open'));
    const panel = await screen.findByTestId('help-mine-elder');
    expect(within(panel).getAllByRole('listitem')).toHaveLength(1);
    expect(within(panel).getByTestId('help-mine-pending')).toBeTruthy();
    await user.click(screen.getByTestId('help-mine-next'));
    expect(within(panel).getByTestId('help-mine-request').textContent).toContain('王芳（帮办员）');
    expect(screen.queryByTestId('help-mine-next')).toBeNull();
  });
});

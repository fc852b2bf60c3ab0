import { act, screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { useEffect, useMemo } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { VideoHelpAvailabilityView } from '../../../core/api/video-help';
import { err, ok } from '../../../core/pure/result';
import type { CoBrowseState } from '../../../platform/contract/video-help';
import { HelpJourney } from '../screens/help/HelpJourney';
import { renderCareJourney } from '../screens/help/render-care.testing';
import { ShellActor } from '../shell/shell-context';
import type { FakeHandlers, FakeHost } from '../test/fake-host';
import { detail } from '../test/fixture-catalog';
import type { CoBrowseContribution } from './co-browse';
import { useCoBrowseContribution } from './co-browse-context';
import { fakeCallWorld, settle, type FakeCallWorld } from './testing/fake-call';
import { VideoHelpProvider } from './video-help-context';
import { VideoHelpLayer } from './VideoHelpLayer';

const CALL = 'VC-20261121-0001';
const REQUEST = 'AR-20261121-0001';
const ice = { iceServers: [], iceTransportPolicy: 'all' as const };
const P1 = '0b6f3a2e-1c4d-4e5f-8a9b-0c1d2e3f4a5b';
const P2 = '1b6f3a2e-1c4d-4e5f-8a9b-0c1d2e3f4a5b';

const offered = (change: Partial<Extract<VideoHelpAvailabilityView, { offered: true }>> = {}) =>
  ({
    offered: true,
    agentsOnDuty: 2,
    waiting: 0,
    recording: 'off',
    faceCameraLabel: 'Face',
    microphoneLabel: 'Mic',
    emulated: false,
    ...change,
  }) as const;

function handlers(availability: VideoHelpAvailabilityView = offered()): FakeHandlers {
  return {
    'videoHelp.availability': () => ok(availability),
    'videoHelp.start': () => ok({}),
    'videoHelp.send': () => ok({}),
    'videoHelp.end': () => ok({}),
    'media.reportStatus': () => ok({}),
    'catalog.matter': ({ code }) => {
      const found = detail(code);
      return found ? ok(found) : err({ code: 'notFound' as const, message: 'no such matter' });
    },
  };
}

/** A form on screen, as a journey registers it for co-browsing. */
const fill = vi.fn((_field: string, _value: string) => true);
function FakeForm({ name }: { name: string }) {
  const contribution = useMemo<CoBrowseContribution>(
    () => ({
      step: { id: 'form', label: '填写表格' },
      steps: [],
      fields: [
        { id: 'applicantName', label: '姓名', value: name, personal: true, proposable: false },
        { id: 'village', label: '所在村', value: '东埠村', personal: false, proposable: true },
      ],
      fillField: fill,
    }),
    [name],
  );
  useCoBrowseContribution(contribution);
  return null;
}

/** Where the shell is, for the tests to read and drive. */
let shellRef: { send: (event: { type: 'END_VISIT' }) => void; journey: () => unknown } | null = null;
function ShellProbe() {
  const actor = ShellActor.useActorRef();
  useEffect(() => keepShell(actor), [actor]);
  return null;
}
function keepShell(actor: ReturnType<typeof ShellActor.useActorRef>) {
  shellRef = {
    send: (event) => actor.send(event),
    journey: () => actor.getSnapshot().context.journey,
  };
}

function renderHelp(
  options: { availability?: VideoHelpAvailabilityView; elder?: boolean; matterCode?: string | null } = {},
): { fake: FakeHost; user: UserEvent; world: FakeCallWorld } {
  const world = fakeCallWorld();
  const { api: _api, ...media } = world.deps;
  const rendered = renderCareJourney(
    <VideoHelpProvider media={media}>
      <ShellProbe />
      <FakeForm name="张三" />
      <HelpJourney matterCode={options.matterCode ?? null} onExit={() => undefined} />
      <VideoHelpLayer />
    </VideoHelpProvider>,
    handlers(options.availability),
    { elder: options.elder ?? false },
  );
  return { ...rendered, world };
}

const sent = (fake: FakeHost, type: string) =>
  fake.callsTo('videoHelp.send').filter((message) => (message as { t: string }).t === type);

async function toWaiting(user: UserEvent, fake: FakeHost) {
  await user.click(await screen.findByTestId('videohelp-choice'));
  await user.click(await screen.findByTestId('videohelp-call-button'));
  await screen.findByTestId('videohelp-waiting');
  act(() =>
    fake.emit('videoHelp.message', { t: 'queued', callId: CALL, requestId: REQUEST, position: 3, agentsOnDuty: 2 }),
  );
}

async function toCall(user: UserEvent, fake: FakeHost, world: FakeCallWorld) {
  await toWaiting(user, fake);
  act(() =>
    fake.emit('videoHelp.message', { t: 'accepted', callId: CALL, agentName: '王芳（帮办员）', ice, recording: false }),
  );
  await act(settle);
  expect(world.peers).toHaveLength(1);
  return screen.findByTestId('videohelp-overlay');
}

describe('视频帮办 on the kiosk page', () => {
  it('hides the choice when core does not offer it, and asks when the help screen opens', async () => {
    const { fake } = renderHelp({ availability: { offered: false, reason: 'noAgentOnDuty' } });
    await screen.findByTestId('help-form');
    await vi.waitFor(() => expect(fake.callsTo('videoHelp.availability')).toHaveLength(1));
    await act(settle);
    expect(screen.queryByTestId('videohelp-choice')).toBeNull();
  });

  it('says what the agent sees and starts with the toggles as chosen, on the open matter', async () => {
    const { fake, user } = renderHelp({ matterCode: '370784-CJ-013' });
    await user.click(await screen.findByTestId('videohelp-choice'));
    const consent = await screen.findByTestId('videohelp-consent');
    expect(consent.textContent).toContain('看不到屏幕画面本身');
    const personal = screen.getByTestId('videohelp-consent-personal');
    const document = screen.getByTestId('videohelp-consent-document');
    expect(personal.getAttribute('aria-checked')).toBe('false');
    expect(document.getAttribute('aria-checked')).toBe('true');
    // The county does not record: nothing to ask.
    expect(screen.queryByTestId('videohelp-consent-recording')).toBeNull();
    await user.click(personal);
    await user.click(document);
    await user.click(screen.getByTestId('videohelp-call-button'));
    await screen.findByTestId('videohelp-waiting');
    expect(fake.callsTo('videoHelp.start')).toEqual([
      {
        topic: 'elderly',
        matter: { matterCode: '370784-CJ-013', matterVersion: 3, matterName: '老年优待证办理' },
        consent: { personalValues: true, documentCamera: false, recording: false },
        elderMode: false,
      },
    ]);
  });

  it('asks about recording only where the county records, off until tapped', async () => {
    const { fake, user } = renderHelp({ availability: offered({ recording: 'withConsent' }) });
    await user.click(await screen.findByTestId('videohelp-choice'));
    const recording = await screen.findByTestId('videohelp-consent-recording');
    expect(recording.getAttribute('aria-checked')).toBe('false');
    await user.click(recording);
    await user.click(screen.getByTestId('videohelp-call-button'));
    await screen.findByTestId('videohelp-waiting');
    expect(fake.callsTo('videoHelp.start')[0]).toMatchObject({
      topic: 'general',
      matter: null,
      consent: { personalValues: false, documentCamera: true, recording: true },
    });
  });

  it('in 长辈版 the choice is one large tap', async () => {
    renderHelp({ elder: true });
    const choice = await screen.findByTestId('videohelp-choice');
    expect(choice.className).toContain('videohelp-choice--elder');
  });

  it('waits with the position, takes a phone callback instead, or cancels', async () => {
    const { fake, user } = renderHelp();
    await toWaiting(user, fake);
    expect(screen.getByTestId('videohelp-position').textContent).toContain('前面还有 2 人');
    act(() => fake.emit('videoHelp.message', { t: 'queue', position: 1, agentsOnDuty: 2 }));
    expect(screen.getByTestId('videohelp-position').textContent).toContain('下一个就是您');

    await user.click(screen.getByTestId('videohelp-callback'));
    const pad = screen.getByTestId('videohelp-callback-phone');
    for (const digit of '13912345678') await user.click(within(pad).getByRole('button', { name: `数字 ${digit}` }));
    await user.click(screen.getByTestId('videohelp-callback-send'));
    await vi.waitFor(() => expect(sent(fake, 'callback')).toEqual([{ t: 'callback', phone: '13912345678' }]));
    act(() => fake.emit('videoHelp.message', { t: 'ended', callId: CALL, reason: 'calledBack' }));
    const ended = await screen.findByTestId('videohelp-ended');
    expect(ended.dataset['reason']).toBe('calledBack');
    expect(screen.queryByTestId('videohelp-rate')).toBeNull();
  });

  it('取消 leaves the queue', async () => {
    const { fake, user } = renderHelp();
    await toWaiting(user, fake);
    await user.click(screen.getByTestId('videohelp-cancel'));
    expect(fake.callsTo('videoHelp.end')).toEqual([{ reason: 'cancelled' }]);
    expect((await screen.findByTestId('videohelp-ended')).dataset['reason']).toBe('cancelled');
  });

  it('shows the call over the screen and publishes its state with personal values masked', async () => {
    const { fake, user, world } = renderHelp();
    const overlay = await toCall(user, fake, world);
    expect(within(overlay).getByTestId('videohelp-remote-video')).toBeTruthy();
    expect(within(overlay).getByTestId('videohelp-self-video')).toBeTruthy();
    expect(within(overlay).getByTestId('videohelp-hangup')).toBeTruthy();
    expect(screen.queryByTestId('videohelp-recording-notice')).toBeNull();
    // The screen underneath stays usable.
    expect(screen.getByTestId('help-form')).toBeTruthy();

    await vi.waitFor(() => expect(sent(fake, 'state').length).toBeGreaterThan(0));
    const state = (sent(fake, 'state').at(-1) as { state: CoBrowseState }).state;
    expect(state).toMatchObject({ screen: 'home', step: { id: 'form' }, elderMode: false });
    expect(state.fields).toEqual([
      { id: 'applicantName', label: '姓名', value: null, personal: true, proposable: false },
      { id: 'village', label: '所在村', value: '东埠村', personal: false, proposable: true },
    ]);
    expect(JSON.stringify(sent(fake, 'state'))).not.toContain('张三');

    act(() => fake.emit('videoHelp.message', { t: 'recording', on: true }));
    expect(screen.getByTestId('videohelp-recording-notice').textContent).toBe('录制中');
    act(() => fake.emit('videoHelp.message', { t: 'media', audioOnly: true }));
    expect(screen.getByTestId('videohelp-audio-only')).toBeTruthy();
  });

  it('applies a proposal only after 同意, one dialog at a time', async () => {
    fill.mockClear();
    const { fake, user, world } = renderHelp();
    await toCall(user, fake, world);
    act(() => {
      fake.emit('videoHelp.message', {
        t: 'proposal',
        proposal: {
          proposalId: P1,
          action: { kind: 'fillField', fieldId: 'village', label: '所在村', value: '西埠村' },
        },
      });
      fake.emit('videoHelp.message', {
        t: 'proposal',
        proposal: {
          proposalId: P2,
          action: { kind: 'fillField', fieldId: 'village', label: '所在村', value: '南埠村' },
        },
      });
    });
    expect(screen.getAllByTestId('videohelp-proposal')).toHaveLength(1);
    expect(screen.getByTestId('videohelp-proposal').textContent).toContain('把“所在村”填为：西埠村');
    await user.click(screen.getByTestId('videohelp-proposal-decline'));
    expect(fill).not.toHaveBeenCalled();
    expect(screen.getByTestId('videohelp-proposal').textContent).toContain('南埠村');
    await user.click(screen.getByTestId('videohelp-proposal-accept'));
    expect(fill).toHaveBeenCalledExactlyOnceWith('village', '南埠村');
    expect(screen.queryByTestId('videohelp-proposal')).toBeNull();
    await vi.waitFor(() =>
      expect(sent(fake, 'proposalAnswer')).toEqual([
        { t: 'proposalAnswer', proposalId: P1, accepted: false },
        { t: 'proposalAnswer', proposalId: P2, accepted: true },
      ]),
    );
  });

  it("opens a proposed matter's guide after 同意", async () => {
    const { fake, user, world } = renderHelp();
    await toCall(user, fake, world);
    act(() =>
      fake.emit('videoHelp.message', {
        t: 'proposal',
        proposal: {
          proposalId: P1,
          action: { kind: 'openMatter', matterCode: '370784-CJ-020', matterName: '临时救助' },
        },
      }),
    );
    expect(screen.getByTestId('videohelp-proposal').textContent).toContain('打开“临时救助”的办事指南');
    await user.click(screen.getByTestId('videohelp-proposal-accept'));
    await vi.waitFor(() =>
      expect(sent(fake, 'state').some((s) => (s as { state: CoBrowseState }).state.screen === 'guide')).toBe(true),
    );
  });

  it('shows the 高拍仪 only after the resident agrees', async () => {
    const { fake, user, world } = renderHelp();
    await toCall(user, fake, world);
    act(() => fake.emit('videoHelp.message', { t: 'documentCamera', wanted: true }));
    await screen.findByTestId('videohelp-document-request');
    expect(world.documentOpens).toBe(0);
    await user.click(screen.getByTestId('videohelp-document-accept'));
    await act(settle);
    expect(world.documentOpens).toBe(1);
    expect(world.peers[0]?.documentTracks).toHaveLength(1);
    expect(screen.queryByTestId('videohelp-document-request')).toBeNull();
    await vi.waitFor(() => expect(sent(fake, 'documentCamera')).toEqual([{ t: 'documentCamera', sending: true }]));
  });

  it('after the agent hangs up on a connected call: every track stopped, the reason, and 好差评', async () => {
    const { fake, user, world } = renderHelp();
    await toCall(user, fake, world);
    act(() => world.peers[0]?.options.onConnectionState?.('connected'));
    act(() => fake.emit('videoHelp.message', { t: 'ended', callId: CALL, reason: 'agentHungUp' }));
    const ended = await screen.findByTestId('videohelp-ended');
    expect(ended.textContent).toContain('帮办员已挂断');
    expect(screen.queryByTestId('videohelp-overlay')).toBeNull();
    expect(world.tracks.every((track) => track.stopped)).toBe(true);
    expect(world.peers[0]?.closed).toBe(true);
    expect(document.body.innerHTML).not.toContain('王芳');
    await user.click(screen.getByTestId('videohelp-rate'));
    expect(shellRef?.journey()).toEqual({ kind: 'rating', serviceRef: REQUEST });
    expect(screen.queryByTestId('videohelp-ended')).toBeNull();
  });

  it('offers no rating when the call never connected', async () => {
    const { fake, user, world } = renderHelp();
    await toCall(user, fake, world);
    await user.click(screen.getByTestId('videohelp-hangup'));
    expect(fake.callsTo('videoHelp.end')).toEqual([{ reason: 'residentHungUp' }]);
    await screen.findByTestId('videohelp-ended');
    expect(screen.queryByTestId('videohelp-rate')).toBeNull();
    expect(world.tracks.every((track) => track.stopped)).toBe(true);
  });

  it('ends the call with the visit: nothing of it stays on screen, every track stopped', async () => {
    const { fake, user, world } = renderHelp();
    await toCall(user, fake, world);
    act(() => fake.emit('videoHelp.message', { t: 'documentCamera', wanted: true }));
    await user.click(await screen.findByTestId('videohelp-document-accept'));
    await act(settle);
    act(() => shellRef?.send({ type: 'END_VISIT' }));
    await vi.waitFor(() => expect(fake.callsTo('videoHelp.end')).toEqual([{ reason: 'sessionEnded' }]));
    expect(world.tracks).toHaveLength(3);
    expect(world.tracks.every((track) => track.stopped)).toBe(true);
    expect(screen.queryByTestId('videohelp-overlay')).toBeNull();
    expect(screen.queryByTestId('videohelp-ended')).toBeNull();
  });

  it('a lost link ends the call the same way', async () => {
    const { fake, user, world } = renderHelp();
    await toCall(user, fake, world);
    act(() => fake.emit('videoHelp.message', { t: 'link', state: 'lost' }));
    expect((await screen.findByTestId('videohelp-ended')).dataset['reason']).toBe('connectionLost');
    expect(world.tracks.every((track) => track.stopped)).toBe(true);
    expect(world.peers[0]?.closed).toBe(true);
  });
});

import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { SayInput, SpeechClip } from '../../../core/api/speech';
import { err, ok, type Result } from '../../../core/pure/result';
import { ApiProvider } from '../api/api-context';
import { createI18n } from '../i18n/create-i18n';
import enVoice from '../i18n/locales/en/voice.json';
import zhVoice from '../i18n/locales/zh-CN/voice.json';
import { BASE_LOCALE } from '../i18n/resources';
import { ShellActor, useShellSend } from '../shell/shell-context';
import type { ShellEvent } from '../shell/shell-machine';
import { createFakeHost } from '../test/fake-host';
import { createFakeAudioOut, fakeWav, type FakeAudioOut } from './fake-audio-out';
import { RepeatButton, VoiceToggle, VolumeControl } from './VoiceControls';
import { VoiceProvider } from './voice-context';

type SayAnswer = Result<SpeechClip, { code: 'speechUnavailable'; message: string }>;

const clipOf = (text: string): SpeechClip => ({
  wavBase64: fakeWav(text),
  durationMs: 500,
  cached: false,
  engine: 'fake',
});
const speaks = (input: SayInput): SayAnswer => ok(clipOf(input.text));

interface Options {
  /** How core answers `speech.say`; speaks every text at once unless told otherwise. */
  readonly say?: (input: SayInput) => SayAnswer | Promise<SayAnswer>;
}

/**
 * The voice provider inside the real shell actor and API client, over the strict fake host. The
 * test writes the screen's content straight into the stage (inside .shell) as a screen would.
 */
function renderVoice(options: Options = {}) {
  const fake = createFakeHost({ 'speech.say': options.say ?? speaks, 'session.end': () => ok({}) });
  const audio = createFakeAudioOut();
  const i18n = createI18n(BASE_LOCALE);
  // Until the namespace is registered in resources.ts; a no-op afterwards.
  if (!i18n.hasResourceBundle('zh-CN', 'voice')) {
    i18n.addResourceBundle('zh-CN', 'voice', zhVoice);
    i18n.addResourceBundle('en', 'voice', enVoice);
  }
  const shell: { send: (event: ShellEvent) => void } = { send: () => undefined };
  function Remote() {
    const send = useShellSend();
    useEffect(() => {
      shell.send = send;
    }, [send]);
    return null;
  }
  render(
    <I18nextProvider i18n={i18n}>
      <ApiProvider host={fake.host}>
        <ShellActor.Provider options={{ input: { defaultLocale: 'zh-CN', idleSeconds: 3600 } }}>
          <VoiceProvider audio={audio}>
            <div className="shell">
              <div data-testid="stage" />
              <RepeatButton />
              <VoiceToggle />
              <VolumeControl />
            </div>
            <Remote />
          </VoiceProvider>
        </ShellActor.Provider>
      </ApiProvider>
    </I18nextProvider>,
  );
  onTestFinished(cleanup);
  const stage = screen.getByTestId('stage');
  return {
    fake,
    audio,
    user: userEvent.setup(),
    send: (event: ShellEvent) => act(() => shell.send(event)),
    /** Replaces what the screen shows, as a new screen or step would. */
    show: (html: string) => act(() => void (stage.innerHTML = html)),
    said: () => fake.callsTo('speech.say').map((input) => (input as SayInput).text),
    sayInputs: () => fake.callsTo('speech.say') as SayInput[],
  };
}

const heard = (audio: FakeAudioOut) => audio.clips.map((clip) => clip.text);

/** A deferred `speech.say`: each call waits until the test answers it. */
function heldSay() {
  const waiting: Array<{ text: string; answer: () => void }> = [];
  const say = (input: SayInput) =>
    new Promise<SayAnswer>((resolve) => waiting.push({ text: input.text, answer: () => resolve(speaks(input)) }));
  const answer = async (text: string) => {
    const index = waiting.findIndex((call) => call.text === text);
    const call = waiting[index];
    if (!call) throw new Error(`nobody asked to say ${text}`);
    waiting.splice(index, 1);
    await act(async () => {
      call.answer();
      // Let the player take the answer and start the clip inside act.
      await Promise.resolve();
    });
  };
  return { say, answer };
}

const ID_SCREEN =
  '<p data-speech="hint">请把身份证放在屏幕下方的读卡区</p><h1 data-speech="title">身份证登录</h1><p>不读的文字</p>';

describe('the announcer', () => {
  it('says the screen title, then its hint, from the marked text of the page', async () => {
    const { send, show, audio, said } = renderVoice();
    send({ type: 'SET_PROFILE', profile: 'elder' });
    show(ID_SCREEN);
    await vi.waitFor(() => expect(heard(audio)).toEqual(['身份证登录']));
    expect(said()).toEqual(['身份证登录', '请把身份证放在屏幕下方的读卡区']);
    act(() => audio.finishPlaying());
    await vi.waitFor(() => expect(heard(audio)).toEqual(['身份证登录', '请把身份证放在屏幕下方的读卡区']));
  });

  it('splits long text at sentence ends and leaves out what is inert, hidden or not displayed', async () => {
    const { send, show, audio, said } = renderVoice();
    send({ type: 'SET_PROFILE', profile: 'elder' });
    show(`
      <div inert><h1 data-speech="title">被盖住的列表</h1></div>
      <h1 data-speech="title" hidden>隐藏的标题</h1>
      <div aria-hidden="true"><p data-speech="hint">给读屏隐藏</p></div>
      <div style="display: none"><p data-speech="hint">不显示</p></div>
      <h1 data-speech="title">办事指南</h1>
      <p data-speech="hint">请核对<strong>材料</strong>。材料齐全后再申报！</p>`);
    await vi.waitFor(() => expect(said()).toEqual(['办事指南', '请核对材料。']));
    act(() => audio.finishPlaying());
    await vi.waitFor(() => expect(said()).toEqual(['办事指南', '请核对材料。', '材料齐全后再申报！']));
  });

  it('stops the old screen at once on a screen change, and drops answers that come late', async () => {
    const held = heldSay();
    const { send, show, audio, said } = renderVoice({ say: held.say });
    send({ type: 'SET_PROFILE', profile: 'elder' });
    show('<h1 data-speech="title">首页</h1><p data-speech="hint">第一句。第二句。</p>');
    await vi.waitFor(() => expect(said()).toEqual(['首页']));
    await held.answer('首页');
    expect(heard(audio)).toEqual(['首页']);
    await vi.waitFor(() => expect(said()).toEqual(['首页', '第一句。']));

    // The shell's screen changes: the clip stops in the same act, before any text has settled.
    send({ type: 'CHOOSE_GROUP', group: { type: 'all' } });
    expect(audio.clips[0]?.state).toBe('stopped');

    show('<h1 data-speech="title">全部事项</h1>');
    await vi.waitFor(() => expect(said()).toContain('全部事项'));
    // The next step shows before core has answered for this one: that answer is never played.
    show('<h1 data-speech="title">办事指南</h1>');
    await vi.waitFor(() => expect(said()).toContain('办事指南'));
    await held.answer('第一句。');
    await held.answer('全部事项');
    await held.answer('办事指南');
    expect(heard(audio)).toEqual(['首页', '办事指南']);
    expect(said()).not.toContain('第二句。');
  });

  it('a new step of a journey (the marked text changes) interrupts what was being said', async () => {
    const { send, show, audio } = renderVoice();
    send({ type: 'SET_PROFILE', profile: 'elder' });
    show('<h1 data-speech="title">第一步</h1>');
    await vi.waitFor(() => expect(heard(audio)).toEqual(['第一步']));
    show('<h1 data-speech="title">第二步</h1>');
    await vi.waitFor(() => expect(heard(audio)).toEqual(['第一步', '第二步']));
    expect(audio.clips.map((clip) => clip.state)).toEqual(['stopped', 'playing']);
  });

  it('an alert takes over from the screen, and its going away does not repeat the screen', async () => {
    const { send, show, audio, said } = renderVoice();
    send({ type: 'SET_PROFILE', profile: 'elder' });
    show(ID_SCREEN);
    await vi.waitFor(() => expect(heard(audio)).toEqual(['身份证登录']));

    show(`${ID_SCREEN}<div data-speech="alert">还需要更多时间吗？</div>`);
    await vi.waitFor(() => expect(heard(audio)).toEqual(['身份证登录', '还需要更多时间吗？']));
    expect(audio.clips[0]?.state).toBe('stopped');

    show(ID_SCREEN);
    await vi.waitFor(() => expect(audio.clips[1]?.state).toBe('stopped'));
    show('<h1 data-speech="title">首页</h1>');
    await vi.waitFor(() => expect(heard(audio)).toEqual(['身份证登录', '还需要更多时间吗？', '首页']));
    expect(said().filter((text) => text === '身份证登录')).toHaveLength(1);
  });

  it('with voice off nothing is asked of core, not even on taps and screen changes', async () => {
    const { send, show, audio, said, user } = renderVoice();
    send({ type: 'SET_PROFILE', profile: 'elder' });
    send({ type: 'SET_VOICE', voice: false });
    show('<h1 data-speech="title">第一屏</h1><button type="button">打开</button>');
    await user.click(screen.getByRole('button', { name: '打开' }));
    send({ type: 'CHOOSE_GROUP', group: { type: 'all' } });
    show('<h1 data-speech="title">第二屏</h1>');

    // Turning voice on says the screen now: the one call proves nothing went before it.
    await user.click(screen.getByTestId('voice-toggle'));
    await vi.waitFor(() => expect(heard(audio)).toEqual(['第二屏']));
    expect(said()).toEqual(['第二屏']);
  });
});

describe('tap-to-speak', () => {
  it('says the accessible name of the control touched', async () => {
    const { send, show, said, user } = renderVoice();
    send({ type: 'SET_PROFILE', profile: 'elder' });
    show(`
      <button type="button" aria-label="社会保障，12 项">社保</button>
      <div role="radio" aria-checked="false" tabindex="0">老年人优先</div>
      <label for="phone">手机号码</label><input id="phone" value="13800000000">`);
    await user.click(screen.getByText('社保'));
    await user.click(screen.getByText('老年人优先'));
    await user.click(screen.getByLabelText('手机号码'));
    await vi.waitFor(() => expect(said()).toEqual(['社会保障，12 项', '老年人优先', '手机号码']));
  });

  it('says 星号 for each character of a masked entry, never the characters', async () => {
    const { send, show, said, user } = renderVoice();
    send({ type: 'SET_PROFILE', profile: 'elder' });
    show(`
      <label>密码<input type="password" data-testid="pin"></label>
      <div data-masked><button type="button">7</button><button type="button">退格</button></div>`);
    const pin = screen.getByTestId<HTMLInputElement>('pin');
    pin.value = '2468';
    await user.click(pin);
    await user.click(screen.getByText('7'));
    await user.click(screen.getByText('退格'));
    await vi.waitFor(() => expect(said()).toEqual(['密码 星号 星号 星号 星号', '星号', '退格']));
    expect(said().join('')).not.toMatch(/[0-9]/);
  });
});

describe('voice settings', () => {
  it('speaks slowly in 长辈版 and at the normal pace when voice is turned on in the standard profile', async () => {
    const { send, show, sayInputs } = renderVoice();
    send({ type: 'SET_PROFILE', profile: 'elder' });
    show('<h1 data-speech="title">首页</h1>');
    await vi.waitFor(() => expect(sayInputs()).toEqual([{ text: '首页', locale: 'zh-CN', rate: 'slow' }]));

    send({ type: 'SET_PROFILE', profile: 'standard' });
    send({ type: 'SET_VOICE', voice: true });
    send({ type: 'SET_LOCALE', locale: 'en' });
    show('<h1 data-speech="title">Home</h1>');
    await vi.waitFor(() => expect(sayInputs().at(-1)).toEqual({ text: 'Home', locale: 'en', rate: 'normal' }));
  });

  it('plays at the visit volume, and the volume buttons change it', async () => {
    const { send, show, audio, user } = renderVoice();
    send({ type: 'SET_PROFILE', profile: 'elder' });
    send({ type: 'SET_VOLUME', volumeStep: 0 });
    show('<h1 data-speech="title">首页</h1>');
    await vi.waitFor(() => expect(audio.clips[0]).toMatchObject({ text: '首页', gain: 0.4 }));

    await user.click(screen.getByTestId('voice-volume-up'));
    expect(audio.gain).toBe(0.6);
    expect(screen.getByTestId('voice-volume').textContent).toContain('2/4');
  });

  it('重听 says the current announcement again, and is there only in voice mode', async () => {
    const { send, show, audio, said, user } = renderVoice();
    expect(screen.queryByTestId('voice-repeat')).toBeNull();
    send({ type: 'SET_PROFILE', profile: 'elder' });
    show('<h1 data-speech="title">取号</h1>');
    await vi.waitFor(() => expect(heard(audio)).toEqual(['取号']));
    act(() => audio.finishPlaying());

    await user.click(screen.getByTestId('voice-repeat'));
    await vi.waitFor(() => expect(heard(audio)).toEqual(['取号', '取号']));
    expect(said()).toEqual(['取号', '取号']);
  });

  it('the voice switch turns voice off and stops speech at once', async () => {
    const { send, show, audio, user } = renderVoice();
    send({ type: 'SET_PROFILE', profile: 'elder' });
    show('<h1 data-speech="title">首页</h1>');
    await vi.waitFor(() => expect(heard(audio)).toEqual(['首页']));
    await user.click(screen.getByTestId('voice-toggle'));
    expect(audio.clips[0]?.state).toBe('stopped');
    expect(screen.getByTestId('voice-toggle').getAttribute('aria-pressed')).toBe('false');
    expect(screen.queryByTestId('voice-repeat')).toBeNull();
  });

  it('resumes audio on a touch, where the autoplay policy holds it', async () => {
    const { send, audio, user } = renderVoice();
    send({ type: 'START' });
    await user.click(screen.getByTestId('stage'));
    expect(audio.unlocks).toBeGreaterThan(0);
  });
});

describe('the 长辈版 invitation', () => {
  const INVITATION = zhVoice.invitation;

  it('is said once when a visit starts in the standard profile, even with voice off; again in the next visit', async () => {
    const { send, show, audio, said, user } = renderVoice();
    send({ type: 'START' });
    await vi.waitFor(() => expect(heard(audio)).toEqual([INVITATION]));
    expect(said()).toEqual([INVITATION]);

    send({ type: 'CHOOSE_GROUP', group: { type: 'all' } });
    send({ type: 'HOME' });
    show('<h1 data-speech="title">首页</h1>');
    await user.click(screen.getByTestId('voice-toggle'));
    await vi.waitFor(() => expect(said()).toEqual([INVITATION, '首页']));

    // The visit ends (technician mode, then back to attract); the next one is invited again.
    send({ type: 'TECHNICIAN' });
    send({ type: 'TECHNICIAN_EXIT' });
    send({ type: 'START' });
    await vi.waitFor(() => expect(said()).toEqual([INVITATION, '首页', INVITATION]));
  });

  it('is not said when the visit starts in 长辈版', async () => {
    const { send, show, said } = renderVoice();
    send({ type: 'SET_PROFILE', profile: 'elder' });
    show('<h1 data-speech="title">首页</h1>');
    await vi.waitFor(() => expect(said()).toEqual(['首页']));
  });
});

describe('when core cannot speak', () => {
  it('stays silent and the controls keep working', async () => {
    const { send, show, audio, said, user } = renderVoice({
      say: () => err({ code: 'speechUnavailable', message: 'no engine' }),
    });
    send({ type: 'SET_PROFILE', profile: 'elder' });
    show('<h1 data-speech="title">首页</h1><p data-speech="hint">请选择。请点击。</p>');
    await vi.waitFor(() => expect(said()).toContain('首页'));
    await user.click(screen.getByTestId('voice-volume-down'));
    await user.click(screen.getByTestId('voice-toggle'));
    expect(screen.getByTestId('voice-toggle').getAttribute('aria-pressed')).toBe('false');
    expect(audio.clips).toEqual([]);
  });
});

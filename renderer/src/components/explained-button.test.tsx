import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VoiceContext, type Voice } from '../voice/voice-context';
import { ExplainedButton } from './ExplainedButton';

afterEach(cleanup);

function voiceSpy() {
  const speak = vi.fn<(text: string) => void>();
  const voice: Voice = { enabled: true, speak, stop: () => undefined, repeat: () => undefined };
  return { ...voice, speak };
}

/** A phone step: 下一步 is blocked until a digit is typed. */
function PhoneStep({ onNext }: { onNext: () => void }) {
  const [phone, setPhone] = useState('');
  return (
    <div>
      <button type="button" onClick={() => setPhone((p) => `${p}1`)}>
        1
      </button>
      <ExplainedButton data-testid="next" blockedBy={phone === '' ? '请先输入手机号码' : null} onClick={onNext}>
        下一步
      </ExplainedButton>
    </div>
  );
}

describe('ExplainedButton', () => {
  it('is marked disabled but touchable, and a tap says why, on screen and aloud, without acting', async () => {
    const user = userEvent.setup();
    const voice = voiceSpy();
    const onNext = vi.fn();
    render(
      <VoiceContext.Provider value={voice}>
        <PhoneStep onNext={onNext} />
      </VoiceContext.Provider>,
    );
    const next = screen.getByTestId<HTMLButtonElement>('next');
    expect(next.disabled).toBe(false);
    expect(next.getAttribute('aria-disabled')).toBe('true');
    expect(screen.queryByTestId('blocked-reason')).toBeNull();

    await user.click(next);
    expect(onNext).not.toHaveBeenCalled();
    const reason = screen.getByTestId('blocked-reason');
    expect(reason.textContent).toBe('请先输入手机号码');
    expect(reason.getAttribute('role')).toBe('status');
    expect(next.getAttribute('aria-describedby')).toBe(reason.id);
    expect(voice.speak).toHaveBeenCalledWith('请先输入手机号码');
  });

  it('acts as an ordinary button once nothing blocks it, and the reason goes away', async () => {
    const user = userEvent.setup();
    const onNext = vi.fn();
    render(
      <VoiceContext.Provider value={voiceSpy()}>
        <PhoneStep onNext={onNext} />
      </VoiceContext.Provider>,
    );
    await user.click(screen.getByTestId('next'));
    expect(screen.getByTestId('blocked-reason')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '1' }));
    expect(screen.queryByTestId('blocked-reason')).toBeNull();
    const next = screen.getByTestId('next');
    expect(next.hasAttribute('aria-disabled')).toBe(false);
    await user.click(next);
    expect(onNext).toHaveBeenCalledTimes(1);
  });

  it('stays truly disabled while busy: a tap does nothing and explains nothing', async () => {
    const user = userEvent.setup();
    const voice = voiceSpy();
    const onClick = vi.fn();
    render(
      <VoiceContext.Provider value={voice}>
        <ExplainedButton data-testid="send" disabled blockedBy={null} onClick={onClick}>
          提交
        </ExplainedButton>
      </VoiceContext.Provider>,
    );
    await user.click(screen.getByTestId('send'));
    expect(onClick).not.toHaveBeenCalled();
    expect(voice.speak).not.toHaveBeenCalled();
  });
});

import { describe, expect, it } from 'vitest';
import { callSpeech } from './speech-text';

describe('what a call display says', () => {
  it('reads the ticket digit by digit with its zeros and the window as a number', () => {
    expect(callSpeech('called', 'A012', 1)).toBe('请A零一二号到一号窗口');
    expect(callSpeech('called', 'B100', 12)).toBe('请B一零零号到十二号窗口');
    expect(callSpeech('called', 'C007', 20)).toBe('请C零零七号到二十号窗口');
  });

  it('says 一 in a ticket number, not the telephone 幺', () => {
    expect(callSpeech('called', 'A111', 3)).toBe('请A一一一号到三号窗口');
  });

  it('announces a recall again, marked as a second call', () => {
    expect(callSpeech('recalled', 'A012', 1)).toBe('再次呼叫，请A零一二号到一号窗口');
  });
});

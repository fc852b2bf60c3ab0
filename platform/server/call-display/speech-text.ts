// The platform may import core/ only for the speech engine's files (tools/eslint/layer-imports.js).
import { cardinal, digitByDigit } from '../../../core/speech/chinese-numbers';

/**
 * What the call display says for a call: "请A零一二号到一号窗口", and for a recall the same
 * sentence after 再次呼叫, so a resident who missed the first hears a difference.
 *
 * How the numbers are read, as counter systems announce them ("请A005号到2号窗口", the sentence
 * Chinese 排队叫号 systems print in their manuals):
 * - the ticket number digit by digit with 零 for 0 (A012 → A零一二, never A十二): the slip in
 *   the resident's hand shows three digits with their zeros, and a digit string is compared
 *   figure by figure; 一 is said yī, not the telephone 幺, as ticket systems do;
 * - the window as a quantity (1 → 一号窗口, 12 → 十二号窗口), as people say 十二号窗口.
 * The text holds Chinese numerals already, so the kiosk's normaliser has nothing left to guess.
 */
export function callSpeech(kind: 'called' | 'recalled', ticketNo: string, windowNo: number): string {
  const match = /^([A-Z]*)([0-9]+)$/.exec(ticketNo);
  const ticketWords = match ? `${match[1] ?? ''}${digitByDigit(match[2] ?? '', 'plain')}` : ticketNo;
  const sentence = `请${ticketWords}号到${cardinal(String(windowNo))}号窗口`;
  return kind === 'recalled' ? `再次呼叫，${sentence}` : sentence;
}

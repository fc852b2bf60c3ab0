import type { MaskedCard } from '../../core/api/devices';
import { cardName, type IdCard } from './card';

/**
 * What the UI and CLI may show of a card (docs/reliability.md §3.3: display masked, log nothing).
 * Chinese names keep the first and (from three characters) the last character: 张三 → 张*,
 * 欧阳娜娜 → 欧**娜. Latin names keep each word's first letter: JOHN SMITH → J*** S****.
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  if (/^[\p{Script=Latin}\s'.,-]+$/u.test(name)) {
    return name
      .trim()
      .split(/(\s+)/u)
      .map((part) => (/^\s+$/u.test(part) ? part : maskLatinWord(part)))
      .join('');
  }
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

function maskLatinWord(word: string): string {
  const chars = [...word];
  return chars.map((c, i) => (i === 0 || /[-'.,]/u.test(c) ? c : '*')).join('');
}

/** First 4 and last 4 visible: 370101190102039973 → 3701**********9973; 8 or fewer: all hidden. */
export function maskIdNumber(idNumber: string): string {
  const chars = [...idNumber];
  if (chars.length <= 8) return '*'.repeat(chars.length);
  return `${chars.slice(0, 4).join('')}${'*'.repeat(chars.length - 8)}${chars.slice(-4).join('')}`;
}

export function maskCard(card: IdCard): MaskedCard {
  return {
    cardType: card.cardType,
    nameMasked: maskName(cardName(card)),
    idNumberMasked: maskIdNumber(card.idNumber),
  };
}

/**
 * How Mandarin speakers read digits aloud: as a quantity (一百二十), digit by digit (phone, ID and
 * case numbers), or as a year (二〇二六). Pure functions over digit strings; the normaliser picks one.
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

const digit = (d: string) => DIGITS[Number(d)] ?? '';

/** 0–9999 as a quantity; `inner` when a higher group precedes it (then 10–19 keep their 一: 一万零一十). */
function belowTenThousand(n: number, inner: boolean): string {
  const units = ['千', '百', '十', ''] as const;
  const places = [Math.floor(n / 1000) % 10, Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let out = '';
  let pendingZero = false;
  places.forEach((d, i) => {
    if (d === 0) {
      if (out !== '') pendingZero = true;
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    // 十二, not 一十二, when the ten is the number's first place.
    const first = out === '' && !inner;
    const omitOne = d === 1 && units[i] === '十' && first;
    // 两千, as it is said; 二 everywhere else (二百 and 两百 are both usual).
    const word = d === 2 && units[i] === '千' && first ? '两' : (DIGITS[d] ?? '');
    out += (omitOne ? '' : word) + units[i];
  });
  return out;
}

/** A whole number below 10^12 as a quantity: 120 → 一百二十, 10005 → 一万零五. */
export function cardinal(digits: string): string {
  const n = Number(digits);
  if (!Number.isSafeInteger(n) || n >= 1e12) return digitByDigit(digits, 'plain');
  if (n === 0) return '零';
  const groups: [number, string][] = [
    [Math.floor(n / 1e8), '亿'],
    [Math.floor(n / 1e4) % 1e4, '万'],
    [n % 1e4, ''],
  ];
  let out = '';
  let zeroPending = false;
  for (const [value, unit] of groups) {
    if (value === 0) {
      if (out !== '') zeroPending = true;
      continue;
    }
    // A gap of a whole group, or a group below 1000 after a higher one, is read with 零.
    if (out !== '' && (zeroPending || value < 1000)) out += '零';
    zeroPending = false;
    out += belowTenThousand(value, out !== '') + unit;
  }
  return out;
}

/**
 * Each digit on its own. `phone` reads 1 as 幺, as people do with telephone numbers so that 1
 * and 7 (yī / qī) cannot be confused; `year` reads 0 as 〇.
 */
export function digitByDigit(digits: string, style: 'plain' | 'phone' | 'year'): string {
  return [...digits]
    .map((d) => {
      if (style === 'phone' && d === '1') return '幺';
      if (style === 'year' && d === '0') return '〇';
      return digit(d);
    })
    .join('');
}

/** 3.05 → 三点零五: the integer part as a quantity, the fraction digit by digit. */
export function decimal(integerPart: string, fraction: string): string {
  return `${cardinal(integerPart)}点${digitByDigit(fraction, 'plain')}`;
}

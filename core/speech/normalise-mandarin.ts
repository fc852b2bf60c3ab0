import { cardinal, decimal, digitByDigit } from './chinese-numbers';

/**
 * Rewrites screen text so it is read the way a Mandarin speaker expects: digits become the words a
 * person would say (a quantity, a year, or digit by digit for phone, ID and case numbers), times and
 * dates get 点/分 and 年/月/日, % becomes 百分之, Latin letters are spelt one by one, and
 * punctuation becomes ASCII pauses. The result holds only Han characters, capital letters, spaces
 * and `,` `.` — what the pinyin step turns into espeak-ng input.
 */
export function normaliseMandarin(text: string): string {
  let s = text.normalize('NFKC'); // full-width digits, letters and ，？： become ASCII
  for (const rule of RULES) s = rule(s);
  return tidyPauses(s);
}

/** Bump when the readings change: cached clips of the old readings are then made again. */
export const MANDARIN_NORMALISER_VERSION = 1;

/** One rewrite of the whole text; they run in order, most specific first (an ID number before a quantity). */
type Rule = (text: string) => string;

const NOT_DIGIT_BEFORE = '(?<![0-9])';
const NOT_DIGIT_AFTER = '(?![0-9])';
const PAUSE = '，';

/** Measure words after which a lone 2 is 两 (两人, 两个工作日) rather than 二 (二号). */
const TWO_AS_LIANG = /^\s*(?:人|个|位|份|张|页|天|次|件|项|户|名|本|台|套|块|条|岁|小时|分钟|周|公里|斤|种|样|遍)/;

/** What may follow a long quantity (10000 元): then it is a number, not a code read digit by digit. */
const UNIT_AFTER =
  /^\s*(?:元|块|人|个|位|份|张|页|天|次|件|项|户|名|米|公里|千米|克|公斤|斤|亩|平方|万|亿|年|月|日|号|岁|秒|分|小时|字)/;

/** Words that announce a telephone number, so even a short run (12345, 110) is read digit by digit with 幺. */
const PHONE_CONTEXT = /(?:电话|热线|拨打|致电|手机|号码|联系)[^0-9，。,.]{0,4}$/;

const idNumber: Rule = (text) =>
  // 18-digit ID numbers (last character may be X) and the old 15-digit ones; X is said 叉.
  text.replace(
    new RegExp(
      `${NOT_DIGIT_BEFORE}([0-9]{6})([0-9]{8})([0-9]{3}[0-9Xx])${NOT_DIGIT_AFTER}|${NOT_DIGIT_BEFORE}([0-9]{15})${NOT_DIGIT_AFTER}`,
      'g',
    ),
    (match: string, area?: string, birth?: string, tail?: string) => {
      if (area === undefined || birth === undefined || tail === undefined) return digitByDigit(match, 'plain');
      // Grouped as it is written on the card: area, birth date, sequence and check digit.
      const last = /[Xx]$/.test(tail) ? `${digitByDigit(tail.slice(0, 3), 'plain')}叉` : digitByDigit(tail, 'plain');
      return [digitByDigit(area, 'plain'), digitByDigit(birth, 'plain'), last].join(PAUSE) + PAUSE;
    },
  );

const mobile: Rule = (text) =>
  // 11-digit mobile numbers, spaced or not, grouped 3-4-4 as people say them.
  text.replace(
    new RegExp(`${NOT_DIGIT_BEFORE}(1[3-9][0-9])[ -]?([0-9]{4})[ -]?([0-9]{4})${NOT_DIGIT_AFTER}`, 'g'),
    (_m, a: string, b: string, c: string) => [a, b, c].map((g) => digitByDigit(g, 'phone')).join(PAUSE) + PAUSE,
  );

const landline: Rule = (text) =>
  // 0536-4000123, (0536) 4000123, 400-800-1234: area code and number with a pause between.
  text.replace(
    new RegExp(`${NOT_DIGIT_BEFORE}\\(?(0[0-9]{2,3}|400|800)\\)?[ -]([0-9]{3,4})-?([0-9]{3,4})${NOT_DIGIT_AFTER}`, 'g'),
    (_m, a: string, b: string, c: string) => [a, b + c].map((g) => digitByDigit(g, 'phone')).join(PAUSE) + PAUSE,
  );

const isoDate: Rule = (text) =>
  // 2026-11-21 and 2026/11/21 → 二〇二六年十一月二十一日
  text.replace(
    new RegExp(`${NOT_DIGIT_BEFORE}([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})${NOT_DIGIT_AFTER}`, 'g'),
    (_m, y: string, mo: string, d: string) => `${digitByDigit(y, 'year')}年${cardinal(mo)}月${cardinal(d)}日`,
  );

const yearBeforeNian: Rule = (text) =>
  // 2026年 is a year, read digit by digit: 二〇二六年 (not 两千零二十六年).
  text.replace(new RegExp(`${NOT_DIGIT_BEFORE}([0-9]{4})(?=\\s*年)`, 'g'), (_m, y: string) => digitByDigit(y, 'year'));

const range: Rule = (text) =>
  // 08:30-12:00, 3~5 个工作日: the dash or tilde between two numbers is said 至.
  text.replace(
    /(?<![0-9:])([0-9]{1,2}:[0-9]{2}|[0-9]{1,3})\s*[-~～–—]+\s*(?=(?:[0-9]{1,2}:[0-9]{2}|[0-9]{1,3})(?![0-9]))/g,
    (_m, first: string) => `${first}至`,
  );

const clockTime: Rule = (text) =>
  // 09:30 → 九点三十分, 9:05 → 九点零五分, 12:00 → 十二点整, 08:30:15 → 八点三十分十五秒
  text.replace(
    new RegExp(`${NOT_DIGIT_BEFORE}([01]?[0-9]|2[0-3])[:：]([0-5][0-9])(?:[:：]([0-5][0-9]))?${NOT_DIGIT_AFTER}`, 'g'),
    (_m, h: string, min: string, sec?: string) => {
      const hour = `${cardinal(String(Number(h)))}点`;
      const minutes =
        min === '00' ? (sec ? '零分' : '整') : `${min.startsWith('0') ? '零' : ''}${cardinal(String(Number(min)))}分`;
      const seconds = sec ? `${cardinal(String(Number(sec)))}秒` : '';
      return hour + minutes + seconds;
    },
  );

const percent: Rule = (text) =>
  text.replace(
    /([0-9]+)(?:\.([0-9]+))?\s*[%％]/g,
    (_m, whole: string, fraction?: string) => `百分之${fraction ? decimal(whole, fraction) : cardinal(whole)}`,
  );

const decimalNumber: Rule = (text) =>
  text.replace(
    new RegExp(`${NOT_DIGIT_BEFORE}([0-9]+)\\.([0-9]+)${NOT_DIGIT_AFTER}`, 'g'),
    (_m, whole: string, fraction: string) => decimal(whole, fraction),
  );

const letterThenDigits: Rule = (text) =>
  // Ticket and window codes (A023, B7): the letters as letters, the digits one by one, 零 for 0.
  text.replace(
    /([A-Za-z])([0-9]+)/g,
    (_m, letter: string, digits: string) => `${letter}${digitByDigit(digits, 'plain')}`,
  );

const otherDigits: Rule = (text) =>
  text.replace(/[0-9]+/g, (run: string, offset: number, whole: string) => {
    const before = whole.slice(0, offset);
    const after = whole.slice(offset + run.length);
    if (PHONE_CONTEXT.test(before)) return digitByDigit(run, 'phone');
    const isQuantity =
      !(run.length > 1 && run.startsWith('0')) && (run.length <= 4 || (run.length <= 12 && UNIT_AFTER.test(after)));
    if (!isQuantity) return digitByDigit(run, 'plain');
    if (run === '2' && TWO_AS_LIANG.test(after) && !before.endsWith('第')) return '两';
    return cardinal(run);
  });

const latinLetters: Rule = (text) =>
  // Latin words are spelt as capital letters, which espeak-ng's Mandarin voice names one by one
  // (ID → "ai di"); lower case would be taken for pinyin.
  text.replace(
    /[A-Za-z]+(?:-[A-Za-z]+)*/g,
    (word: string) => ` ${[...word.replace(/-/g, '').toUpperCase()].join(' ')} `,
  );

const RULES: readonly Rule[] = [
  idNumber,
  mobile,
  landline,
  isoDate,
  yearBeforeNian,
  range,
  clockTime,
  percent,
  decimalNumber,
  letterThenDigits,
  otherDigits,
  latinLetters,
];

/** Punctuation → `,` (short pause) or `.` (sentence end); everything else that is not speech goes. */
function tidyPauses(s: string): string {
  return (
    s
      .replace(/[，、；：,;:（）()【】[\]「」『』—…\-–~～·/\\|]+/g, ',')
      .replace(/[。！？!?]+/g, '.')
      .replace(/[《》〈〉“”‘’"'*#@&^_=+<>{}`$]+/g, ' ')
      // Collapse runs of pauses and spaces; a sentence end wins over a comma.
      .replace(/\s*([,.])[\s,.]*/g, (run, first: string) => (run.includes('.') ? '. ' : `${first} `))
      .replace(/\s+/g, ' ')
      .replace(/^[\s,.]+/, '')
      .trim()
  );
}

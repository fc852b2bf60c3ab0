import { pinyin } from 'pinyin-pro';

/**
 * Toneless pinyin for search: the syllables of a text, every reading of one character (for the
 * homophones a pinyin input method offers), the table of valid syllables (to split typed letters
 * into syllables) and the syllables one wrong letter away from a typed piece.
 */

/**
 * The syllables of Hanyu Pinyin without tones (汉语拼音音节表, GB/T 16159), ü written v as typed on
 * a keyboard (lv, nve). Interjection-only syllables (hm, ng, m) are left out: no matter name
 * needs them, and they would let stray letters pass for a syllable.
 */
const SYLLABLE_TABLE = `
a ai an ang ao
ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu
ca cai can cang cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang
chui chun chuo ci cong cou cu cuan cui cun cuo
da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo
e ei en eng er
fa fan fang fei fen feng fo fou fu
ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo
ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo
ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun
ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo
la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lv lve
ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu
na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nve
o ou
pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu
qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun
ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo
sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang
shui shun shuo si song sou su suan sui sun suo
ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo
wa wai wan wang wei wen weng wo wu
xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun
ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun
za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai
zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo
`;

export const SYLLABLES: ReadonlySet<string> = new Set(SYLLABLE_TABLE.split(/\s+/).filter(Boolean));

/** The longest syllable (zhuang, chuang, shuang): no piece of typed letters longer than this is one. */
export const MAX_SYLLABLE_LENGTH = 6;

/** Residents type 略 as lue as often as lve (both are common input-method spellings). */
const SPELLING_VARIANTS: ReadonlyMap<string, string> = new Map([
  ['lue', 'lve'],
  ['nue', 'nve'],
]);

/** The syllable a typed piece stands for, or null when it is none (variants such as lue → lve). */
export function syllableOf(piece: string): string | null {
  if (SYLLABLES.has(piece)) return piece;
  return SPELLING_VARIANTS.get(piece) ?? null;
}

const SPELLED = /^[\p{L}\p{N}]$/u;
const HAN = /^\p{Script=Han}$/u;

export const isHan = (character: string): boolean => HAN.test(character);

/**
 * The toneless pinyin of each character of `text` (by code point), read in context (行 in 银行 is
 * hang); letters and digits stand for themselves, lowercased; punctuation gives ''.
 */
export function termSyllables(text: string): string[] {
  const characters = Array.from(text);
  const readings = pinyin(text, { toneType: 'none', type: 'array', v: true });
  // pinyin-pro gives one reading per character for Chinese text; if it ever groups differently
  // (it would for non-BMP text), fall back to the characters so positions stay aligned.
  const aligned = readings.length === characters.length;
  return characters.map((character, index) => {
    if (!SPELLED.test(character)) return '';
    const reading = (aligned ? readings[index] : character) ?? character;
    return reading.toLowerCase();
  });
}

const readingsCache = new Map<string, ReadonlySet<string>>();

/**
 * Every reading of one character (行: xing, hang, heng): a resident who typed the wrong one of two
 * homophones still meant a character that sounds like this.
 */
export function readingsOf(character: string): ReadonlySet<string> {
  let readings = readingsCache.get(character);
  if (!readings) {
    const all = isHan(character)
      ? pinyin(character, { toneType: 'none', type: 'array', v: true, multiple: true })
      : [character];
    readings = new Set(all.map((reading) => reading.toLowerCase()));
    readingsCache.set(character, readings);
  }
  return readings;
}

/** `word` and every string one letter shorter. */
function withDeletions(word: string): string[] {
  const variants = [word];
  for (let i = 0; i < word.length; i++) variants.push(word.slice(0, i) + word.slice(i + 1));
  return variants;
}

/**
 * Each syllable under itself and every one-letter deletion of it: two strings one edit apart
 * always share an entry (the symmetric-delete idea of SymSpell, Wolf Garbe), so looking up the
 * deletions of a typed piece finds every syllable near it in a few map reads.
 */
const BY_DELETION: ReadonlyMap<string, readonly string[]> = (() => {
  const table = new Map<string, string[]>();
  for (const syllable of SYLLABLES) {
    for (const variant of new Set(withDeletions(syllable)))
      table.set(variant, [...(table.get(variant) ?? []), syllable]);
  }
  return table;
})();

/** Optimal string alignment distance: deletions, insertions, replacements and swaps of two neighbours. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      const row = rows[i];
      if (row) row[j] = best;
    }
  }
  return at(a.length, b.length);
}

const nearCache = new Map<string, readonly string[]>();
/** Typed pieces are short and few; the bound only keeps a stuck key from growing the cache. */
const NEAR_CACHE_LIMIT = 20_000;

/** The syllables exactly one edit from `piece` (xain → xian; shb → she, sha, shi, shu …). */
export function nearSyllables(piece: string): readonly string[] {
  const cached = nearCache.get(piece);
  if (cached) return cached;
  const found = new Set<string>();
  for (const variant of withDeletions(piece)) {
    for (const syllable of BY_DELETION.get(variant) ?? []) {
      if (syllable !== piece && editDistance(piece, syllable) === 1) found.add(syllable);
    }
  }
  const near = [...found];
  if (nearCache.size < NEAR_CACHE_LIMIT) nearCache.set(piece, near);
  return near;
}

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import { pinyin, polyphonic } from 'pinyin-pro';

/**
 * Builds the pinyin keyboard's lexicon (renderer/src/components/keyboard/pinyin-lexicon.json):
 *
 * - characters: GB2312 level 1 (the 3 755 most common hanzi), decoded from the GB2312 byte range
 *   with iconv-lite; every reading pinyin-pro knows for it (polyphones appear under each reading);
 * - commonness: no permitted frequency table ships with our dependencies, so a character's rank
 *   is a proxy: how often it occurs in our own vocabulary below, in pinyin-pro's word dictionary
 *   and in the sample guides of platform/seed (real service-guide text), common surnames boosted;
 *   ties keep GB2312 order;
 * - words: our own vocabulary for names, addresses and the matters, then pinyin-pro's word
 *   dictionary (the words it lists to read polyphones right), only words made of level-1 characters.
 *
 * `npx tsx scripts/gen-pinyin-lexicon.ts` rewrites the file; scripts/gen-pinyin-lexicon.test.ts
 * fails when the committed file differs from what this produces.
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const LEXICON_PATH = join(ROOT, 'renderer/src/components/keyboard/pinyin-lexicon.json');

/** Most common surnames, most common first (the usual census ranking). */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';

/** Words a resident types on this kiosk: addresses, places, the matters, family and forms. */
const VOCABULARY = `
省 市 县 区 镇 乡 村 街道 社区 村委会 居委会 村民委员会 小区 号楼 单元 楼 室 号 组 村民小组 路 街 巷 胡同 大街 大道 开发区 工业园 门牌号 附近 对面 东边 西边 南边 北边
北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门
西安 广州 深圳 武汉 成都 南京 杭州 郑州 长沙 沈阳 哈尔滨 石家庄 太原 合肥 福州 南昌 昆明 贵阳 南宁 兰州 西宁 银川 乌鲁木齐 拉萨 呼和浩特 海口 长春 苏州
济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽 安丘 潍城 寒亭 坊子 奎文 青州 诸城 寿光 高密 昌邑 临朐 昌乐
身份证 户口本 户口簿 户口 户籍 社保 社保卡 医保 低保 养老 养老金 养老保险 医疗保险 医疗 保险 残疾 残疾人 残疾证 退休 结婚 离婚 出生 死亡 证明 申请 办理 电话 手机 号码 地址 姓名 性别 民族 汉族 农村 城镇 城乡 居民 村民 老人 老年人
本人 父亲 母亲 儿子 女儿 配偶 丈夫 妻子 爷爷 奶奶 姥姥 姥爷 孙子 孙女 哥哥 姐姐 弟弟 妹妹 兄弟 姐妹 亲属 代办 帮办 家庭 家属 住址 工作 单位 学校 医院 银行 卫生院 派出所 政府 服务站 便民服务
农业 种植 养殖 补贴 补助 津贴 救助 困难 生活 临时 邮寄 领取 材料 复印件 照片 签字 盖章 营业执照 合作社 土地 承包 宅基地 房屋 建房 危房 改造 独生子女 退役军人 优抚 高龄 学生 就业 失业 创业 贷款 工资 合同 纠纷 调解 法律 援助 证件 驾驶证 护照 缴费 参保 登记 变更 注销 查询 预约 咨询 投诉 建议 谢谢 你好 没有 不知道 上午 下午 今天 明天 身体 不好 行动不便 上门
`;

/**
 * Everyday characters a resident writes anywhere (our own list, not a frequency table): they rank
 * above what the service texts alone would put first, so 你 comes before 泥.
 */
const EVERYDAY =
  '我你他她是的了在有不这那个们和就也都要会能说去来到上下大小多少好人家里天年月日号时点分前后左右东西南北中内外一二三四五六七八九十百千万零两几没还再很吗呢吧啊哪谁什么怎样为因所以但如果可把被给让叫对从向往跟用得着过看听想知道做写读问找买卖开关走跑住坐站吃喝睡家门口水电气路车钱米面菜肉鱼鸡猪牛羊地田山河新旧老长高低早晚今明昨真正只才又先后已经';

/** GB2312 level 1: rows 0xB0–0xD7, cells 0xA1–0xFE, the last row ending at 0xF9. */
export function gb2312Level1(): string[] {
  const bytes: number[] = [];
  for (let row = 0xb0; row <= 0xd7; row += 1) {
    const last = row === 0xd7 ? 0xf9 : 0xfe;
    for (let cell = 0xa1; cell <= last; cell += 1) bytes.push(row, cell);
  }
  return Array.from(iconv.decode(Buffer.from(bytes), 'gb2312'));
}

const readingsOf = (char: string): string[] =>
  (polyphonic(char, { toneType: 'none', type: 'array', v: true })[0] ?? []).filter((r) => /^[a-z]+$/.test(r));

const wordReading = (word: string): string[] => pinyin(word, { toneType: 'none', type: 'array', v: true });

/** pinyin-pro's word dictionaries: not exported by the package, so read from its data files. */
async function pinyinProWords(): Promise<string[]> {
  const dist = dirname(createRequire(import.meta.url).resolve('pinyin-pro'));
  const words: string[] = [];
  // Two- and three-character words only: the longer ones are mostly idioms nobody types here.
  for (const name of ['dict2', 'dict3']) {
    const url = pathToFileURL(join(dist, 'esm', 'data', `${name}.mjs`)).href;
    const module = (await import(url)) as { default: Record<string, string> };
    words.push(...Object.keys(module.default));
  }
  return words;
}

/** Hanzi of the service guides and the list of village matters (real text a resident reads here). */
function seedCorpus(): string {
  const guides = join(ROOT, 'platform/seed/guides');
  const files = readdirSync(guides)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => join(guides, name));
  files.push(join(ROOT, 'platform/seed/anqiu-village-matters.csv'));
  return files.map((file) => readFileSync(file, 'utf8')).join('\n');
}

export interface PinyinLexiconFile {
  readonly about: string;
  /** Every character, most common first. */
  readonly order: string;
  /** Syllable → its characters, most common first (a polyphone's later readings rank lower). */
  readonly syllables: Record<string, string>;
  /** "北京 bei'jing": the word, a space, its syllables joined by apostrophes; ours first. */
  readonly words: string[];
}

export async function buildPinyinLexicon(): Promise<PinyinLexiconFile> {
  const chars = gb2312Level1();
  const known = new Set(chars);
  const vocabulary = VOCABULARY.split(/\s+/).filter((w) => w !== '');
  const dictWords = await pinyinProWords();

  const score = new Map<string, number>(chars.map((c) => [c, 0]));
  const count = (text: string, weight: number) => {
    for (const c of text) if (score.has(c)) score.set(c, (score.get(c) ?? 0) + weight);
  };
  count(vocabulary.join(''), 3);
  count(dictWords.join(''), 1);
  count(seedCorpus(), 1);
  count(EVERYDAY, 30);
  Array.from(SURNAMES).forEach((c, i) => count(c, 40 - Math.floor(i / 4)));

  const gbIndex = new Map(chars.map((c, i) => [c, i]));
  const byScore = (a: readonly [string, number], b: readonly [string, number]) =>
    b[1] - a[1] || (gbIndex.get(a[0]) ?? 0) - (gbIndex.get(b[0]) ?? 0);
  const order = [...score].sort(byScore).map(([c]) => c);

  const perSyllable = new Map<string, Array<[string, number]>>();
  for (const c of chars) {
    readingsOf(c).forEach((reading, i) => {
      // The first reading is pinyin-pro's usual one; the others (行 háng, 长 zhǎng) still show, lower.
      const weight = (score.get(c) ?? 0) / (i === 0 ? 1 : 2);
      const list = perSyllable.get(reading) ?? [];
      list.push([c, weight]);
      perSyllable.set(reading, list);
    });
  }
  const syllables: Record<string, string> = {};
  for (const syllable of [...perSyllable.keys()].sort()) {
    syllables[syllable] = (perSyllable.get(syllable) ?? [])
      .sort(byScore)
      .map(([c]) => c)
      .join('');
  }

  const words: string[] = [];
  const seen = new Set<string>();
  for (const word of [...vocabulary, ...dictWords]) {
    const letters = Array.from(word);
    if (letters.length < 2 || seen.has(word) || !letters.every((c) => known.has(c))) continue;
    const reading = wordReading(word);
    if (reading.length !== letters.length || !reading.every((r) => syllables[r] !== undefined)) continue;
    seen.add(word);
    words.push(`${word} ${reading.join("'")}`);
  }

  return {
    about:
      'Generated by scripts/gen-pinyin-lexicon.ts from GB2312 level 1, pinyin-pro and our vocabulary. Do not edit.',
    order: order.join(''),
    syllables,
    words,
  };
}

/** The file as written: two-space JSON with a final newline, as Prettier leaves it. */
export const serializeLexicon = (lexicon: PinyinLexiconFile): string => `${JSON.stringify(lexicon, null, 2)}\n`;

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const text = serializeLexicon(await buildPinyinLexicon());
  writeFileSync(LEXICON_PATH, text);
  process.stdout.write(`wrote ${LEXICON_PATH} (${Buffer.byteLength(text)} bytes)\n`);
}

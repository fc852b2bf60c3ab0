import { describe, expect, it } from 'vitest';
import { cardinal, digitByDigit } from './chinese-numbers';
import { mandarinToEspeakPinyin } from './mandarin-pinyin';
import { normaliseMandarin } from './normalise-mandarin';

describe('cardinal', () => {
  it.each([
    ['0', '零'],
    ['7', '七'],
    ['10', '十'],
    ['12', '十二'],
    ['20', '二十'],
    ['101', '一百零一'],
    ['110', '一百一十'],
    ['120', '一百二十'],
    ['1005', '一千零五'],
    ['1010', '一千零一十'],
    ['2026', '两千零二十六'],
    ['10000', '一万'],
    ['10005', '一万零五'],
    ['10010', '一万零一十'],
    ['120000', '十二万'],
    ['1000000', '一百万'],
    ['100010000', '一亿零一万'],
  ])('%s → %s', (digits, words) => {
    expect(cardinal(digits)).toBe(words);
  });
});

describe('digitByDigit', () => {
  it('reads 1 as 幺 only in phone style and 0 as 〇 only in years', () => {
    expect(digitByDigit('2010', 'plain')).toBe('二零一零');
    expect(digitByDigit('2010', 'phone')).toBe('二零幺零');
    expect(digitByDigit('2010', 'year')).toBe('二〇一〇');
  });
});

describe('normaliseMandarin', () => {
  it.each([
    // quantities and ordinals
    ['3 号窗口', '三 号窗口'],
    ['请在 120 秒内完成', '请在 一百二十 秒内完成'],
    ['前面还有 3 人', '前面还有 三 人'],
    ['前面还有 2 人', '前面还有 两 人'],
    ['第2位', '第二位'],
    ['2 号窗口', '二 号窗口'],
    ['共10000元', '共一万元'],
    ['3~5 个工作日', '三至五 个工作日'],
    ['3.5 公里', '三点五 公里'],
    ['完成率 95%', '完成率 百分之九十五'],
    ['12.5%', '百分之十二点五'],
    // codes read digit by digit
    ['您的号码是 A023', '您的号码是 A 零二三'],
    ['办件编号 20261121000123', '办件编号 二零二六一一二一零零零一二三'],
    ['编号 007', '编号 零零七'],
    ['身份证号 37078419800101123X', '身份证号 三七零七八四, 一九八零零一零一, 一二三叉,'],
    ['身份证号 370784198001011234。', '身份证号 三七零七八四, 一九八零零一零一, 一二三四.'],
    ['手机 13800000001', '手机 幺三八, 零零零零, 零零零幺,'],
    ['手机 138 0000 0001', '手机 幺三八, 零零零零, 零零零幺,'],
    ['服务热线 0536-4000123', '服务热线 零五三六, 四零零零幺二三,'],
    ['拨打 12345 热线', '拨打 幺二三四五 热线'],
    // times and dates
    ['09:30', '九点三十分'],
    ['9:05', '九点零五分'],
    ['12:00', '十二点整'],
    ['08:30-12:00', '八点三十分至十二点整'],
    ['2026-11-21', '二〇二六年十一月二十一日'],
    ['2026/1/5', '二〇二六年一月五日'],
    ['2026年11月21日', '二〇二六年十一月二十一日'],
    // letters, full-width characters and punctuation
    ['请出示 ID 卡', '请出示 I D 卡'],
    ['Wi-Fi 密码', 'W I F I 密码'],
    ['３号', '三号'],
    ['还需要更多时间吗？', '还需要更多时间吗.'],
    ['（请带好身份证）“好”……', '请带好身份证, 好.'],
    ['是的，好；可以：行、对！', '是的, 好, 可以, 行, 对.'],
    ['《办事指南》', '办事指南'],
  ])('%s → %s', (text, spoken) => {
    expect(normaliseMandarin(text)).toBe(spoken);
  });
});

describe('mandarinToEspeakPinyin', () => {
  it.each([
    // polyphones are chosen by pinyin-pro from the surrounding word
    ['银行', 'yin2 hang2'],
    ['行长', 'hang2 zhang3'],
    ['重新', 'chong2 xin1'],
    ['去银行找行长重新办理', 'qu4 yin2 hang2 zhao3 hang2 zhang3 chong2 xin1 ban4 li3'],
    // the neutral tone is 5 for espeak-ng (it reads 0 as a first tone)
    ['还需要更多时间吗？', 'hai2 xu1 yao4 geng4 duo1 shi2 jian1 ma5.'],
    ['请把身份证放在屏幕下方的读卡区', 'qing3 ba3 shen1 fen4 zheng4 fang4 zai4 ping2 mu4 xia4 fang1 de5 du2 ka3 qu1'],
    // ü as v; letters stay capitals; digits became words first
    ['女儿的绿卡', 'nv3 er2 de5 lv4 ka3'],
    ['您的号码是 A023，前面还有 3 人', 'nin2 de5 hao4 ma3 shi4 A ling2 er4 san1, qian2 mian4 hai2 you3 san1 ren2'],
    ['2026年', 'er4 ling2 er4 liu4 nian2'],
    ['证号末位 X 读作叉', 'zheng4 hao4 mo4 wei4 X du2 zuo4 cha1'],
  ])('%s → %s', (text, pinyin) => {
    expect(mandarinToEspeakPinyin(text)).toBe(pinyin);
  });

  it('never leaves a digit, a neutral-tone 0 or a character outside pinyin, letters and pauses', () => {
    const spoken = mandarinToEspeakPinyin(
      '您好！您于 2026-11-21 09:30 预约的 B12 号，请到 3 号窗口办理。电话 13912345678。',
    );
    expect(spoken).toMatch(/^[a-zA-Z1-5 ,.]+$/);
    expect(spoken).not.toMatch(/[a-z]0\b/);
    expect(spoken).not.toMatch(/(^| )[0-9]/);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasHalfWidthColonInChinese, localeStrings, stringLiterals } from './chinese-colons';

const root = join(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .filter((file) => !file.includes('/testing/'));
}

/** Every core module that builds a printed document, plus the platform's receipt lines and next steps. */
const printedTemplates = [
  ...sourceFiles('core').filter(
    (file) => /ReceiptDocument\b/.test(read(file)) && /kind: '(pair|text)'/.test(read(file)),
  ),
  'platform/server/store/applications.ts',
  'platform/server/store/case-progress.ts',
];

describe('half-width colons in Chinese', () => {
  it('the check itself: catches 领取地点: and 即办件 :, passes 09:30 and https://', () => {
    expect(hasHalfWidthColonInChinese('领取地点: 东埠村')).toBe(true);
    expect(hasHalfWidthColonInChinese('即办件 :已办结')).toBe(true);
    expect(hasHalfWidthColonInChinese('窗口自取:东埠村便民服务站')).toBe(true);
    expect(hasHalfWidthColonInChinese('领取地点：东埠村')).toBe(false);
    expect(hasHalfWidthColonInChinese('营业时间 09:30-17:00')).toBe(false);
    expect(hasHalfWidthColonInChinese('扫码查看 https://example.gov.cn/p')).toBe(false);
  });

  it('no zh-CN locale string puts ":" beside a Chinese character', () => {
    const dir = 'renderer/src/i18n/locales/zh-CN';
    const offending = readdirSync(join(root, dir))
      .filter((name) => name.endsWith('.json'))
      .flatMap((name) =>
        localeStrings(JSON.parse(read(join(dir, name)))).map((entry) => ({ ...entry, key: `${name}:${entry.key}` })),
      )
      .filter((entry) => hasHalfWidthColonInChinese(entry.text));
    expect(offending).toEqual([]);
  });

  it('no printed document template puts ":" beside a Chinese character', () => {
    // The builders are found, not listed: a new slip is checked from the day it is written.
    expect(printedTemplates).toEqual(
      expect.arrayContaining(['core/applications/receipt.ts', 'core/appointments/appointment-slip.ts']),
    );
    const offending = printedTemplates.flatMap((file) =>
      stringLiterals(read(file))
        .filter(hasHalfWidthColonInChinese)
        .map((text) => `${file}: ${text}`),
    );
    expect(offending).toEqual([]);
  });
});

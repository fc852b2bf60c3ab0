/**
 * Writes anqiu-village-matters.ts from anqiu-village-matters.csv. The CSV is the verbatim source;
 * the module carries the same text into every bundle (the Electron main bundle cannot read a file
 * next to a source module), and a test fails if the two differ.
 *   npx tsx platform/seed/write-matter-list-module.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function matterListModule(csv: string): string {
  return [
    '// Generated from anqiu-village-matters.csv by write-matter-list-module.ts; do not edit.',
    '// Source: annex to 安政办〔2020〕36号《安丘市村（社区）便民服务标准化工作实施方案》.',
    `export const ANQIU_VILLAGE_MATTERS_CSV = ${JSON.stringify(csv)};`,
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const dir = import.meta.dirname;
  writeFileSync(
    join(dir, 'anqiu-village-matters.ts'),
    matterListModule(readFileSync(join(dir, 'anqiu-village-matters.csv'), 'utf8')),
  );
}

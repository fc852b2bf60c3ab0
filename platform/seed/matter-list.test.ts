import { ANQIU_VILLAGE_MATTERS_CSV } from './anqiu-village-matters';
import { matterListModule } from './write-matter-list-module';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMatterList } from './matter-list';

/** The verbatim copy of the published list, next to this test. */
const MATTER_LIST_PATH = join(import.meta.dirname, 'anqiu-village-matters.csv');

const HEADER = 'seq,name,case_type,handling\n';

describe('parseMatterList', () => {
  it('maps the document labels to the contract code names', () => {
    const text = `${HEADER}1,城乡居民基本养老保险征缴,即办件,当场办\n2,最低生活保障,承诺件,帮办代办\n3,"政策咨询",即办件,便民事项\n`;
    expect(parseMatterList(text)).toEqual([
      { seq: 1, name: '城乡居民基本养老保险征缴', caseType: 'instant', handling: 'onSite' },
      { seq: 2, name: '最低生活保障', caseType: 'promised', handling: 'assisted' },
      { seq: 3, name: '政策咨询', caseType: 'instant', handling: 'convenience' },
    ]);
  });

  it('rejects another header', () => {
    expect(() => parseMatterList('seq,name,handling,case_type\n1,a,当场办,即办件\n')).toThrow(/header/);
    expect(() => parseMatterList('')).toThrow(/got nothing/);
  });

  it('rejects unknown labels, including names of Object.prototype members', () => {
    expect(() => parseMatterList(`${HEADER}1,a,即办,当场办\n`)).toThrow(/row 2: unknown case type "即办"/);
    expect(() => parseMatterList(`${HEADER}1,a,即办件,toString\n`)).toThrow(/row 2: unknown handling "toString"/);
  });

  it('rejects gaps, swaps and non-numeric seqs', () => {
    expect(() => parseMatterList(`${HEADER}1,a,即办件,当场办\n3,b,即办件,当场办\n`)).toThrow(/row 3: expected seq 2/);
    expect(() => parseMatterList(`${HEADER}2,a,即办件,当场办\n1,b,即办件,当场办\n`)).toThrow(/expected seq 1/);
    expect(() => parseMatterList(`${HEADER}1.0,a,即办件,当场办\n`)).toThrow(/expected seq 1/);
  });

  it('rejects rows with missing or extra fields and empty names', () => {
    expect(() => parseMatterList(`${HEADER}1,a,即办件\n`)).toThrow(/expected 4 fields, got 3/);
    expect(() => parseMatterList(`${HEADER}1,a,即办件,当场办,x\n`)).toThrow(/expected 4 fields, got 5/);
    expect(() => parseMatterList(`${HEADER}1, ,即办件,当场办\n`)).toThrow(/name is empty/);
  });
});

describe('the published list next to the seed', () => {
  const bytes = readFileSync(MATTER_LIST_PATH);

  it('is the verbatim copy of the Anqiu annex', () => {
    // sha256 of /work/shared/data/anqiu-village-matters.csv as received; any edit changes it.
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(
      '6c55475888b04e00a471fa7a85539c4d7883701677ac8c65c975933765f9d249',
    );
  });

  it('reads as 62 matters, from 城乡居民基本养老保险征缴 to 处理、答复群众反映的合理诉求', () => {
    const listed = parseMatterList(bytes.toString('utf8'));
    expect(listed).toHaveLength(62);
    expect(listed[0]).toEqual({ seq: 1, name: '城乡居民基本养老保险征缴', caseType: 'instant', handling: 'onSite' });
    expect(listed[52]?.name).toBe('提供农业科技服务、金融服务、志愿服务等便民服务');
    expect(listed[61]).toEqual({
      seq: 62,
      name: '处理、答复群众反映的合理诉求',
      caseType: 'instant',
      handling: 'convenience',
    });
  });
});

describe('the compiled-in copy of the list', () => {
  it('is exactly the CSV (regenerate with: npx tsx platform/seed/write-matter-list-module.ts)', () => {
    const csv = readFileSync(MATTER_LIST_PATH, 'utf8');
    expect(ANQIU_VILLAGE_MATTERS_CSV).toBe(csv);
    expect(readFileSync(join(import.meta.dirname, 'anqiu-village-matters.ts'), 'utf8')).toBe(matterListModule(csv));
  });
});

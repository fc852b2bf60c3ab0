import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../api/contract';
import { SearchResult } from '../api/find';
import { createDispatcher } from '../api/dispatcher';
import { err, ok, type Result } from '../pure/result';
import type { Handlers } from '../api/types';
import { silentLogger } from '../logging/logger';
import type { PrintFailure, PrintOutcome } from '../devices/types';
import type { ReceiptDocument } from '../../drivers/printer/receipt-document';
import { receiptPreviewText } from '../../drivers/printer/layout';
import { kioskInfoFixture } from '../../tests/helpers/kiosk-info-fixture';
import { replaceCatalog } from './catalog-store';
import { buildFindHandlers } from './handlers';
import { SEARCH_INDEX_FORMAT } from './search-store';
import { catalogVariant } from '../../tests/helpers/catalog-fixture';
import { memoryStore } from '../testing/memory-store';

const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function setUp(options: { stored?: boolean } = {}) {
  const db = memoryStore();
  open.push(db);
  if (options.stored !== false) replaceCatalog(db, catalogVariant('find'), '2026-11-28T01:00:00.000Z');
  return setUpOver(db);
}

/** The find handlers over a store as it is (a new kiosk process: nothing cached). */
function setUpOver(db: Database.Database) {
  const printed: ReceiptDocument[] = [];
  const printer = { answer: null as Result<PrintOutcome, PrintFailure> | null };
  const devices = {
    print(document: ReceiptDocument) {
      printed.push(document);
      return Promise.resolve(printer.answer ?? ok({ receiptId: document.id, printedAt: '2026-11-28T09:00:00+08:00' }));
    },
  };
  // As MatterUsage does: a new map whenever a use is recorded.
  const usage = { uses: new Map<string, number>() as ReadonlyMap<string, number> };
  const handlers = buildFindHandlers({
    db,
    info: kioskInfoFixture,
    logger: silentLogger(),
    now: () => new Date('2026-11-28T01:30:00.000Z'),
    devices,
    usage: { counts: () => usage.uses },
  });
  // Through the real dispatcher, so inputs and outputs are checked against the contract.
  const dispatch = createDispatcher(contract, handlers as unknown as Handlers<typeof contract>, {
    error: () => undefined,
  });
  const call = <M extends 'catalog.search' | 'catalog.lifeEvents' | 'catalog.printChecklist'>(
    method: M,
    input: unknown,
  ) => dispatch(method, input, { host: 'test', requestId: 'r' });
  return { db, printed, printer, call, usage };
}

const codesOf = (value: unknown) => SearchResult.parse(value).hits.map((hit) => hit.code);

describe('catalog.search', () => {
  it('finds the same matter by 社保, shebao and sb, the exact name first, with highlights', async () => {
    const { call } = setUp();
    for (const text of ['社保', 'shebao', 'sb']) {
      const result = await call('catalog.search', { text });
      expect(result.ok, text).toBe(true);
      if (!result.ok) continue;
      expect(codesOf(result.value).slice(0, 2), text).toEqual(['370784-CJ-022', '370784-CJ-003']);
      expect(SearchResult.parse(result.value).hits[1]?.highlights, text).toEqual([[17, 19]]);
    }
  });

  it('answers how each hit matched, whether it has a guide and its channels', async () => {
    const { call } = setUp();
    const result = await call('catalog.search', { text: 'cxjm' });
    expect(result).toEqual({
      ok: true,
      value: {
        total: 3,
        hits: [
          expect.objectContaining({
            code: '370784-CJ-001',
            matchedBy: 'initials',
            highlights: [[0, 4]],
            hasGuide: false,
          }),
          expect.objectContaining({
            code: '370784-CJ-002',
            hasGuide: true,
            channels: ['selfService', 'assistRequest'],
          }),
          expect.objectContaining({ code: '370784-CJ-003', highlights: [[7, 11]] }),
        ],
      },
    });
  });

  it('ranks names that start with the words before names that contain them, and honours the limit', async () => {
    const { call } = setUp();
    const all = await call('catalog.search', { text: 'yanglao' });
    expect(all.ok && codesOf(all.value)).toEqual(['370784-CJ-001', '370784-CJ-002', '370784-CJ-003', '370784-CJ-004']);
    const first = await call('catalog.search', { text: '居民', limit: 1 });
    expect(first.ok && { total: SearchResult.parse(first.value).total, codes: codesOf(first.value) }).toEqual({
      total: 4,
      codes: ['370784-CJ-004'],
    });
  });

  it('sees a new catalog version at once', async () => {
    const { db, call } = setUp();
    const next = catalogVariant('find', 'find-2');
    next.matters = next.matters.map((m) => (m.seq === 22 ? { ...m, name: '社会保障卡申领' } : m));
    replaceCatalog(db, next, '2026-11-28T02:00:00.000Z');
    const result = await call('catalog.search', { text: 'sbk' });
    expect(result.ok && codesOf(result.value)).toEqual([]);
    const byName = await call('catalog.search', { text: 'shbzk' });
    expect(byName.ok && codesOf(byName.value)).toEqual(['370784-CJ-022']);
  });

  it('finds a matter by its alias and says which alias, with nothing marked in the name', async () => {
    const { call } = setUp();
    const result = await call('catalog.search', { text: '低保' });
    expect(result.ok && SearchResult.parse(result.value).hits[0]).toMatchObject({
      code: '370784-CJ-018',
      name: '最低生活保障',
      matchedBy: 'characters',
      matchedIn: 'alias',
      matchedText: '低保',
      highlights: [],
    });
  });

  it('puts the matters used most at this station first among equally good matches', async () => {
    const { call, usage } = setUp();
    const order = async () => {
      const result = await call('catalog.search', { text: '居民基本养老保险' });
      return result.ok ? codesOf(result.value) : [];
    };
    expect(await order()).toEqual(['370784-CJ-004', '370784-CJ-001', '370784-CJ-002', '370784-CJ-003']);
    usage.uses = new Map([
      ['370784-CJ-003', 4],
      ['370784-CJ-002', 2],
    ]);
    expect(await order()).toEqual(['370784-CJ-004', '370784-CJ-003', '370784-CJ-002', '370784-CJ-001']);
  });

  it('rebuilds an index stored by an older format from the stored catalog before searching', async () => {
    const { db } = setUp();
    // As right after migration 0011: names indexed, no other terms, no format recorded.
    db.exec('DELETE FROM catalog_search_term; DELETE FROM catalog_search_format;');
    const { call } = setUpOver(db);
    const result = await call('catalog.search', { text: '吃低保' });
    expect(result.ok && codesOf(result.value)).toEqual(['370784-CJ-018']);
    expect(db.prepare('SELECT format FROM catalog_search_format').pluck().get()).toBe(SEARCH_INDEX_FORMAT);
  });

  it('answers catalogEmpty before a catalog is stored', async () => {
    const { call } = setUp({ stored: false });
    expect(await call('catalog.search', { text: 'sb' })).toMatchObject({ ok: false, error: { code: 'catalogEmpty' } });
    expect(await call('catalog.lifeEvents', {})).toMatchObject({ ok: false, error: { code: 'catalogEmpty' } });
  });
});

describe('catalog.lifeEvents', () => {
  it('lists each bundle with its matters in order and whether each can be submitted here', async () => {
    const { call } = setUp();
    expect(await call('catalog.lifeEvents', {})).toEqual({
      ok: true,
      value: [
        {
          id: 'bereavement',
          name: '亲人身后一件事',
          description: '一次办理注销和丧葬补助金。',
          matters: [
            { code: '370784-CJ-004', name: '居民基本养老保险丧葬补助金申请', selfService: true },
            { code: '370784-CJ-002', name: '城乡居民基本养老保险参保登记', selfService: true },
          ],
        },
        {
          id: 'elderlyCare',
          name: '老年人优待一件事',
          description: '优待证和低保。',
          matters: [
            { code: '370784-CJ-013', name: '老年优待证办理', selfService: true },
            { code: '370784-CJ-018', name: '最低生活保障', selfService: false },
          ],
        },
      ],
    });
  });
});

describe('catalog.printChecklist', () => {
  it('prints the materials, place, hours, phones, version and a QR of the guide', async () => {
    const { call, printed } = setUp();
    const result = await call('catalog.printChecklist', { code: '370784-CJ-002' });
    const url = 'https://zwfw.example.gov.cn/guide/370784-CJ-002?v=1';
    expect(result).toEqual({ ok: true, value: { output: 'paper', problem: null, guideUrl: url } });
    expect(printed).toHaveLength(1);
    const text = receiptPreviewText(printed[0]!, { paperWidthMm: 80, encoding: 'gb18030' });
    for (const expected of [
      '东埠村便民服务站',
      '办事材料清单',
      '城乡居民基本养老保险参保登记',
      '370784-CJ-002',
      '第1版（清单find-1）',
      '□ 居民身份证：原件1份',
      '□ 近期一寸免冠照片（如有）：原件1份',
      '说明：可现场拍摄',
      '周一至周五 8:30-17:30',
      '0536-4000123',
      '12345',
      `[QR: ${url}]`,
      '打印时间 2026-11-28 09:30',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('gives every request its own document, so a second copy prints too', async () => {
    const { call, printed } = setUp();
    await call('catalog.printChecklist', { code: '370784-CJ-002' });
    await call('catalog.printChecklist', { code: '370784-CJ-002' });
    expect(printed).toHaveLength(2);
    expect(printed[0]?.id).not.toBe(printed[1]?.id);
  });

  it('answers screen with the reason when the printer cannot print', async () => {
    const { call, printer } = setUp();
    printer.answer = err({ kind: 'printerUnavailable', code: 'paperOut', message: 'paper out' });
    expect(await call('catalog.printChecklist', { code: '370784-CJ-002' })).toMatchObject({
      ok: true,
      value: { output: 'screen', problem: 'paperOut' },
    });
    printer.answer = err({ kind: 'printerUnavailable', code: 'disconnected', message: 'gone' });
    expect(await call('catalog.printChecklist', { code: '370784-CJ-002' })).toMatchObject({
      ok: true,
      value: { output: 'screen', problem: 'printerUnavailable' },
    });
    printer.answer = err({ kind: 'uncertain', code: 'coverOpen', message: 'cover opened mid-job' });
    expect(await call('catalog.printChecklist', { code: '370784-CJ-002' })).toMatchObject({
      ok: true,
      value: { output: 'screen', problem: 'printFailed' },
    });
  });

  it('refuses an unknown matter and one without a guide, printing nothing', async () => {
    const { call, printed } = setUp();
    expect(await call('catalog.printChecklist', { code: 'NOPE-000' })).toMatchObject({
      ok: false,
      error: { code: 'notFound' },
    });
    expect(await call('catalog.printChecklist', { code: '370784-CJ-004' })).toMatchObject({
      ok: false,
      error: { code: 'noGuide' },
    });
    expect(printed).toEqual([]);
  });
});

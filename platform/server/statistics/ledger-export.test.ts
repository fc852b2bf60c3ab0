import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { instantAt } from '../../contract/china-time';
import type { ConsoleUser } from '../../contract/console/users';
import type { ConsoleDownload } from '../console/handler-types';
import type { SqlDb } from '../db/sql';
import { ephemeralSealer } from '../sealing/sealer';
import { openTestDatabase, type TestDatabase } from '../testing/test-database';
import { createStatisticsConsoleHandlers } from './index';
import { csvCell } from './ledger-csv';
import { LEDGER_HEADER } from './ledger-rows';
import { index64, seeder } from './testing/seed';
import { consoleUser } from './testing/users';

/** The 台账 read back as a county would open it: the .xlsx with ExcelJS, the CSV parsed per RFC 4180. */

const NOW = new Date(instantAt('2026-03-20', 9 * 60));
const RANGE = { from: '2026-03-01', to: '2026-03-31' };
const staff1 = consoleUser('stationStaff', { kind: 'station', stationId: 'station-1' }, 'staff.one');
const county = consoleUser('countyAdmin', { kind: 'county' }, 'county.admin');

let database: TestDatabase;
let db: SqlDb;
let handlers: ReturnType<typeof createStatisticsConsoleHandlers>;

beforeEach(async () => {
  const sealer = ephemeralSealer();
  database = await openTestDatabase(sealer);
  db = database.db;
  handlers = createStatisticsConsoleHandlers({ sql: db, sealer, log: () => undefined });
  const seed = seeder(db, sealer);
  await seed.terminal('k1', 'station-1');
  await seed.terminal('k2', 'station-2');
  const base = { terminalId: 'k1', stationId: 'station-1', matterName: '城乡居民养老保险参保登记' };
  await seed.application({
    ...base,
    caseNo: '370784-20260302-000001',
    day: '2026-03-02',
    seq: 1,
    name: '张三明',
    applicantIndex: index64('a'),
    acceptedAt: '2026-03-02T01:00:00.000Z',
  });
  await seed.application({
    ...base,
    caseNo: '370784-20260303-000001',
    day: '2026-03-03',
    seq: 1,
    name: '=HYPERLINK("http://x","欧阳娜娜")',
    applicantIndex: index64('b'),
    agent: true,
    caseType: 'promised',
    promisedBy: '2026-03-27',
    delivery: 'mail',
    acceptedAt: '2026-03-03T01:00:00.000Z',
  });
  await seed.application({
    ...base,
    terminalId: 'k2',
    stationId: 'station-2',
    caseNo: '370784-20260304-000001',
    day: '2026-03-04',
    seq: 1,
    name: '李四',
    applicantIndex: index64('c'),
    acceptedAt: '2026-03-04T01:00:00.000Z',
  });
  await seed.application({
    ...base,
    caseNo: '370784-20260401-000001',
    day: '2026-04-01',
    seq: 1,
    name: '王五',
    applicantIndex: index64('d'),
    acceptedAt: '2026-04-01T01:00:00.000Z',
  });
  await seed.rating({
    ratingId: 'RT-1',
    day: '2026-03-02',
    seq: 1,
    terminalId: 'k1',
    stationId: 'station-1',
    level: 2,
    subjectRef: '370784-20260302-000001',
    at: '2026-03-02T02:00:00.000Z',
  });
  await seed.workOrder({
    workOrderNo: 'WO-1',
    day: '2026-03-02',
    seq: 1,
    ratingId: 'RT-1',
    followUpBy: '2026-03-23',
    callbackAt: '2026-03-05T02:00:00.000Z',
    satisfied: true,
  });
  await seed.rating({
    ratingId: 'RT-2',
    day: '2026-03-03',
    seq: 1,
    terminalId: 'k1',
    stationId: 'station-1',
    level: 5,
    subjectRef: '370784-20260303-000001',
    at: '2026-03-03T02:00:00.000Z',
  });
});
afterEach(() => database.close());

async function download(user: ConsoleUser, format: 'xlsx' | 'csv', station?: string): Promise<ConsoleDownload> {
  const result = await handlers.exportLedger({
    user,
    ip: '203.0.113.7',
    now: NOW,
    params: undefined,
    body: undefined,
    query: { ...RANGE, format, ...(station ? { station } : {}) },
  });
  if (!result.ok) throw new Error(result.error.detail);
  return result.value;
}

const bytesOf = async (file: ConsoleDownload) => Buffer.from(await new Response(file.body).arrayBuffer());

/** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += char;
  }
  return rows;
}

async function xlsxRows(file: ConsoleDownload): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  // ExcelJS's types name an older Buffer; the bytes are what it reads.
  await workbook.xlsx.load((await bytesOf(file)) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const sheet = workbook.getWorksheet('台账');
  if (!sheet) throw new Error('no 台账 sheet');
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    for (let column = 1; column <= LEDGER_HEADER.length; column += 1) {
      const cell = row.getCell(column);
      // Text cells only: a name starting with "=" must not come back as a formula.
      expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Null]).toContain(cell.type);
      cells.push(typeof cell.value === 'string' ? cell.value : '');
    }
    rows.push(cells);
  });
  return rows;
}

const CALLED_BACK = '已回访（满意）';

describe('the 台账 export', () => {
  it('is an .xlsx a county opens: title, header and one row per application of the range, names masked for admins', async () => {
    const file = await download(county, 'xlsx');
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.fileName).toBe('台账-全县-2026-03-01-2026-03-31.xlsx');
    const rows = await xlsxRows(file);
    expect(rows[0]?.[0]).toBe('全县 台账 2026-03-01 至 2026-03-31');
    expect(rows[1]).toEqual([...LEDGER_HEADER]);
    expect(rows.slice(2)).toEqual([
      [
        '2026-03-02',
        '城乡居民养老保险参保登记',
        '370784-20260302-000001',
        '张*明',
        '自助终端',
        '即办件·窗口领取',
        '已办结',
        '不满意',
        CALLED_BACK,
      ],
      [
        '2026-03-03',
        '城乡居民养老保险参保登记',
        '370784-20260303-000001',
        expect.stringMatching(/^=\*+\)$/),
        '自助终端·代办',
        '承诺件（10个工作日）·邮寄送达',
        '审核中',
        '非常满意',
        '',
      ],
      [
        '2026-03-04',
        '城乡居民养老保险参保登记',
        '370784-20260304-000001',
        '李*',
        '自助终端',
        '即办件·窗口领取',
        '已办结',
        '',
        '',
      ],
    ]);
  });

  it('is a CSV with a BOM and RFC 4180 quoting, full names for the station’s own staff, formulas defused', async () => {
    const file = await download(staff1, 'csv');
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    const bytes = await bytesOf(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    expect(rows[0]).toEqual([...LEDGER_HEADER]);
    expect(rows.map((row) => row[3])).toEqual(['申请人', '张三明', `'=HYPERLINK("http://x","欧阳娜娜")`]);
    expect(rows.map((row) => row[2])).not.toContain('370784-20260304-000001');
  });

  it('writes an audit entry for every export: who, scope, range, rows, masked or not', async () => {
    await bytesOf(await download(staff1, 'csv'));
    await bytesOf(await download(county, 'xlsx', 'station-1'));
    const entries = await db.all(
      'SELECT username, action, target, outcome, detail FROM console_audit ORDER BY audit_id',
    );
    expect(entries).toEqual([
      {
        username: 'staff.one',
        action: 'ledger.exported',
        target: 'station:station-1',
        outcome: 'ok',
        detail: '2026-03-01..2026-03-31 csv rows=2 names=full',
      },
      {
        username: 'county.admin',
        action: 'ledger.exported',
        target: 'station:station-1',
        outcome: 'ok',
        detail: '2026-03-01..2026-03-31 xlsx rows=2 names=masked',
      },
    ]);
  });

  it('audits a download the browser abandoned', async () => {
    const file = await download(county, 'csv');
    const reader = file.body.getReader();
    await reader.read();
    await reader.cancel();
    const actions = await db.all<{ action: string }>('SELECT action FROM console_audit ORDER BY audit_id');
    expect(actions.map((row) => row.action)).toEqual(['ledger.exported', 'ledger.exportAbandoned']);
  });

  it('refuses a station outside the user’s scope before writing anything', async () => {
    await expect(download(staff1, 'csv', 'station-2')).rejects.toThrow('no such station');
    expect(await db.get('SELECT count(*) AS count FROM console_audit')).toEqual({ count: 0 });
  });
});

describe('CSV cells', () => {
  it('quote commas, quotes and line breaks, and prefix what a spreadsheet would run', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    for (const start of ['=', '+', '-', '@', '\t']) expect(csvCell(`${start}1`).startsWith(`'${start}`)).toBe(true);
    expect(csvCell('张三')).toBe('张三');
  });
});

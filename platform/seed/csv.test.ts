import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('splits plain rows and ignores the final line break', () => {
    expect(parseCsv('seq,name\n1,临时救助\n')).toEqual([
      ['seq', 'name'],
      ['1', '临时救助'],
    ]);
  });

  it('reads the last row without a final line break, CRLF line ends and a BOM', () => {
    expect(parseCsv('\uFEFFa,b\r\n1,2\r\n3,4')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    expect(parseCsv('1,"农机设备购置,租赁","他说""好""",x\n2,"第一行\n第二行",,\n')).toEqual([
      ['1', '农机设备购置,租赁', '他说"好"', 'x'],
      ['2', '第一行\n第二行', '', ''],
    ]);
  });

  it('keeps empty fields, including a quoted empty last field', () => {
    expect(parseCsv(',,\n"",""')).toEqual([
      ['', '', ''],
      ['', ''],
    ]);
  });

  it('returns no rows for empty text', () => {
    expect(parseCsv('')).toEqual([]);
  });

  it('rejects an unclosed quote, a quote inside a bare field and text after a closing quote', () => {
    expect(() => parseCsv('1,"open\n2,x\n')).toThrow(/not closed/);
    expect(() => parseCsv('1,ab"c\n')).toThrow(/line 1: a quote inside an unquoted field/);
    expect(() => parseCsv('1,x\n2,"ab"c\n')).toThrow(/line 2: unexpected "c" after a closing quote/);
  });
});

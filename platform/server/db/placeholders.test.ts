import { describe, expect, it } from 'vitest';
import { numberPlaceholders } from './placeholders';

describe('numberPlaceholders', () => {
  it('numbers ? in order', () => {
    expect(numberPlaceholders('SELECT * FROM t WHERE a = ? AND b = ?', ['x', 2])).toEqual({
      text: 'SELECT * FROM t WHERE a = $1 AND b = $2',
      values: ['x', 2],
    });
  });

  it('gives a named parameter used twice one number, with : and @ alike', () => {
    expect(numberPlaceholders('SELECT :a, @b, :a', { a: 1, b: 'two' })).toEqual({
      text: 'SELECT $1, $2, $1',
      values: [1, 'two'],
    });
  });

  it('leaves literals, quoted identifiers, comments and :: casts alone', () => {
    const sql = `SELECT 'what?' AS "odd?:name", CAST(? AS TEXT)::text -- really?\nFROM t WHERE x = 'it''s :not'`;
    expect(numberPlaceholders(sql, ['v'])).toEqual({
      text: `SELECT 'what?' AS "odd?:name", CAST($1 AS TEXT)::text -- really?\nFROM t WHERE x = 'it''s :not'`,
      values: ['v'],
    });
  });

  it('refuses missing values, surplus values and mixed styles', () => {
    expect(() => numberPlaceholders('SELECT ?, ?', ['one'])).toThrow(/more \? placeholders/);
    expect(() => numberPlaceholders('SELECT ?', ['one', 'two'])).toThrow(/2 values were given/);
    expect(() => numberPlaceholders('SELECT :a', { b: 1 })).toThrow(/no value given for :a/);
    expect(() => numberPlaceholders('SELECT ?, :a', Object.assign([1], { a: 1 }))).toThrow();
  });
});

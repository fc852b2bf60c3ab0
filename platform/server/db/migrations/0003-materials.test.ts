import { describe, expect, it } from 'vitest';
import { columns, databaseAt, tableNames } from './testing';

describe('migration 0003 materials', () => {
  it('adds materials on top of version 2', () => {
    expect(tableNames(databaseAt(2))).not.toContain('materials');
    const db = databaseAt(3);
    expect(columns(db, 'materials')).toEqual(['sha256', 'size', 'content_type', 'bytes', 'uploaded_by', 'stored_at']);
    db.close();
  });

  it('stores bytes once per sha256 and only for known terminals', () => {
    const db = databaseAt(3);
    db.prepare("INSERT INTO terminals VALUES ('k1', 's1', ?, 't', 't', NULL)").run('a'.repeat(64));
    const insert = db.prepare("INSERT INTO materials VALUES (?, 3, 'image/png', x'010203', ?, 't')");
    insert.run('b'.repeat(64), 'k1');
    expect(() => insert.run('b'.repeat(64), 'k1')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert.run('c'.repeat(64), 'nobody')).toThrow(/FOREIGN KEY/);
    expect(() => insert.run('short', 'k1')).toThrow(/CHECK/);
    db.close();
  });
});

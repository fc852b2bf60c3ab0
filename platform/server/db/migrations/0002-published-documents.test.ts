import { describe, expect, it } from 'vitest';
import { columns, databaseAt, tableNames } from './testing';

describe('migration 0002 published-documents', () => {
  it('adds published_documents on top of version 1', () => {
    const before = databaseAt(1);
    expect(tableNames(before)).not.toContain('published_documents');
    before.close();
    const db = databaseAt(2);
    expect(tableNames(db)).toContain('published_documents');
    expect(columns(db, 'published_documents')).toEqual([
      'id',
      'kind',
      'version',
      'published_at',
      'item_count',
      'body',
      'stored_at',
    ]);
    db.close();
  });

  it('allows one row per (kind, version) and the same version for different kinds', () => {
    const db = databaseAt(2);
    const insert = db.prepare(
      "INSERT INTO published_documents (kind, version, published_at, item_count, body, stored_at) VALUES (?, 'v1', 't', 0, '{}', 't')",
    );
    insert.run('catalog');
    insert.run('ratingOptions');
    expect(() => insert.run('catalog')).toThrow(/UNIQUE/);
    db.close();
  });
});

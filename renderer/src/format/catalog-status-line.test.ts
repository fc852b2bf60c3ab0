import { describe, expect, it } from 'vitest';
import type { CatalogStatus } from '../../../core/api/contract';
import { catalogAge } from './catalog-age';
import { describeCatalogStatus } from './catalog-status-line';

const now = new Date('2026-11-20T15:00:00+08:00');

const base: CatalogStatus = {
  version: '2026.11.20-1',
  publishedAt: '2026-11-20T09:00:00+08:00',
  storedAt: '2026-11-20T09:10:00+08:00',
  confirmedAt: '2026-11-20T14:57:00+08:00',
  matterCount: 62,
  platform: 'reachable',
  lastError: null,
  stale: false,
};

describe('catalog age', () => {
  it('reads in the largest natural unit', () => {
    expect(catalogAge('2026-11-20T14:59:30+08:00', now)).toEqual({ unit: 'justNow' });
    expect(catalogAge('2026-11-20T14:57:00+08:00', now)).toEqual({ unit: 'minutes', count: 3 });
    expect(catalogAge('2026-11-20T10:00:00+08:00', now)).toEqual({ unit: 'hours', count: 5 });
    expect(catalogAge('2026-11-17T14:00:00+08:00', now)).toEqual({ unit: 'days', count: 3 });
  });

  it('never goes negative when the kiosk clock is behind', () => {
    expect(catalogAge('2026-11-20T15:10:00+08:00', now)).toEqual({ unit: 'justNow' });
  });
});

describe('catalog status line', () => {
  it('is "fetching" until a version is stored', () => {
    expect(describeCatalogStatus(null, now)).toEqual({ kind: 'fetching' });
    expect(describeCatalogStatus({ ...base, version: null }, now)).toEqual({ kind: 'fetching' });
  });

  it('counts the age from the last confirmation, not from publication', () => {
    expect(describeCatalogStatus(base, now)).toEqual({
      kind: 'current',
      version: '2026.11.20-1',
      age: { unit: 'minutes', count: 3 },
    });
  });

  it('says offline when the platform is unreachable', () => {
    const line = describeCatalogStatus(
      { ...base, platform: 'unreachable', confirmedAt: '2026-11-20T10:00:00+08:00' },
      now,
    );
    expect(line).toEqual({ kind: 'offline', version: '2026.11.20-1', age: { unit: 'hours', count: 5 } });
  });

  it('never says only "offline" when the list is also stale', () => {
    expect(describeCatalogStatus({ ...base, stale: true }, now).kind).toBe('stale');
    expect(describeCatalogStatus({ ...base, platform: 'unreachable', stale: true }, now).kind).toBe('staleOffline');
  });

  it('has no age when the platform never confirmed the version', () => {
    expect(describeCatalogStatus({ ...base, confirmedAt: null, stale: true }, now)).toEqual({
      kind: 'stale',
      version: '2026.11.20-1',
      age: null,
    });
  });
});

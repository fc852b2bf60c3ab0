import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NOW, emptyStatus, status } from '../test/fixture-catalog';
import { renderKiosk, startVisit } from '../test/render-kiosk';

async function statusLine(expected: string | RegExp): Promise<HTMLElement> {
  const line = await screen.findByText(expected, { selector: '[data-testid=catalog-status] span' });
  const container = line.closest<HTMLElement>('[data-testid=catalog-status]');
  if (!container) throw new Error('status text outside the status line');
  return container;
}

describe('catalog status footer', () => {
  beforeEach(() => {
    // Only the clock is fake: the age is counted from a known "now".
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the version and its age since the platform last confirmed it', async () => {
    renderKiosk({ status: status() });
    const line = await statusLine('事项清单 2026.11.20-1 · 3 分钟前更新');
    expect(line.dataset['kind']).toBe('current');
    expect(line.className).not.toContain('warning');
  });

  it('turns into a plain warning when the platform is unreachable', async () => {
    renderKiosk({ status: status({ platform: 'unreachable', confirmedAt: '2026-11-20T05:00:00+08:00' }) });
    const line = await statusLine('网络暂时中断，正在使用本机保存的清单（5 小时前更新），可以正常查看办事指南');
    expect(line.dataset['kind']).toBe('offline');
    expect(line.className).toContain('catalog-status--warning');
  });

  it('turns into a warning when the catalog is stale', async () => {
    renderKiosk({ status: status({ stale: true, confirmedAt: '2026-11-16T09:00:00+08:00' }) });
    const line = await statusLine('事项清单已较长时间没有更新（4 天前更新），办事要求可能有变化，请以窗口实际告知为准');
    expect(line.dataset['kind']).toBe('stale');
  });

  it('warns about both when the platform is unreachable and the catalog stale', async () => {
    renderKiosk({ status: status({ stale: true, platform: 'unreachable', confirmedAt: '2026-11-16T09:00:00+08:00' }) });
    const line = await statusLine(/^网络暂时中断，本机保存的清单已较长时间没有更新（4 天前更新）/);
    expect(line.dataset['kind']).toBe('staleOffline');
    expect(line.className).toContain('catalog-status--warning');
  });

  it('has no age to show when the platform never confirmed the version', async () => {
    renderKiosk({ status: status({ stale: true, confirmedAt: null }) });
    await statusLine('事项清单已较长时间没有更新，办事要求可能有变化，请以窗口实际告知为准');
  });

  it('says it is fetching while no catalog is stored', async () => {
    renderKiosk({ status: emptyStatus, empty: true });
    expect((await statusLine('正在获取事项清单…')).dataset['kind']).toBe('fetching');
  });

  it('follows catalog.statusChanged live', async () => {
    const { fake, user } = renderKiosk({ status: status() });
    await startVisit(user);
    await statusLine('事项清单 2026.11.20-1 · 3 分钟前更新');
    act(() => fake.emit('catalog.statusChanged', status({ platform: 'unreachable' })));
    await statusLine(/^网络暂时中断/);
    act(() => fake.emit('catalog.statusChanged', status({ version: '2026.11.21-1', confirmedAt: NOW.toISOString() })));
    await statusLine('事项清单 2026.11.21-1 · 刚刚更新');
  });
});

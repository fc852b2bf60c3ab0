import { describe, expect, it } from 'vitest';
import { renderOutOfServicePage, type OutOfServiceReason } from './out-of-service';

const base = {
  stationName: '东埠村便民服务站',
  terminalName: '自助服务一体机 1 号',
  hotline: '0536-4000123',
  since: new Date(2026, 10, 21, 9, 5),
};

describe('the out-of-service page', () => {
  const page = renderOutOfServicePage({
    ...base,
    reason: { kind: 'startupFailed', detail: 'storeLocked: the store is locked by another process' },
  });

  it('is static: no script of any kind', () => {
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/\son[a-z]+\s*=/i);
    expect(page).not.toMatch(/javascript:/i);
    expect(page).not.toMatch(/<(iframe|object|embed|form|meta http-equiv="refresh")/i);
  });

  it('speaks Chinese first, then English, and tells the resident to ask staff', () => {
    expect(page).toContain('<html lang="zh-CN">');
    const zh = page.indexOf('请联系工作人员');
    const en = page.indexOf('Please ask the station staff');
    expect(zh).toBeGreaterThan(0);
    expect(en).toBeGreaterThan(zh);
    expect(page.indexOf('暂停服务', page.indexOf('<body>'))).toBeLessThan(
      page.indexOf('Out of service', page.indexOf('<body>')),
    );
  });

  it('names the station, the terminal and the hotline from the config', () => {
    expect(page).toContain('东埠村便民服务站');
    expect(page).toContain('自助服务一体机 1 号');
    expect(page.match(/0536-4000123/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('gives the reason in plain words, with the technical detail and time for the technician', () => {
    expect(page).toContain('本机的服务程序没有启动成功');
    expect(page).toContain("The kiosk's service program did not start.".replace("'", '&#39;'));
    expect(page).toContain('storeLocked: the store is locked by another process');
    expect(page).toContain('2026-11-21 09:05');
  });

  it.each<[OutOfServiceReason, string]>([
    [{ kind: 'rendererCrashed', crashes: 4, windowMinutes: 10 }, '屏幕程序多次意外退出'],
    [{ kind: 'uiMissing', detail: '/opt/kiosk/out/renderer/index.html not found' }, '界面文件缺失'],
  ])('explains %o', (reason, words) => {
    const text = renderOutOfServicePage({ ...base, reason });
    expect(text).toContain(words);
  });

  it('escapes everything it did not write itself', () => {
    const text = renderOutOfServicePage({
      ...base,
      stationName: '<img src=x onerror=alert(1)>',
      reason: { kind: 'startupFailed', detail: '</footer><script>alert(1)</script>' },
    });
    expect(text).not.toContain('<img');
    expect(text).not.toContain('<script>');
    expect(text).toContain('&lt;script&gt;');
  });
});

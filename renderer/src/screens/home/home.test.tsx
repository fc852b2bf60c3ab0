import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openGroup, openMatter, renderKiosk, startVisit } from '../../test/render-kiosk';

function tile(home: HTMLElement, selector: string): HTMLElement {
  const found = home.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

const codesIn = (list: HTMLElement) =>
  within(list)
    .getAllByTestId('matter-item')
    .map((item) => item.dataset['code']);

describe('home screen', () => {
  it('groups the matters by the four service kinds, plus all, with counts', async () => {
    const { user } = renderKiosk();
    const home = await startVisit(user);
    const kinds = within(home).getAllByTestId('kind-tile');
    expect(kinds.map((k) => k.dataset['kind'])).toEqual([
      'all',
      'approvalAgency',
      'directQuery',
      'consultation',
      'assistedAcceptance',
    ]);
    expect(tile(home, '[data-kind=all]')?.textContent).toMatch(/全部事项.*4 项/);
    expect(tile(home, '[data-kind=approvalAgency]')?.textContent).toMatch(/审批代办类.*2 项/);
    expect(tile(home, '[data-kind=consultation]')?.textContent).toMatch(/咨询服务类.*1 项/);
    expect(tile(home, '[data-kind=assistedAcceptance]')?.textContent).toMatch(/协助受理类.*1 项/);
    // A kind with no matters keeps its place but cannot be chosen.
    expect(tile(home, '[data-kind=directQuery]')?.textContent).toMatch(/直接查询类.*0 项/);
    expect((tile(home, '[data-kind=directQuery]') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows a tile per theme that has matters, with its count', async () => {
    const { user } = renderKiosk();
    const home = await startVisit(user);
    const themes = within(home).getAllByTestId('theme-tile');
    expect(themes.map((t) => [t.dataset['theme'], t.textContent])).toEqual([
      ['elderly', '老年人服务2 项'],
      ['socialAssistance', '社会救助2 项'],
      ['legal', '法律服务与调解1 项'],
    ]);
  });

  it('lists every matter on home itself, below the tiles', async () => {
    const { user, fake } = renderKiosk();
    const home = await startVisit(user);
    const list = await within(home).findByTestId('matter-list');
    expect(codesIn(list)).toEqual(['370784-CJ-013', '370784-CJ-020', '370784-CJ-021', '370784-CJ-052']);
    expect(home.textContent).toContain('共 4 项');
    expect(fake.callsTo('catalog.list')).toEqual([{ limit: 500 }]);
  });

  it('opens 全部 on a screen of its own too', async () => {
    const { user, fake } = renderKiosk();
    await startVisit(user);
    const list = await openGroup(user, '[data-kind=all]');
    expect(codesIn(list)).toEqual(['370784-CJ-013', '370784-CJ-020', '370784-CJ-021', '370784-CJ-052']);
    expect(fake.callsTo('catalog.list').at(-1)).toEqual({ limit: 500 });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('全部事项');
  });

  it('lists one service kind', async () => {
    const { user, fake } = renderKiosk();
    await startVisit(user);
    const list = await openGroup(user, '[data-kind=approvalAgency]');
    expect(codesIn(list)).toEqual(['370784-CJ-020', '370784-CJ-021']);
    expect(fake.callsTo('catalog.list').at(-1)).toEqual({ serviceKind: 'approvalAgency', limit: 500 });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('审批代办类');
  });

  it('lists one theme under its name from the catalog', async () => {
    const { user, fake } = renderKiosk();
    await startVisit(user);
    const list = await openGroup(user, '[data-theme=elderly]');
    expect(codesIn(list)).toEqual(['370784-CJ-013', '370784-CJ-020']);
    expect(fake.callsTo('catalog.list').at(-1)).toEqual({ themeId: 'elderly', limit: 500 });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('老年人服务');
  });

  it("narrows home's list by handling mode, and 全部 widens it again", async () => {
    const { user, fake } = renderKiosk();
    const home = await startVisit(user);
    const filter = within(home).getByTestId('handling-filter');
    expect(within(filter).getByRole('button', { name: '全部' }).getAttribute('aria-pressed')).toBe('true');

    await user.click(within(filter).getByRole('button', { name: '帮办代办' }));
    expect(within(filter).getByRole('button', { name: '帮办代办' }).getAttribute('aria-pressed')).toBe('true');
    expect(codesIn(await within(home).findByTestId('matter-list'))).toEqual(['370784-CJ-020', '370784-CJ-021']);

    await user.click(within(filter).getByRole('button', { name: '当场办' }));
    await within(home).findByText('共 1 项');
    expect(codesIn(within(home).getByTestId('matter-list'))).toEqual(['370784-CJ-013']);

    await user.click(within(filter).getByRole('button', { name: '全部' }));
    await within(home).findByText('共 4 项');
    expect(fake.callsTo('catalog.list')).toEqual([
      { limit: 500 },
      { handling: 'assisted', limit: 500 },
      { handling: 'onSite', limit: 500 },
      { limit: 500 },
    ]);
  });

  it("narrows a group's list by handling mode", async () => {
    const { user, fake } = renderKiosk();
    await startVisit(user);
    await openGroup(user, '[data-theme=elderly]');
    await user.click(within(screen.getByTestId('handling-filter')).getByRole('button', { name: '帮办代办' }));
    await screen.findByText('共 1 项');
    expect(codesIn(screen.getByTestId('matter-list'))).toEqual(['370784-CJ-020']);
    expect(fake.callsTo('catalog.list').at(-1)).toEqual({ themeId: 'elderly', handling: 'assisted', limit: 500 });
  });

  it('opens a guide straight from home, and back returns there', async () => {
    const { user } = renderKiosk();
    await startVisit(user);
    const guide = await openMatter(user, '370784-CJ-052');
    expect(guide.textContent).toContain('法律咨询');
    // Home stays under the guide, laid out but hidden, so it keeps its place.
    expect(screen.getByTestId('home-screen').hasAttribute('data-covered')).toBe(true);
    await user.click(screen.getByTestId('back-button'));
    expect(screen.queryByTestId('guide-screen')).toBeNull();
    expect(screen.getByTestId('home-screen').hasAttribute('data-covered')).toBe(false);
  });

  it('says so when a filter leaves nothing, and offers the way back', async () => {
    const { user } = renderKiosk();
    await startVisit(user);
    await openGroup(user, '[data-theme=legal]');
    await user.click(within(screen.getByTestId('handling-filter')).getByRole('button', { name: '当场办' }));
    expect((await screen.findByTestId('list-empty')).textContent).toContain('没有符合条件的事项');
    await user.click(screen.getByRole('button', { name: '查看全部办理方式' }));
    expect(codesIn(await within(screen.getByTestId('browse-screen')).findByTestId('matter-list'))).toEqual([
      '370784-CJ-052',
    ]);
  });

  it('shows on each matter what a resident decides by', async () => {
    const { user } = renderKiosk();
    await startVisit(user);
    const list = await openGroup(user, '[data-kind=all]');
    const item = (code: string) =>
      within(list)
        .getAllByTestId('matter-item')
        .find((i) => i.dataset['code'] === code);

    const seniorCard = item('370784-CJ-013');
    expect(seniorCard?.textContent).toContain('老年优待证办理');
    expect(seniorCard?.textContent).toContain('即办件');
    expect(seniorCard?.textContent).toContain('当场办');
    expect(seniorCard?.textContent).toContain('跨村通办');
    expect(seniorCard?.textContent).toContain('可自助申报 · 可申请帮办代办');
    expect(seniorCard?.textContent).toContain('有办事指南');

    const reliefCard = item('370784-CJ-020');
    expect(reliefCard?.textContent).toContain('承诺件 · 10个工作日');
    expect(reliefCard?.textContent).toContain('帮办代办');
    expect(reliefCard?.textContent).not.toContain('跨村通办');

    const adviceCard = item('370784-CJ-052');
    expect(adviceCard?.textContent).toContain('便民事项');
    expect(adviceCard?.textContent).toContain('仅提供指南');
    expect(adviceCard?.textContent).toContain('暂无办事指南');
  });

  it('back from a list returns home; home from a list too', async () => {
    const { user } = renderKiosk();
    await startVisit(user);
    await openGroup(user, '[data-kind=all]');
    await user.click(screen.getByTestId('back-button'));
    await screen.findByTestId('home-screen');
    expect(screen.getByTestId<HTMLButtonElement>('back-button').disabled).toBe(true);
    await openGroup(user, '[data-theme=legal]');
    await user.click(screen.getByTestId('home-button'));
    await screen.findByTestId('home-screen');
    expect(screen.queryByTestId('browse-screen')).toBeNull();
  });
});

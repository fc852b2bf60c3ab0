import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { SearchResult } from '../../../../core/api/find';
import { err, ok } from '../../../../core/pure/result';
import { catalogHandlers } from '../../test/render-kiosk';
import { SearchScreen, type SearchScreenProps } from './SearchScreen';
import { renderScreen } from './testing/render-screen';

const pensionHit = (matchedBy: 'characters' | 'pinyin' | 'initials'): SearchResult['hits'][number] => ({
  code: '370784-CJ-003',
  name: '被征地农民参加城乡居民基本养老保险社保补贴',
  matchedBy,
  matchedIn: 'name',
  matchedText: null,
  highlights: [[17, 19]],
  hasGuide: false,
  channels: ['assistRequest'],
});

function searchHandler() {
  return vi.fn(({ text }: { text: string; limit: number }) =>
    ['社保', 'shebao', 'sb'].includes(text)
      ? ok({ total: 1, hits: [pensionHit(text === '社保' ? 'characters' : text === 'sb' ? 'initials' : 'pinyin')] })
      : ok({ total: 0, hits: [] }),
  );
}

const props = (overrides: Partial<SearchScreenProps> = {}): SearchScreenProps => ({
  onOpenMatter: () => undefined,
  onOpenTheme: () => undefined,
  onAskForHelp: () => undefined,
  onExit: () => undefined,
  ...overrides,
});

describe('search screen', () => {
  it('asks for words first, then finds 社保 typed as characters, pinyin or initials, highlighted', async () => {
    const search = searchHandler();
    const { user } = renderScreen(<SearchScreen {...props()} />, {
      'catalog.search': search,
    });
    expect(screen.getByTestId('search-screen').textContent).toContain('请输入要办的事');
    expect(search).not.toHaveBeenCalled();
    for (const text of ['社保', 'shebao', 'sb']) {
      await user.clear(screen.getByTestId('search-input'));
      await user.type(screen.getByTestId('search-input'), text);
      const hit = await screen.findByTestId('search-hit');
      expect(hit.dataset['code'], text).toBe('370784-CJ-003');
      expect(within(hit).getByTestId('search-mark').textContent, text).toBe('社保');
      expect(screen.getByTestId('search-total').textContent).toBe('找到 1 项');
    }
    expect(search).toHaveBeenLastCalledWith({ text: 'sb', limit: 50 });
  });

  it('searches a quick-pick word with one tap and opens the matter tapped', async () => {
    const onOpenMatter = vi.fn();
    const { user } = renderScreen(<SearchScreen {...props({ onOpenMatter })} />, {
      'catalog.search': searchHandler(),
    });
    const picks = screen.getAllByTestId('quick-pick');
    expect(picks.map((pick) => pick.textContent)).toEqual(['社保', '养老', '低保', '残疾', '医保', '户口', '证明']);
    await user.click(picks[0]!);
    expect(screen.getByTestId<HTMLInputElement>('search-input').value).toBe('社保');
    expect(picks[0]?.getAttribute('aria-pressed')).toBe('true');
    await user.click(await screen.findByTestId('search-hit'));
    expect(onOpenMatter).toHaveBeenCalledWith('370784-CJ-003');
  });

  it('says plainly when nothing matches, and offers a retry when the kiosk cannot answer', async () => {
    const { user, fake } = renderScreen(<SearchScreen {...props()} />, {
      'catalog.search': searchHandler(),
    });
    await user.type(screen.getByTestId('search-input'), '火星');
    expect((await screen.findByTestId('search-empty')).textContent).toContain('没有找到“火星”相关的事项');
    fake.setHandlers({
      ...catalogHandlers(),
      'catalog.search': () => err({ code: 'catalogEmpty' as const, message: 'no catalog' }),
    });
    await user.type(screen.getByTestId('search-input'), '证明');
    expect(await screen.findByTestId('catalog-empty')).toBeTruthy();
  });

  it('offers the themes and 帮办 when nothing matches, never a dead end', async () => {
    const onOpenTheme = vi.fn();
    const onAskForHelp = vi.fn();
    const { user } = renderScreen(<SearchScreen {...props({ onOpenTheme, onAskForHelp })} />, {
      'catalog.search': searchHandler(),
    });
    await user.type(screen.getByTestId('search-input'), '火星');
    await screen.findByTestId('search-empty');
    const themes = await screen.findAllByTestId('search-empty-theme');
    // The fixture's themes that hold matters, in their order.
    expect(themes.map((theme) => theme.textContent)).toEqual(['老年人服务', '社会救助', '法律服务与调解']);
    await user.click(themes[1]!);
    expect(onOpenTheme).toHaveBeenCalledWith('socialAssistance');
    await user.click(screen.getByTestId('search-empty-help'));
    expect(onAskForHelp).toHaveBeenCalledOnce();
    expect(screen.getByTestId('search-empty-help').textContent).toBe('请工作人员帮办');
  });

  it('says why each result is there: the name, an alias, a broader word, by sound', async () => {
    const hit = (code: string, overrides: Partial<SearchResult['hits'][number]>): SearchResult['hits'][number] => ({
      ...pensionHit('characters'),
      code,
      highlights: [],
      ...overrides,
    });
    const { user } = renderScreen(<SearchScreen {...props()} />, {
      'catalog.search': () =>
        ok({
          total: 4,
          hits: [
            hit('A', { matchedIn: 'name', matchedBy: 'pinyin' }),
            hit('B', { matchedIn: 'alias', matchedText: '农保' }),
            hit('C', { matchedIn: 'broader', matchedText: '养老保险' }),
            hit('D', { matchedIn: 'alias', matchedText: '低保', matchedBy: 'sound' }),
          ],
        }),
    });
    await user.type(screen.getByTestId('search-input'), '农保');
    await screen.findAllByTestId('search-hit');
    expect(screen.getAllByTestId('search-why').map((why) => why.textContent)).toEqual([
      '拼音',
      '又称“农保”',
      '相关：养老保险',
      '又称“低保”（同音字）',
    ]);
  });

  it('searches initials the way the hint says: letters typed on the keyboard, then the letters candidate', async () => {
    const search = searchHandler();
    const { user } = renderScreen(<SearchScreen {...props()} />, { 'catalog.search': search });
    const hint = screen.getByTestId('search-screen').textContent ?? '';
    expect(hint).toContain('sb');
    await user.click(screen.getByTestId('search-input'));
    const keyboard = await screen.findByTestId('search-input-keyboard');
    const press = (name: string) => user.click(within(keyboard).getByRole('button', { name }));
    await press('s');
    await press('b');
    // The keyboard offers 社保 among its candidates, and the letters themselves first.
    expect(within(keyboard).getByTestId('kb-letters').textContent).toBe('sb');
    await user.click(within(keyboard).getByTestId('kb-letters'));
    expect(screen.getByTestId<HTMLInputElement>('search-input').value).toBe('sb');
    const found = await screen.findByTestId('search-hit');
    expect(found.dataset['matchedBy']).toBe('initials');
    expect(search).toHaveBeenLastCalledWith({ text: 'sb', limit: 50 });
  });

  it('can type every example the field shows, letters and characters, on its own keyboard', async () => {
    const { user } = renderScreen(<SearchScreen {...props()} />, { 'catalog.search': searchHandler() });
    const examples = ['shebao', 'sb'];
    const placeholder = screen.getByText(/例如/).textContent ?? '';
    for (const example of examples) expect(placeholder).toContain(example);
    await user.click(screen.getByTestId('search-input'));
    const keyboard = await screen.findByTestId('search-input-keyboard');
    for (const example of examples) {
      await user.click(within(keyboard).getByRole('button', { name: '清空' }));
      for (const letter of example) await user.click(within(keyboard).getByRole('button', { name: letter }));
      await user.click(within(keyboard).getByTestId('kb-letters'));
      expect(screen.getByTestId<HTMLInputElement>('search-input').value, example).toBe(example);
    }
    // 社保 is a candidate of the letters shebao.
    await user.click(within(keyboard).getByRole('button', { name: '清空' }));
    for (const letter of 'shebao') await user.click(within(keyboard).getByRole('button', { name: letter }));
    await user.click(within(keyboard).getByRole('button', { name: '社保' }));
    expect(screen.getByTestId<HTMLInputElement>('search-input').value).toBe('社保');
  });
});

import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { SearchResult } from '../../../../core/api/find';
import { err, ok } from '../../../../core/api/result';
import { catalogHandlers } from '../../test/render-kiosk';
import { SearchScreen } from './SearchScreen';
import { renderScreen } from './testing/render-screen';

const pensionHit = (matchedBy: 'characters' | 'pinyin' | 'initials'): SearchResult['hits'][number] => ({
  code: '370784-CJ-003',
  name: '被征地农民参加城乡居民基本养老保险社保补贴',
  matchedBy,
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

describe('search screen', () => {
  it('asks for words first, then finds 社保 typed as characters, pinyin or initials, highlighted', async () => {
    const search = searchHandler();
    const { user } = renderScreen(<SearchScreen onOpenMatter={() => undefined} onExit={() => undefined} />, {
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
    const { user } = renderScreen(<SearchScreen onOpenMatter={onOpenMatter} onExit={() => undefined} />, {
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
    const { user, fake } = renderScreen(<SearchScreen onOpenMatter={() => undefined} onExit={() => undefined} />, {
      'catalog.search': searchHandler(),
    });
    await user.type(screen.getByTestId('search-input'), '户口');
    expect((await screen.findByTestId('search-empty')).textContent).toContain('没有找到“户口”相关的事项');
    fake.setHandlers({
      ...catalogHandlers(),
      'catalog.search': () => err({ code: 'catalogEmpty' as const, message: 'no catalog' }),
    });
    await user.type(screen.getByTestId('search-input'), '证明');
    expect(await screen.findByTestId('catalog-empty')).toBeTruthy();
  });
});

import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LifeEventView, SearchResult } from '../../../../core/api/find';
import { ok } from '../../../../core/pure/result';
import { ELDER_MAX_CHOICES } from '../../styles/sizes';
import { LifeEventsScreen } from './LifeEventsScreen';
import { SearchScreen } from './SearchScreen';
import { ElderProfile, choicesIn, speechMarks } from '../../test/elder-checks';
import { renderScreen } from './testing/render-screen';

const hits: SearchResult['hits'] = Array.from({ length: 7 }, (_, index) => ({
  code: `370784-CJ-10${index}`,
  name: `社保事项${index + 1}`,
  matchedBy: 'characters' as const,
  matchedIn: 'name' as const,
  matchedText: null,
  highlights: [[0, 2]],
  hasGuide: true,
  channels: ['selfService'],
}));

const events: LifeEventView[] = ['a', 'b', 'c', 'd', 'e'].map((id) => ({
  id,
  name: `一件事${id}`,
  description: '说明',
  matters: [
    { code: `370784-${id}-1`, name: `事项${id}1`, selfService: true },
    { code: `370784-${id}-2`, name: `事项${id}2`, selfService: true },
  ],
}));

function renderElderSearch() {
  return renderScreen(
    <>
      <ElderProfile />
      <SearchScreen
        onOpenMatter={() => undefined}
        onOpenTheme={() => undefined}
        onAskForHelp={() => undefined}
        onExit={() => undefined}
      />
    </>,
    {
      'catalog.search': ({ text }: { text: string }) =>
        ok(text === '火星' ? { total: 0, hits: [] } : { total: hits.length, hits }),
    },
  );
}

describe('search in 长辈版', () => {
  it('offers four common words while nothing is typed, then only a page of results', async () => {
    const { user } = renderElderSearch();
    const search = screen.getByTestId('search-screen');
    const picks = await screen.findAllByTestId('quick-pick');
    expect(picks.map((pick) => pick.textContent)).toEqual(['社保', '养老', '低保', '残疾']);
    expect(speechMarks(search)).toEqual({
      titles: ['搜索事项'],
      hints: ['点一下输入框，用下面的键盘输入事项名称或拼音；按拼音首字母找（如 sb），打完字母点候选栏最前面的字母。'],
    });

    await user.click(picks[0]!);
    await screen.findAllByTestId('search-hit');
    expect(screen.queryAllByTestId('quick-pick')).toHaveLength(0);
    expect(screen.queryByTestId('search-clear')).toBeNull();
    expect(screen.getAllByTestId('search-hit')).toHaveLength(3);
    expect(choicesIn(search)).toBeLessThanOrEqual(ELDER_MAX_CHOICES);

    // With the touch keyboard open (one choice, however many keys) the screen still offers six at most.
    await user.click(screen.getByTestId('search-input'));
    expect(await screen.findByTestId('search-input-keyboard')).toBeTruthy();
    expect(choicesIn(search)).toBeLessThanOrEqual(ELDER_MAX_CHOICES);
    await user.click(screen.getByTestId('choice-pages-next'));
    expect(screen.getAllByTestId('search-hit').map((hit) => hit.dataset['code'])).toEqual([
      '370784-CJ-103',
      '370784-CJ-104',
      '370784-CJ-105',
    ]);
  });
});

describe('nothing found in 长辈版', () => {
  it('offers 帮办 and a page of themes, within six choices with the keyboard', async () => {
    const { user } = renderElderSearch();
    await user.type(screen.getByTestId('search-input'), '火星');
    await screen.findByTestId('search-empty');
    await screen.findAllByTestId('search-empty-theme');
    const search = screen.getByTestId('search-screen');
    expect(screen.getByTestId('search-empty-help')).toBeTruthy();
    expect(choicesIn(search)).toBeLessThanOrEqual(ELDER_MAX_CHOICES);
  });
});

describe('life events in 长辈版', () => {
  it('pages the bundles one at a time, each with its one application, and says what to do', async () => {
    const { user } = renderScreen(
      <>
        <ElderProfile />
        <LifeEventsScreen onApply={() => undefined} onOpenMatter={() => undefined} onExit={() => undefined} />
      </>,
      { 'catalog.lifeEvents': () => ok(events) },
    );
    await screen.findAllByTestId('life-event');
    const page = screen.getByTestId('life-events-screen');
    expect(screen.getAllByTestId('life-event').map((event) => event.dataset['id'])).toEqual(['a']);
    expect(within(page).queryAllByRole('button', { name: '看指南' })).toHaveLength(0);
    expect(choicesIn(page)).toBeLessThanOrEqual(ELDER_MAX_CHOICES);
    const marks = speechMarks(page);
    expect(marks.titles).toEqual(['一件事一次办']);
    expect(marks.hints[0]).toBeTruthy();

    for (let page = 1; page < events.length; page += 1) await user.click(screen.getByTestId('choice-pages-next'));
    expect(screen.getAllByTestId('life-event').map((event) => event.dataset['id'])).toEqual(['e']);
  });
});

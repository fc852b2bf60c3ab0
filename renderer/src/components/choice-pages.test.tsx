import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/create-i18n';
import { beginVisit, ShellVisit, type ShellHandle } from '../test/shell-visit';
import { ELDER_MAX_CHOICES } from '../styles/sizes';
import { ChoicePages, elderPageSize } from './ChoicePages';

const ITEMS = Array.from({ length: 10 }, (_, i) => `item ${i + 1}`);

function List({
  items,
  otherChoices = 0,
  standardPageSize,
}: {
  items: readonly string[];
  otherChoices?: number;
  standardPageSize?: number;
}) {
  return (
    <ChoicePages
      items={items}
      keyOf={(item) => item}
      otherChoices={otherChoices}
      standardPageSize={standardPageSize}
      render={(item) => <button type="button">{item}</button>}
    />
  );
}

function renderInVisit(content: ReactNode, elder: boolean) {
  const handle: ShellHandle = { current: null };
  const view = render(
    <I18nextProvider i18n={createI18n('zh-CN')}>
      <ShellVisit handle={handle}>{content}</ShellVisit>
    </I18nextProvider>,
  );
  beginVisit(handle, { elder });
  return view;
}

const enabledButtons = () => screen.getAllByRole('button').filter((button) => !(button as HTMLButtonElement).disabled);

describe('ChoicePages', () => {
  afterEach(cleanup);

  it('sizes a 长辈版 page so the screen stays within six choices', () => {
    expect(elderPageSize(6, 0)).toBe(6);
    expect(elderPageSize(7, 0)).toBe(4);
    expect(elderPageSize(10, 1)).toBe(3);
    expect(elderPageSize(3, 2)).toBe(3);
    expect(elderPageSize(20, 6)).toBe(1);
    expect(elderPageSize(4, 0, 2)).toBe(2);
    expect(elderPageSize(2, 0, 2)).toBe(2);
    for (let items = 1; items <= 30; items += 1)
      for (let others = 0; others <= 3; others += 1) {
        const size = elderPageSize(items, others, items % 3 === 0 ? 2 : undefined);
        const pagers = items > size ? 2 : 0;
        expect(size + pagers + others, `${items} items, ${others} others`).toBeLessThanOrEqual(ELDER_MAX_CHOICES);
      }
  });

  it('shows every item in the standard profile', () => {
    renderInVisit(<List items={ITEMS} />, false);
    expect(screen.getAllByRole('button', { name: /^item/ })).toHaveLength(10);
    expect(screen.queryByTestId('choice-pages')).toBeNull();
  });

  it('pages the standard profile too when given a page size', async () => {
    const user = userEvent.setup();
    renderInVisit(<List items={ITEMS} standardPageSize={6} />, false);
    expect(screen.getAllByRole('button', { name: /^item/ })).toHaveLength(6);
    await user.click(screen.getByTestId('choice-pages-next'));
    expect(screen.getAllByRole('button', { name: /^item/ }).map((b) => b.textContent)).toEqual([
      'item 7',
      'item 8',
      'item 9',
      'item 10',
    ]);
  });

  it('pages in 长辈版: four items and the two page buttons, and says where the reader is', async () => {
    const user = userEvent.setup();
    renderInVisit(<List items={ITEMS} />, true);
    expect(screen.getAllByRole('button', { name: /^item/ }).map((b) => b.textContent)).toEqual([
      'item 1',
      'item 2',
      'item 3',
      'item 4',
    ]);
    expect(screen.getByText('第 1 页，共 3 页').getAttribute('data-speech')).toBe('hint');
    await user.click(screen.getByTestId('choice-pages-next'));
    await user.click(screen.getByTestId('choice-pages-next'));
    expect(screen.getAllByRole('button', { name: /^item/ }).map((b) => b.textContent)).toEqual(['item 9', 'item 10']);
    expect(screen.getByTestId<HTMLButtonElement>('choice-pages-next').disabled).toBe(true);
    expect(enabledButtons().length).toBeLessThanOrEqual(ELDER_MAX_CHOICES);
  });

  it('starts a new list on its first page', async () => {
    const user = userEvent.setup();
    const view = renderInVisit(<List items={ITEMS} />, true);
    await user.click(screen.getByTestId('choice-pages-next'));
    expect(screen.getByText('第 2 页，共 3 页')).toBeTruthy();
    view.rerender(
      <I18nextProvider i18n={createI18n('zh-CN')}>
        <ShellVisit handle={{ current: null }}>
          <List items={ITEMS.slice(0, 9)} />
        </ShellVisit>
      </I18nextProvider>,
    );
    expect(screen.queryByText('第 2 页，共 3 页')).toBeNull();
  });
});

// The stylesheet is read as a file: vitest empties CSS imports, `?raw` included.
import { readFileSync } from 'node:fs';
import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderEntries } from './render-entry.testing';

// Through a variable: vitest rewrites `new URL(…, import.meta.url)` to a fake http:// address.
const thisFile = import.meta.url;
const css = readFileSync(new URL('./keyboard.css', thisFile), 'utf8');

const keyboard = (testId = 'name') => screen.getByTestId(`${testId}-keyboard`);
const key = (name: string, testId = 'name') => within(keyboard(testId)).getByRole('button', { name });
const candidates = (testId = 'name') =>
  Array.from(keyboard(testId).querySelectorAll<HTMLElement>('[data-candidate]')).map((b) => b.dataset['candidate']);
const input = (testId = 'name') => screen.getByTestId<HTMLInputElement>(testId);

async function typeLetters(user: UserEvent, letters: string, testId = 'name') {
  for (const letter of letters) await user.click(key(letter, testId));
}

describe('the pinyin keyboard under a text field', () => {
  it('opens under the field when it is touched and closes with 完成', async () => {
    const { user } = renderEntries([{ testId: 'name' }]);
    expect(screen.queryByTestId('name-keyboard')).toBeNull();
    await user.click(input());
    expect(keyboard()).toBeTruthy();
    // Inline right after the field: it follows the input in the document and covers nothing.
    expect(input().compareDocumentPosition(keyboard()) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await user.click(key('完成'));
    expect(screen.queryByTestId('name-keyboard')).toBeNull();
  });

  it('offers 北京 for "beijing" and 身份证 for "sfz", and picking builds the text', async () => {
    const { user } = renderEntries([{ testId: 'name' }]);
    await user.click(input());
    await typeLetters(user, 'beijing');
    expect(screen.getByTestId('kb-buffer').textContent).toBe('beijing');
    expect(candidates()[0]).toBe('北京');
    await user.click(key('北京'));
    expect(input().value).toBe('北京');
    await typeLetters(user, 'sfz');
    expect(candidates()).toContain('身份证');
    await user.click(key('身份证'));
    expect(input().value).toBe('北京身份证');
  });

  it('picks the first syllable and keeps the rest of the pinyin for the next pick', async () => {
    const { user } = renderEntries([{ testId: 'name' }]);
    await user.click(input());
    await typeLetters(user, 'zhangsan');
    await user.click(key('张'));
    expect(input().value).toBe('张');
    expect(screen.getByTestId('kb-buffer').textContent).toBe('san');
    expect(candidates()).toContain('三');
    const first = candidates()[0];
    await user.click(key('确认'));
    expect(input().value).toBe(`张${first}`);
  });

  it('backspace edits the pinyin first, then the text; 清空 empties both', async () => {
    const { user } = renderEntries([{ testId: 'name', initial: '王' }]);
    await user.click(input());
    await typeLetters(user, 'li');
    await user.click(key('删除'));
    expect(screen.getByTestId('kb-buffer').textContent).toBe('l');
    expect(input().value).toBe('王');
    await user.click(key('删除'));
    await user.click(key('删除'));
    expect(input().value).toBe('');
    await user.type(input(), '东埠');
    await typeLetters(user, 'cun');
    await user.click(key('清空'));
    expect(input().value).toBe('');
    expect(screen.getByTestId('kb-buffer').textContent).not.toContain('cun');
  });

  it('pages through the candidates six at a time', async () => {
    const { user } = renderEntries([{ testId: 'name' }]);
    await user.click(input());
    await typeLetters(user, 'yi');
    const first = candidates();
    expect(first).toHaveLength(6);
    expect(key('上一页')).toHaveProperty('disabled', true);
    await user.click(key('下一页'));
    const second = candidates();
    expect(second).toHaveLength(6);
    expect(second.some((c) => first.includes(c))).toBe(false);
    await user.click(key('上一页'));
    expect(candidates()).toEqual(first);
  });

  it('types English letters after 中/英, capitals too, and digits and address marks in both modes', async () => {
    const { user } = renderEntries([{ testId: 'name' }]);
    await user.click(input());
    await user.click(key('中文拼音，点一下换成英文字母'));
    expect(screen.queryByTestId('kb-candidates')).toBeNull();
    await typeLetters(user, 'ab');
    await user.click(key('大写'));
    await user.click(key('C'));
    await user.click(key('数字 1'));
    await user.click(key('井号'));
    expect(input().value).toBe('abC1#');
    await user.click(key('英文字母，点一下换成中文拼音'));
    await typeLetters(user, 'hao');
    // A mark ends the pinyin with its first candidate, as desktop input methods do.
    await user.click(key('逗号'));
    expect(input().value).toMatch(/^abC1#.，$/u);
  });

  it('keeps to maxLength whatever is picked or typed', async () => {
    const { user } = renderEntries([{ testId: 'name', maxLength: 3, initial: '安丘' }]);
    await user.click(input());
    await typeLetters(user, 'sfz');
    await user.click(key('身份证'));
    expect(input().value).toBe('安丘身');
    expect(key('q')).toHaveProperty('disabled', true);
    expect(key('数字 1')).toHaveProperty('disabled', true);
  });

  it('is still a real input: typing on a physical keyboard works and the touch keyboard appends after it', async () => {
    const { user } = renderEntries([{ testId: 'name' }]);
    await user.type(input(), '王示例');
    expect(input().value).toBe('王示例');
    await typeLetters(user, 'nv');
    await user.click(key('女'));
    expect(input().value).toBe('王示例女');
  });

  it('offers the run-time vocabulary (village names) as words, by initials or the start of the name', async () => {
    const { user } = renderEntries([{ testId: 'name', vocabulary: ['东埠村'] }]);
    await user.click(input());
    await typeLetters(user, 'dongbu');
    expect(candidates()[0]).toBe('东埠村');
  });

  it('opens one keyboard at a time', async () => {
    const { user } = renderEntries([{ testId: 'name' }, { testId: 'address' }]);
    await user.click(input('name'));
    await user.click(input('address'));
    expect(screen.queryByTestId('name-keyboard')).toBeNull();
    expect(keyboard('address')).toBeTruthy();
  });

  it('gives every key an accessible name, and sizes every key with the target tokens', async () => {
    const { user } = renderEntries([{ testId: 'name' }]);
    await user.click(input());
    await typeLetters(user, 'zh');
    const buttons = within(keyboard()).getAllByRole('button');
    expect(buttons.length).toBeGreaterThan(45);
    // A key's name is its aria-label (symbols: 删除, 逗号) or else its visible text.
    for (const button of buttons) {
      const name = button.getAttribute('aria-label') ?? button.textContent;
      expect(name.trim(), button.outerHTML).not.toBe('');
    }
    expect(screen.getByRole('button', { name: '删除' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '拼音分隔符' })).toBeTruthy();
    const keyRule = /\.kb-key \{[^}]*\}/.exec(css)?.[0] ?? '';
    expect(keyRule).toContain('min-width: var(--target-min)');
    expect(keyRule).toContain('min-height: var(--target-min)');
  });
});

describe('the numeric pad under phone, number and date fields', () => {
  it('opens for a phone number: digits only, 1-2-3 on top', async () => {
    const { user } = renderEntries([{ testId: 'phone', kind: 'phone', maxLength: 12 }]);
    await user.click(input('phone'));
    expect(within(keyboard('phone')).queryByRole('button', { name: 'q' })).toBeNull();
    const digits = within(keyboard('phone'))
      .getAllByRole('button')
      .map((b) => b.dataset['key']);
    expect(digits.slice(0, 3)).toEqual(['1', '2', '3']);
    for (const d of '13805361234') await user.click(key(`数字 ${d}`, 'phone'));
    expect(input('phone').value).toBe('13805361234');
    await user.click(key('删除', 'phone'));
    expect(input('phone').value).toBe('1380536123');
  });

  it('stops at maxLength', async () => {
    const { user } = renderEntries([{ testId: 'postcode', kind: 'number', maxLength: 6 }]);
    await user.click(input('postcode'));
    for (const d of '2622009') {
      const button = key(`数字 ${d}`, 'postcode');
      if (!(button as HTMLButtonElement).disabled) await user.click(button);
    }
    expect(input('postcode').value).toBe('262200');
  });

  it('types a date as YYYY-MM-DD, putting in the hyphens', async () => {
    const { user } = renderEntries([{ testId: 'born', kind: 'date' }]);
    await user.click(input('born'));
    for (const d of '19600') await user.click(key(`数字 ${d}`, 'born'));
    expect(input('born').value).toBe('1960-0');
    for (const d of '5019') await user.click(key(`数字 ${d}`, 'born'));
    expect(input('born').value).toBe('1960-05-01');
    await user.click(key('删除', 'born'));
    expect(input('born').value).toBe('1960-05-0');
    await user.click(key('完成', 'born'));
    expect(screen.queryByTestId('born-keyboard')).toBeNull();
  });

  it('offers the typed letters as they are only where asked (search), first, keeping six to a row', async () => {
    const { user } = renderEntries([{ testId: 'name' }, { testId: 'find', offerLetters: true }]);
    await user.click(input());
    await typeLetters(user, 'sb');
    expect(within(keyboard()).queryByTestId('kb-letters')).toBeNull();
    await user.click(key('完成'));

    await user.click(input('find'));
    await typeLetters(user, 'sb', 'find');
    const letters = within(keyboard('find')).getByTestId('kb-letters');
    const row = Array.from(letters.parentElement?.querySelectorAll('button') ?? []);
    expect(row[0]).toBe(letters);
    expect(row.length).toBeLessThanOrEqual(6);
    expect(candidates('find')).toContain('社保');
    expect(letters.getAttribute('aria-label')).toBe('按字母输入 sb');
    await user.click(letters);
    expect(input('find').value).toBe('sb');
    expect(within(keyboard('find')).queryByTestId('kb-letters')).toBeNull();
  });
});

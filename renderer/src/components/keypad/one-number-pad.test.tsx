import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/create-i18n';
import { NumericPad } from '../keyboard/NumericPad';
import { IdNumberKeypad } from './IdNumberKeypad';
import { PhonePad } from './PhonePad';

afterEach(() => cleanup());

const ONE_LAYOUT = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'backspace', '0', 'clear'];

/** The keys of a pad in reading order, by data-key; extra keys after the grid. */
const keysOf = (root: HTMLElement) =>
  Array.from(root.querySelectorAll<HTMLElement>('.digit-keys [data-key]')).map((key) => key.dataset['key']);

describe('one number pad across the kiosk', () => {
  it('the phone pad, the pad under number and date fields and the ID pad lay out the same keys in the same places', () => {
    const noop = () => undefined;
    render(
      <I18nextProvider i18n={createI18n('zh-CN')}>
        <div data-testid="phone">
          <PhonePad label="联系电话" value="" onChange={noop} testId="p" />
        </div>
        <div data-testid="numeric">
          <NumericPad value="" onChange={noop} format="digits" onDone={noop} />
        </div>
        <div data-testid="id">
          <IdNumberKeypad value="" onChange={noop} message={null} />
        </div>
      </I18nextProvider>,
    );
    expect(keysOf(screen.getByTestId('phone'))).toEqual(ONE_LAYOUT);
    expect(keysOf(screen.getByTestId('numeric'))).toEqual(ONE_LAYOUT);
    // The ID number's X: the 18th character only, in a row under the same grid.
    expect(keysOf(screen.getByTestId('id'))).toEqual([...ONE_LAYOUT, 'X']);
  });

  it('no screen lays out digit keys of its own', () => {
    // Every pad goes through DigitKeys; a digits array elsewhere is a second layout creeping back.
    const sources = import.meta.glob<string>(['../../**/*.tsx', '!../../**/*.test.tsx', '!../../**/*testing*'], {
      query: '?raw',
      import: 'default',
      eager: true,
    });
    const ownPads = Object.entries(sources)
      .filter(([, text]) => /\[\s*'1',\s*'2',\s*'3'/.test(text) || /'0123456789/.test(text))
      .map(([file]) => file);
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    // The technician's PIN pad is staff-only and deliberately different (no 清空, dots shown).
    expect(ownPads.sort()).toEqual(['../../screens/technician/PinPadScreen.tsx', './DigitKeys.tsx']);
  });
});

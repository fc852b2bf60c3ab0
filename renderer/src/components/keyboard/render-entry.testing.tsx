import { cleanup, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { onTestFinished } from 'vitest';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../i18n/create-i18n';
import { TextEntry, type TextEntryProps } from '../keypad/TextEntry';

type EntryOptions = Partial<Omit<TextEntryProps, 'value' | 'onChange'>> & { readonly initial?: string };

/** A form field that owns its value, as the journeys' forms do. */
function Field({ initial = '', label = 'field', ...props }: EntryOptions) {
  const [value, setValue] = useState(initial);
  return <TextEntry label={label} value={value} onChange={setValue} {...props} />;
}

/** TextEntry fields (each `{testId, …}`) in an i18n provider. */
export function renderEntries(fields: readonly EntryOptions[]) {
  const i18n = createI18n('zh-CN');
  const user = userEvent.setup();
  onTestFinished(() => cleanup());
  const view = render(
    <I18nextProvider i18n={i18n}>
      {fields.map((field, i) => (
        <Field key={field.testId ?? i} {...field} />
      ))}
    </I18nextProvider>,
  );
  return { user, ...view };
}

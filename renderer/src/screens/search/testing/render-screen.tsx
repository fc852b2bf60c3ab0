import { cleanup, render } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { onTestFinished } from 'vitest';
import { ApiProvider } from '../../../api/api-context';
import { CatalogStatusProvider } from '../../../api/catalog-status-context';
import { KioskInfoContext } from '../../../api/kiosk-info-context';
import { createI18n } from '../../../i18n/create-i18n';
import { BASE_LOCALE } from '../../../i18n/resources';
import { createFakeHost, type FakeHandlers, type FakeHost } from '../../../test/fake-host';
import { fixtureInfo } from '../../../test/fixture-catalog';
import { catalogHandlers } from '../../../test/render-kiosk';
import { ShellActor } from '../../../shell/shell-context';

/**
 * One screen on the strict fake host, with the providers the app gives it (language, API,
 * station, catalog status, the visitor's preferences) but without the shell's screens: for screens whose way in (a home tile) is
 * another engineer's, and whose ways out are props.
 */
export function renderScreen(ui: ReactNode, handlers: FakeHandlers = {}): { fake: FakeHost; user: UserEvent } {
  const fake = createFakeHost({ ...catalogHandlers(), ...handlers });
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={createI18n(BASE_LOCALE)}>
      <ApiProvider host={fake.host}>
        <KioskInfoContext.Provider value={fixtureInfo}>
          {/* The shell's actor only for the visitor's preferences (长辈版 or not); no navigation. */}
          <ShellActor.Provider
            options={{
              input: { defaultLocale: BASE_LOCALE, idleSeconds: fixtureInfo.ui.attractAfterIdleSeconds },
            }}
          >
            <CatalogStatusProvider>{ui}</CatalogStatusProvider>
          </ShellActor.Provider>
        </KioskInfoContext.Provider>
      </ApiProvider>
    </I18nextProvider>,
  );
  onTestFinished(() => cleanup());
  return { fake, user };
}

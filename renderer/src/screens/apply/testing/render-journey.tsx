import { cleanup, render } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { useEffect, type ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { onTestFinished, vi } from 'vitest';
import type { JourneyAvailability } from '../../../../../core/api/devices';
import { ok } from '../../../../../core/pure/result';
import { ApiProvider } from '../../../api/api-context';
import { KioskInfoContext } from '../../../api/kiosk-info-context';
import { fixtureInfo } from '../../../test/fixture-catalog';
import { createI18n } from '../../../i18n/create-i18n';
import { ShellActor, useShellScreen, useShellSend, useVisit } from '../../../shell/shell-context';
import { createFakeHost, type FakeHandlers, type FakeHost } from '../../../test/fake-host';

export const allDevicesFine: JourneyAvailability = {
  idCardSignIn: true,
  selfServiceSubmission: true,
  output: 'paper',
  keypadRating: true,
  scanCodes: false,
  videoHelp: false,
};

/** Starts the visit and shows which journey (and screen) the shell was asked to open, for assertions. */
function ShellProbe() {
  const send = useShellSend();
  const visit = useVisit();
  const screen = useShellScreen();
  useEffect(() => send({ type: 'START' }), [send]);
  return (
    <output data-testid="shell-journey" data-screen={screen}>
      {visit.journey === null ? '' : JSON.stringify(visit.journey)}
    </output>
  );
}

export interface RenderedJourney {
  readonly fake: FakeHost;
  readonly user: UserEvent;
}

/**
 * One journey screen on the strict fake host, inside the providers it needs (i18n, API, shell),
 * without the rest of the shell (nor render-kiosk's App), so a test drives only that journey and
 * does not depend on every other screen compiling.
 */
export function renderJourney(
  ui: ReactElement,
  options: { handlers?: FakeHandlers; journeys?: JourneyAvailability; fakeTimers?: boolean } = {},
): RenderedJourney {
  const fake = createFakeHost({
    'devices.snapshot': () => ok({ devices: [], journeys: options.journeys ?? allDevicesFine }),
    ...options.handlers,
  });
  const user = userEvent.setup(options.fakeTimers ? { advanceTimers: (ms) => vi.advanceTimersByTime(ms) } : {});
  render(
    <I18nextProvider i18n={createI18n('zh-CN')}>
      <ApiProvider host={fake.host}>
        <KioskInfoContext.Provider value={fixtureInfo}>
          <ShellActor.Provider options={{ input: { defaultLocale: 'zh-CN', idleSeconds: 600 } }}>
            <ShellProbe />
            {ui}
          </ShellActor.Provider>
        </KioskInfoContext.Provider>
      </ApiProvider>
    </I18nextProvider>,
  );
  onTestFinished(() => cleanup());
  return { fake, user };
}

import { act, cleanup, render } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { useEffect, type ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { onTestFinished } from 'vitest';
import type { KioskInfo, Locale } from '../../../../core/api/contract';
import { err, ok } from '../../../../core/pure/result';
import { ApiProvider } from '../../api/api-context';
import { KioskInfoContext } from '../../api/kiosk-info-context';
import { createI18n } from '../../i18n/create-i18n';
import { ShellActor } from '../../shell/shell-context';
import type { Profile } from '../../shell/shell-machine';
import { createFakeHost, type FakeHandlers, type FakeHost } from '../../test/fake-host';
import { fixtureInfo } from '../../test/fixture-catalog';
import { stationHours } from '../../test/station-hours';

/**
 * One journey screen on the strict fake host, with the providers the shell would give it (API,
 * kiosk info, i18n, the shell actor for the visit's profile) and nothing else: the journeys'
 * tests need no attract screen or home. `profile` starts the visit in 长辈版 or standard.
 * `devices.snapshot` answers a failure unless a test says otherwise: journeys then assume every
 * device is there, as they do before the first snapshot.
 */
export function renderJourney(
  element: ReactElement,
  handlers: FakeHandlers,
  options: { readonly info?: KioskInfo; readonly locale?: Locale; readonly profile?: Profile } = {},
): { fake: FakeHost; user: UserEvent; setProfile: (profile: Profile) => void } {
  const fake = createFakeHost({
    'devices.snapshot': () => err({ code: 'internal' as const, message: 'no snapshot in this test' }),
    // Staff are on duty unless a test says otherwise (help offers an agent at the station then).
    'station.hours': () => ok(stationHours()),
    ...handlers,
  });
  const user = userEvent.setup();
  const info = options.info ?? fixtureInfo;
  const shell: { send: ((profile: Profile) => void) | null } = { send: null };
  function Visit() {
    const actor = ShellActor.useActorRef();
    useEffect(() => {
      shell.send = (profile) => actor.send({ type: 'SET_PROFILE', profile });
      actor.send({ type: 'SET_PROFILE', profile: options.profile ?? 'standard' });
    }, [actor]);
    return null;
  }
  render(
    <I18nextProvider i18n={createI18n(options.locale ?? 'zh-CN')}>
      <ApiProvider host={fake.host}>
        <KioskInfoContext.Provider value={info}>
          <ShellActor.Provider
            options={{ input: { defaultLocale: info.ui.defaultLocale, idleSeconds: info.ui.attractAfterIdleSeconds } }}
          >
            <Visit />
            {element}
          </ShellActor.Provider>
        </KioskInfoContext.Provider>
      </ApiProvider>
    </I18nextProvider>,
  );
  onTestFinished(() => cleanup());
  const setProfile = (profile: Profile) => act(() => shell.send?.(profile));
  return { fake, user, setProfile };
}

/** A promise the test settles when it wants: to hold an answer while the page is busy. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

import type { KioskInfo } from '../../../../core/api/contract';
import { act, cleanup, render } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { onTestFinished, vi } from 'vitest';
import type { DevicesSnapshot } from '../../../../core/api/devices';
import { err, ok } from '../../../../core/pure/result';
import { ApiProvider } from '../../api/api-context';
import { KioskInfoContext } from '../../api/kiosk-info-context';
import { createI18n } from '../../i18n/create-i18n';
import type { Journey } from '../../shell/journeys';
import { useShellSend, useVisit } from '../../shell/shell-context';
import { AppointmentJourney } from '../../screens/appointment/AppointmentJourney';
import { ProgressJourney } from '../../screens/progress/ProgressJourney';
import { TicketJourney } from '../../screens/ticket/TicketJourney';
import { createFakeHost, type FakeHandlers, type FakeHost } from '../../test/fake-host';
import { detail, fixtureInfo, list, overview, status } from '../../test/fixture-catalog';
import { beginVisit, ShellVisit, type ShellHandle, type ShellRef } from '../../test/shell-visit';

export type { ShellRef } from '../../test/shell-visit';

/** The device snapshot a healthy kiosk reports; `output` says where tickets go. */
export function devicesSnapshot(output: 'paper' | 'screen' = 'paper'): DevicesSnapshot {
  return {
    devices: [],
    journeys: {
      idCardSignIn: true,
      selfServiceSubmission: true,
      output,
      keypadRating: true,
      scanCodes: false,
      videoHelp: false,
    },
  };
}

export interface RenderedJourney {
  readonly fake: FakeHost;
  readonly user: UserEvent;
  /** The real shell actor: tests read which screen or journey it shows. */
  readonly shell: ShellRef;
}

/**
 * The journeys built on these parts (取号, 预约, 办件进度) as JourneyHost mounts them, driven by
 * the real shell actor. The whole Shell is left out on purpose: it mounts every other journey; the
 * shell machine alone decides where OPEN_JOURNEY, CLOSE_JOURNEY and HOME lead, which is what these
 * tests check.
 */
function OurJourneys() {
  const send = useShellSend();
  const { journey } = useVisit();
  const onExit = () => send({ type: 'CLOSE_JOURNEY' });
  switch (journey?.kind) {
    case 'ticket':
      return <TicketJourney key="ticket" />;
    case 'appointment':
      return (
        <AppointmentJourney
          key="appointment"
          mode="book"
          matterCode={journey.matterCode}
          servicePointId={journey.servicePointId}
          onExit={onExit}
        />
      );
    case 'checkIn':
      return (
        <AppointmentJourney key="checkIn" mode="checkIn" matterCode={null} servicePointId={null} onExit={onExit} />
      );
    case 'progress':
      return <ProgressJourney key="progress" />;
    default:
      return null;
  }
}

/** One of those journeys opened over a started visit, on a strict fake host. */
export function renderJourney(
  journey: Journey,
  options: {
    handlers?: FakeHandlers;
    fakeTimers?: boolean;
    output?: 'paper' | 'screen';
    /** The kiosk as kiosk.info gives it (a test moves its clock with clockOffsetMs). */
    info?: KioskInfo;
  } = {},
): RenderedJourney {
  const fake = createFakeHost({
    // render-kiosk's catalogHandlers, without importing it: it pulls in the whole App.
    'session.end': () => ok({}),
    'catalog.status': () => ok(status()),
    'catalog.overview': () => ok(overview()),
    'catalog.list': (query) => ok(list(query)),
    'catalog.matter': ({ code }) => {
      const found = detail(code);
      return found ? ok(found) : err({ code: 'notFound' as const, message: `no matter ${code}` });
    },
    'devices.snapshot': () => ok(devicesSnapshot(options.output)),
    ...options.handlers,
  });
  const user = userEvent.setup(options.fakeTimers ? { advanceTimers: (ms) => vi.advanceTimersByTime(ms) } : {});
  const handle: ShellHandle = { current: null };
  const i18n = createI18n('zh-CN');
  render(
    <I18nextProvider i18n={i18n}>
      <ApiProvider host={fake.host}>
        <KioskInfoContext.Provider value={options.info ?? fixtureInfo}>
          <ShellVisit handle={handle}>
            <OurJourneys />
          </ShellVisit>
        </KioskInfoContext.Provider>
      </ApiProvider>
    </I18nextProvider>,
  );
  onTestFinished(() => {
    cleanup();
    document.documentElement.lang = '';
  });
  const ref = beginVisit(handle);
  act(() => ref.send({ type: 'OPEN_JOURNEY', journey }));
  return { fake, user, shell: ref };
}

/** Which journey the shell shows now, or the screen when no journey is open. */
export function shownJourney(shell: ShellRef): string {
  const snapshot = shell.getSnapshot();
  if (snapshot.matches({ visit: { screen: 'journey' } })) return snapshot.context.journey?.kind ?? 'none';
  if (snapshot.matches('attract')) return 'attract';
  if (snapshot.matches('farewell')) return 'farewell';
  return 'home';
}

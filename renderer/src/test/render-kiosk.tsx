import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { onTestFinished, vi } from 'vitest';
import type { CatalogStatus, KioskInfo } from '../../../core/api/contract';
import { err, ok } from '../../../core/pure/result';
import { App } from '../shell/App';
import { createFakeHost, type FakeHandlers, type FakeHost } from './fake-host';
import { detail, fixtureInfo, list, overview, status as healthyStatus } from './fixture-catalog';
import { stationHours } from './station-hours';

export interface KioskOptions {
  readonly info?: KioskInfo;
  readonly status?: CatalogStatus;
  /** The kiosk has no catalog stored yet: catalog calls answer `catalogEmpty`. */
  readonly empty?: boolean;
  /** Replaces or adds answers (e.g. a failing method). */
  readonly handlers?: FakeHandlers;
  /** user-event must move fake timers along when a test uses them. */
  readonly fakeTimers?: boolean;
}

const catalogEmpty = { code: 'catalogEmpty' as const, message: 'no catalog stored yet' };

/**
 * The host's answers over the fixture catalog, the way core gives them, plus the calls every
 * shell makes: `session.end` on each return to the attract screen, `camera.reportStatus` once
 * at start (is a document camera attached), `devices.snapshot` (home's service tiles) and
 * `kiosk.serviceState` (in service unless a test says otherwise).
 */
export function catalogHandlers(options: Pick<KioskOptions, 'info' | 'status' | 'empty'> = {}): FakeHandlers {
  return {
    'session.end': () => ok({}),
    // Home's service tiles ask which journeys the devices allow; every device is fine here.
    'devices.snapshot': () =>
      ok({
        devices: [],
        journeys: {
          idCardSignIn: true,
          selfServiceSubmission: true,
          output: 'paper' as const,
          keypadRating: true,
          scanCodes: false,
          videoHelp: false,
        },
      }),
    'camera.reportStatus': () => ok({}),
    // 视频帮办 is not configured here: the page asks at start (face camera and microphone) and reports nothing.
    'videoHelp.availability': () => ok({ offered: false as const, reason: 'notConfigured' as const }),
    'media.reportStatus': () => ok({}),
    'kiosk.serviceState': () => ok({ state: 'inService' as const }),
    // Home's ticket and check-in tiles say when nobody calls again today; staff are on duty here.
    'station.hours': () => ok(stationHours()),
    'kiosk.info': () => ok(options.info ?? fixtureInfo),
    'catalog.status': () => ok(options.status ?? healthyStatus()),
    'catalog.overview': () => (options.empty ? err(catalogEmpty) : ok(overview())),
    'catalog.list': (query) => (options.empty ? err(catalogEmpty) : ok(list(query))),
    'catalog.matter': ({ code }) => {
      if (options.empty) return err(catalogEmpty);
      const found = detail(code);
      return found ? ok(found) : err({ code: 'notFound' as const, message: `no matter ${code}` });
    },
  };
}

export interface RenderedKiosk {
  readonly fake: FakeHost;
  readonly user: UserEvent;
}

/** The whole app on a strict fake host; cleaned up (and the host checked) when the test ends. */
export function renderKiosk(options: KioskOptions = {}): RenderedKiosk {
  const fake = createFakeHost({
    ...catalogHandlers(options),
    ...options.handlers,
  });
  const user = userEvent.setup(options.fakeTimers ? { advanceTimers: (ms) => vi.advanceTimersByTime(ms) } : {});
  render(<App host={fake.host} />);
  onTestFinished(() => {
    cleanup();
    document.documentElement.lang = '';
  });
  return { fake, user };
}

/** Touches the attract screen and waits for home. */
export async function startVisit(user: UserEvent): Promise<HTMLElement> {
  await user.click(await screen.findByTestId('attract-screen'));
  return screen.findByTestId('home-screen');
}

/** From home: opens a group by its tile (`data-kind` or `data-theme`) and waits for its list. */
export async function openGroup(user: UserEvent, selector: string): Promise<HTMLElement> {
  const tile = (await screen.findByTestId('home-screen')).querySelector<HTMLElement>(selector);
  if (!tile) throw new Error(`no tile ${selector} on the home screen`);
  await user.click(tile);
  return within(await screen.findByTestId('browse-screen')).findByTestId('matter-list');
}

/** From the list on screen (home's or a group's): opens one matter's guide and waits for it. */
export async function openMatter(user: UserEvent, code: string): Promise<HTMLElement> {
  const item = (await screen.findByTestId('matter-list')).querySelector<HTMLElement>(`[data-code="${code}"]`);
  if (!item) throw new Error(`no matter ${code} in the list`);
  await user.click(item);
  return screen.findByTestId('guide-screen');
}

import type { ReactElement } from 'react';
import type { KioskInfo } from '../../../../core/api/contract';
import type { FakeHandlers } from '../../test/fake-host';
import { beginVisit, ShellVisit, type ShellHandle } from '../../test/shell-visit';
import { renderJourney } from '../rating/render-journey.testing';

/**
 * A care journey (help, service map) as the rating helper renders it, inside a started visit of
 * the real shell actor, so usePreferences answers; `elder` turns 长辈版 on before the test acts.
 */
export function renderCareJourney(
  element: ReactElement,
  handlers: FakeHandlers,
  options: { readonly elder?: boolean } = {},
  info?: KioskInfo,
): ReturnType<typeof renderJourney> {
  const handle: ShellHandle = { current: null };
  const rendered = renderJourney(<ShellVisit handle={handle}>{element}</ShellVisit>, handlers, info ? { info } : {});
  beginVisit(handle, options);
  return rendered;
}

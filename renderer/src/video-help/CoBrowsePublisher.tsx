import { useEffect, useState } from 'react';
import type { MatterRef } from '../../../platform/contract/common';
import { useClient } from '../api/api-context';
import { useT } from '../i18n/use-t';
import type { Journey } from '../shell/journeys';
import { usePreferences, useShellScreen, useVisit } from '../shell/shell-context';
import type { CallSession } from './call-session';
import { buildCoBrowseState } from './co-browse';
import { useCurrentContribution } from './co-browse-context';
import { matterRefOf } from './help-topic';

/** The screens a visit shows, as the agent reads them. */
type ScreenId = 'home' | 'browse' | 'guide' | Journey['kind'];

function screenIdOf(screen: string, journey: Journey | null): ScreenId {
  if (screen === 'journey' && journey) return journey.kind;
  return screen === 'browse' || screen === 'guide' ? screen : 'home';
}

/** The matter a journey was opened for, when it has one. */
function journeyMatter(journey: Journey | null): string | null {
  switch (journey?.kind) {
    case 'apply':
      return journey.matterCodes[0] ?? null;
    case 'appointment':
    case 'help':
      return journey.matterCode;
    default:
      return null;
  }
}

/** The matter by code, as a MatterRef (its name and version from the catalog); null while unknown. */
function useMatterRef(code: string | null): MatterRef | null {
  const client = useClient();
  const [known, setKnown] = useState<{ code: string; ref: MatterRef | null } | null>(null);
  useEffect(() => {
    if (code === null) return;
    let live = true;
    void client
      .call('catalog.matter', { code })
      .then((answer) => {
        if (live) setKnown({ code, ref: answer.ok ? matterRefOf(answer.value) : null });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [client, code]);
  return code !== null && known?.code === code ? known.ref : null;
}

/**
 * Sends the resident's screen as state on every screen, step or field change while the call is
 * on (the session throttles it): which screen, the journey's step and the steps it allows, the
 * open matter, the fields with personal values masked unless the resident allowed them.
 */
export function CoBrowsePublisher({ session }: { session: CallSession }) {
  const { t } = useT();
  const screen = useShellScreen();
  const visit = useVisit();
  const { profile } = usePreferences();
  const contribution = useCurrentContribution();
  const screenId = screenIdOf(screen, visit.journey);
  const matter = useMatterRef(visit.matterCode ?? journeyMatter(visit.journey));
  const title = t(`videoHelp:screens.${screenId}`);
  const state = buildCoBrowseState({
    screen: screenId,
    title,
    matter,
    contribution,
    personalValues: session.personalValuesAllowed(),
    elderMode: profile === 'elder',
    at: new Date(0),
  });
  // Everything but the time: a new state only when something the agent sees changed.
  const key = JSON.stringify(state);
  useEffect(() => {
    const changed = JSON.parse(key) as typeof state;
    session.publishState({ ...changed, at: new Date().toISOString() });
  }, [key, session]);
  return null;
}

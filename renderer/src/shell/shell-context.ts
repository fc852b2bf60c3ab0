import { createActorContext } from '@xstate/react';
import { useCallback, useMemo } from 'react';
import type { SnapshotFrom } from 'xstate';
import { shellMachine, type Preferences, type ShellEvent, type ShellScreen } from './shell-machine';

/** The one shell actor of the app; screens read it through the selectors below. */
export const ShellActor = createActorContext(shellMachine);

type ShellSnapshot = SnapshotFrom<typeof shellMachine>;

function screenOf(snapshot: ShellSnapshot): ShellScreen {
  if (snapshot.matches('attract')) return 'attract';
  if (snapshot.matches('farewell')) return 'farewell';
  if (snapshot.matches({ technician: 'pin' })) return 'technicianPin';
  if (snapshot.matches({ technician: 'active' })) return 'technician';
  if (snapshot.matches({ visit: { screen: 'journey' } })) return 'journey';
  if (snapshot.matches({ visit: { screen: 'guide' } })) return 'guide';
  if (snapshot.matches({ visit: { screen: 'browse' } })) return 'browse';
  return 'home';
}

export function useShellScreen(): ShellScreen {
  return ShellActor.useSelector(screenOf);
}

export function useShellSend(): (event: ShellEvent) => void {
  const actor = ShellActor.useActorRef();
  return useCallback((event: ShellEvent) => actor.send(event), [actor]);
}

/**
 * The resident is done (完成 at the end of a journey): the visit ends now with the farewell, so
 * the next person never sees this one's name, numbers or services (docs/privacy.md).
 */
export function useFinishVisit(): () => void {
  const actor = ShellActor.useActorRef();
  return useCallback(() => actor.send({ type: 'END_VISIT' }), [actor]);
}

export function useVisit() {
  return ShellActor.useSelector((snapshot) => snapshot.context);
}

export function useIdleShown(): boolean {
  return ShellActor.useSelector((snapshot) => snapshot.matches({ visit: { idle: 'warning' } }));
}

/** The visitor's 长辈版, contrast, voice and volume choices (reset with the visit). */
export function usePreferences(): Preferences {
  const profile = ShellActor.useSelector((snapshot) => snapshot.context.profile);
  const contrast = ShellActor.useSelector((snapshot) => snapshot.context.contrast);
  const voice = ShellActor.useSelector((snapshot) => snapshot.context.voice);
  const volumeStep = ShellActor.useSelector((snapshot) => snapshot.context.volumeStep);
  return useMemo(() => ({ profile, contrast, voice, volumeStep }), [profile, contrast, voice, volumeStep]);
}

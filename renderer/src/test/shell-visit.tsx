import { act } from '@testing-library/react';
import { useEffect, type ReactNode } from 'react';
import type { Actor } from 'xstate';
import { ShellActor } from '../shell/shell-context';
import type { shellMachine } from '../shell/shell-machine';
import { fixtureInfo } from './fixture-catalog';

export type ShellRef = Actor<typeof shellMachine>;

/** Where a rendered ShellVisit leaves its actor, for the test to drive. */
export interface ShellHandle {
  current: ShellRef | null;
}

function keep(handle: ShellHandle, actor: ShellRef): void {
  handle.current = actor;
}

function Capture({ handle }: { handle: ShellHandle }) {
  const actor = ShellActor.useActorRef();
  useEffect(() => keep(handle, actor), [actor, handle]);
  return null;
}

/**
 * The real shell actor around a piece of UI under test, so what reads the visit (its 长辈版
 * preferences, language, journeys) works as in the app; `handle` receives the actor.
 */
export function ShellVisit({ handle, children }: { handle: ShellHandle; children: ReactNode }) {
  const { ui } = fixtureInfo;
  return (
    <ShellActor.Provider
      options={{ input: { defaultLocale: ui.defaultLocale, idleSeconds: ui.attractAfterIdleSeconds } }}
    >
      <Capture handle={handle} />
      {children}
    </ShellActor.Provider>
  );
}

/** Starts the visit (attract → home), in 长辈版 when asked; returns the actor. */
export function beginVisit(handle: ShellHandle, options: { readonly elder?: boolean } = {}): ShellRef {
  const shell = handle.current;
  if (!shell) throw new Error('the shell actor did not start: render a ShellVisit first');
  act(() => {
    shell.send({ type: 'START' });
    if (options.elder) shell.send({ type: 'SET_PROFILE', profile: 'elder' });
  });
  return shell;
}

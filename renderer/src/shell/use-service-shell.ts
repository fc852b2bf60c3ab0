import { useEffect } from 'react';
import { useClient } from '../api/api-context';
import { useServiceState } from '../api/use-service-state';
import type { ServiceState } from '../../../core/api/service-state';
import { answerScreenshotRequests, captureOwnTab } from '../host/screenshot-responder';
import { ShellActor, useShellSend } from './shell-context';

/**
 * Follows core's service state into the shell (out of service: no visit starts; a visit under way
 * finishes, and the notice shows once the screen is back on attract) and answers the county
 * console's screenshot requests with this page's own tab, on the attract screen only.
 */
export function useServiceShell(): ServiceState | null {
  const client = useClient();
  const send = useShellSend();
  const service = useServiceState();
  const outOfService = service?.state === 'outOfService';
  useEffect(() => send({ type: 'SERVICE_CHANGED', outOfService }), [send, outOfService]);

  // The actor's state now, not the last render's: a touch may have started a visit a moment ago.
  const shell = ShellActor.useActorRef();
  useEffect(
    () =>
      answerScreenshotRequests(client, {
        onAttract: () => shell.getSnapshot().matches('attract'),
        capture: () => captureOwnTab(window),
      }),
    [client, shell],
  );
  return service;
}

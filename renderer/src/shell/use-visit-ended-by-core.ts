import { useEffect } from 'react';
import { useClient } from '../api/api-context';
import { useShellSend } from './shell-context';

/**
 * Core ends a visit itself when a card of someone else is read while a resident is signed in
 * (the previous person walked away): the screens start afresh, so nothing of the previous visit
 * is shown to the person now at the kiosk.
 */
export function useVisitEndedByCore(): void {
  const client = useClient();
  const send = useShellSend();
  useEffect(() => client.on('session.visitEnded', () => send({ type: 'VISIT_ENDED_ELSEWHERE' })), [client, send]);
}

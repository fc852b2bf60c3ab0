import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { ProposalAction } from '../../../platform/contract/video-help';
import { createCallPeer } from '../../../platform/webrtc/call-peer';
import { useClient } from '../api/api-context';
import { apiPart } from '../api/api-part';
import { useKioskInfo } from '../api/kiosk-info-context';
import { openCamera } from '../camera/open-camera';
import { useShellScreen, useShellSend } from '../shell/shell-context';
import type { ShellScreen } from '../shell/shell-machine';
import { openCallMedia } from './call-media';
import { CallSession, videoHelpMethods, type CallSessionDeps, type CallView } from './call-session';
import { CoBrowseProvider, createCoBrowseRegistry, type CoBrowseRegistry } from './co-browse-context';

/** The media side of a call; tests replace it with fakes. */
export type CallMediaDeps = Pick<CallSessionDeps, 'openMedia' | 'openDocumentCamera' | 'createPeer'> &
  Pick<CallSessionDeps, 'now' | 'newConfirmationId'>;

/** Screens outside a resident's visit: reaching one means the visit (and any call) is over. */
const OUTSIDE_VISIT: readonly ShellScreen[] = ['attract', 'farewell', 'technicianPin', 'technician'];

/**
 * A resident talking with an agent is there even without touching the screen: while waiting or
 * in a call the visit's idle timer is told so this often (the call itself ends on 挂断, the
 * agent's hang-up, or a lost link).
 */
export const CALL_KEEPS_VISIT_MS = 15_000;

interface VideoHelpValue {
  readonly session: CallSession;
  readonly registry: CoBrowseRegistry;
}

const VideoHelpContext = createContext<VideoHelpValue | null>(null);

/**
 * Holds the one call of the kiosk across every screen (the overlay stays while the resident moves):
 * relays core's `videoHelp.message` events to it, ends it with the visit, and carries out the
 * proposals the resident agreed to through the shell and the journey on screen.
 */
export function VideoHelpProvider({ children, media }: { children: ReactNode; media?: CallMediaDeps }) {
  const client = useClient();
  const info = useKioskInfo();
  const screen = useShellScreen();
  const shellSend = useShellSend();
  const [registry] = useState(createCoBrowseRegistry);
  const [session] = useState(() => {
    const documentCameraLabel = info.documentCamera.deviceLabel ?? undefined;
    return new CallSession({
      api: apiPart(client, videoHelpMethods),
      openMedia: (request) => openCallMedia(request),
      openDocumentCamera: async () => {
        const opened = await openCamera({ deviceLabel: documentCameraLabel });
        const track = opened.ok ? opened.stream.getVideoTracks()[0] : undefined;
        return track ? { ok: true, track } : { ok: false };
      },
      createPeer: (options) => createCallPeer(options),
      ...media,
    });
  });

  useEffect(() => client.on('videoHelp.message', (message) => session.receive(message)), [client, session]);
  useEffect(() => client.on('session.visitEnded', () => session.endWithSession()), [client, session]);
  useEffect(() => {
    if (OUTSIDE_VISIT.includes(screen)) session.endWithSession();
  }, [screen, session]);
  // Unmounting the shell (the page going away) must not leave a camera on.
  useEffect(() => () => session.endWithSession(), [session]);

  useEffect(() => {
    session.setProposalApplier((action: ProposalAction) => {
      switch (action.kind) {
        case 'openMatter':
          // The guide opens from home (a guide or a journey has no way to another guide).
          shellSend({ type: 'HOME' });
          shellSend({ type: 'OPEN_MATTER', code: action.matterCode });
          return true;
        case 'fillField':
          return registry.get()?.fillField?.(action.fieldId, action.value) ?? false;
        case 'goToStep':
          return registry.get()?.goToStep?.(action.stepId) ?? false;
      }
    });
  }, [registry, session, shellSend]);

  const view = useSyncExternalStore(session.subscribe, session.getView);
  const engaged = view.phase === 'waiting' || view.phase === 'call';
  useEffect(() => {
    if (!engaged) return;
    const timer = setInterval(() => shellSend({ type: 'ACTIVITY' }), CALL_KEEPS_VISIT_MS);
    return () => clearInterval(timer);
  }, [engaged, shellSend]);

  const [value] = useState(() => ({ session, registry }));
  return (
    <VideoHelpContext.Provider value={value}>
      <CoBrowseProvider registry={registry}>{children}</CoBrowseProvider>
    </VideoHelpContext.Provider>
  );
}

/** The call, or null outside the provider (a screen rendered alone): then no choice is offered. */
export function useCallSession(): CallSession | null {
  return useContext(VideoHelpContext)?.session ?? null;
}

const idle: CallView = { phase: 'idle' };
const noSubscription = () => () => undefined;
const idleView = () => idle;

export function useCallView(): CallView {
  const session = useCallSession();
  return useSyncExternalStore(session?.subscribe ?? noSubscription, session?.getView ?? idleView);
}

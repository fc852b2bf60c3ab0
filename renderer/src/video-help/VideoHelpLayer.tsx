import { CallEnded } from './CallEnded';
import { CallOverlay } from './CallOverlay';
import { CoBrowsePublisher } from './CoBrowsePublisher';
import { ConsentScreen } from './ConsentScreen';
import { useCallSession, useCallView } from './video-help-context';
import { WaitingScreen } from './WaitingScreen';
import './video-help.css';

/**
 * What the shell shows of 视频帮办 above its screens: the consent, waiting and ended panels over
 * the screen, and during the call the overlay, which leaves the screens usable underneath.
 */
export function VideoHelpLayer() {
  const session = useCallSession();
  const view = useCallView();
  if (!session) return null;
  switch (view.phase) {
    case 'idle':
      return null;
    case 'consent':
      return (
        <div className="videohelp-panel" role="dialog" aria-modal="true" aria-labelledby="videohelp-consent-title">
          <ConsentScreen session={session} offer={view.offer} starting={view.starting} />
        </div>
      );
    case 'waiting':
      return (
        <div className="videohelp-panel" role="dialog" aria-modal="true" aria-labelledby="videohelp-waiting-title">
          <WaitingScreen session={session} view={view} />
        </div>
      );
    case 'call':
      return (
        <>
          <CoBrowsePublisher session={session} />
          <CallOverlay session={session} view={view} />
        </>
      );
    case 'ended':
      return (
        <div className="videohelp-panel" role="dialog" aria-modal="true" aria-labelledby="videohelp-ended-title">
          <CallEnded session={session} view={view} />
        </div>
      );
  }
}

import { useCallback, type ReactNode } from 'react';
import { useKioskInfo } from '../api/kiosk-info-context';
import { BottomBar } from '../chrome/BottomBar';
import { Header } from '../chrome/Header';
import { IdleWarning } from '../chrome/IdleWarning';
import { JourneyHost } from './JourneyHost';
import { journeyKey } from './journeys';
import { ScanRouting } from '../scan/ScanRouting';
import { StepBackProvider } from './step-back';
import { AttractScreen } from '../screens/attract/AttractScreen';
import { OutOfServiceScreen } from '../screens/out-of-service/OutOfServiceScreen';
import { FarewellScreen } from '../screens/farewell/FarewellScreen';
import { BrowseScreen } from '../screens/browse/BrowseScreen';
import { GuideScreen } from '../screens/guide/GuideScreen';
import { HomeScreen } from '../screens/home/HomeScreen';
import { TechnicianMode, useHiddenGesture } from '../screens/technician';
import { Problem } from '../states/Problem';
import { ScreenErrorBoundary } from '../states/ScreenErrorBoundary';
import { useIdleShown, usePreferences, useShellScreen, useShellSend, useVisit } from './shell-context';
import { useIdleActivity } from './use-idle-activity';
import { useLocaleSync } from './use-locale-sync';
import { useServiceShell } from './use-service-shell';
import { useSessionEnd } from './use-session-end';
import { useVisitEndedByCore } from './use-visit-ended-by-core';
import { VisitMemoryProvider } from './visit-memory';
import { VideoHelpLayer } from '../video-help/VideoHelpLayer';

/** A screen that fails to render shows a plain message and the way home, never a blank page. */
function Guarded({ children }: { children: ReactNode }) {
  const { station } = useKioskInfo();
  const send = useShellSend();
  return (
    <ScreenErrorBoundary
      fallback={(reset) => (
        <Problem
          hotline={station.hotline}
          onHome={() => {
            send({ type: 'HOME' });
            reset();
          }}
        />
      )}
    >
      {children}
    </ScreenErrorBoundary>
  );
}

/**
 * The frame every screen sits in: header on top, the screen, the shared bottom bar.
 * `ui.orientation` from the kiosk's config overrides the orientation media query (styles/layout.css).
 */
export function Shell() {
  const { ui } = useKioskInfo();
  const screen = useShellScreen();
  const send = useShellSend();
  const visit = useVisit();
  const idleWarning = useIdleShown();
  const preferences = usePreferences();
  useIdleActivity(document);
  useLocaleSync(visit.locale);
  useSessionEnd(screen);
  useVisitEndedByCore();
  const service = useServiceShell();
  const openTechnician = useCallback(() => send({ type: 'TECHNICIAN' }), [send]);
  const technicianEntered = useCallback(() => send({ type: 'TECHNICIAN_ENTERED' }), [send]);
  const leaveTechnician = useCallback(() => send({ type: 'TECHNICIAN_EXIT' }), [send]);
  useHiddenGesture(document, openTechnician);
  const technician = screen === 'technicianPin' || screen === 'technician';
  // Out of service replaces the attract screen only: a visit under way finishes first.
  const notice = screen === 'attract' && service?.state === 'outOfService' ? service : null;

  // A guide covers the list it was opened from, which stays mounted to keep its scroll position.
  const fromHome = visit.group === null;
  return (
    <StepBackProvider>
      <div
        className="shell"
        data-orientation={ui.orientation}
        data-screen={screen}
        data-profile={preferences.profile}
        data-contrast={preferences.contrast}
      >
        <Header />
        <main className="shell-main">
          {screen === 'attract' && !notice && (
            <Guarded key="attract">
              <AttractScreen />
            </Guarded>
          )}
          {notice && (
            <Guarded key="outOfService">
              <OutOfServiceScreen message={notice.message} />
            </Guarded>
          )}
          {screen === 'farewell' && (
            <Guarded key="farewell">
              <FarewellScreen />
            </Guarded>
          )}
          {(screen === 'home' || (screen === 'guide' && fromHome)) && (
            <Guarded key="home">
              <HomeScreen covered={screen === 'guide'} />
            </Guarded>
          )}
          {(screen === 'browse' || screen === 'guide') && visit.group && (
            <Guarded key="browse">
              <BrowseScreen group={visit.group} covered={screen === 'guide'} />
            </Guarded>
          )}
          {screen === 'journey' && visit.journey && (
            <Guarded key={`journey ${journeyKey(visit.journey)}`}>
              <VisitMemoryProvider>
                <JourneyHost journey={visit.journey} />
              </VisitMemoryProvider>
            </Guarded>
          )}
          {screen === 'guide' && visit.matterCode && (
            <Guarded key={`guide ${visit.matterCode}`}>
              <GuideScreen code={visit.matterCode} />
            </Guarded>
          )}
          {technician && (
            <Guarded key="technician">
              <TechnicianMode onEntered={technicianEntered} onLeave={leaveTechnician} />
            </Guarded>
          )}
        </main>
        {/* The QR scanner works on every resident screen; the screen shown may take a read first. */}
        <ScanRouting screen={screen} journey={visit.journey?.kind ?? null} send={send} />
        {idleWarning && <IdleWarning />}
        {/* Technician mode has its own way out (退出); back, home and language belong to residents. */}
        {/* Out of service nobody may start a visit, so the language and 长辈版 buttons go too. */}
        {!technician && !notice && <BottomBar />}
        {/* 视频帮办: consent, waiting and ended panels, and the call over every screen. */}
        <VideoHelpLayer />
      </div>
    </StepBackProvider>
  );
}

import { useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { ApiProvider, useLinkStatus } from '../api/api-context';
import { CatalogOverviewProvider } from '../api/catalog-overview-context';
import { CatalogStatusProvider } from '../api/catalog-status-context';
import { KioskInfoContext } from '../api/kiosk-info-context';
import { useApiQuery } from '../api/use-api-query';
import { useCameraPresenceReport } from '../camera/camera-presence';
import { CameraHarness } from '../dev/CameraHarness';
import { DevPanel } from '../dev/DevPanel';
import type { HostConnection } from '../host/connect';
import { createI18n } from '../i18n/create-i18n';
import { BASE_LOCALE } from '../i18n/resources';
import { ConnectionLost } from '../states/ConnectionLost';
import { Loading } from '../states/Loading';
import { Problem } from '../states/Problem';
import { ShellActor } from './shell-context';
import { Shell } from './Shell';
import { VoiceProvider } from '../voice/voice-context';
import { PrepareSpeech } from '../voice/PrepareSpeech';
import { useMediaPresenceReport } from '../video-help/media-presence';
import { VideoHelpProvider } from '../video-help/video-help-context';

/**
 * Boot: ask the host who we are (`kiosk.info`), then start the shell with the station's idle time
 * and default language. Until then the base locale speaks; a failure shows a plain message and
 * is asked again by itself when the link comes back.
 */
function Boot({ onDevMode }: { onDevMode?: () => void }) {
  const link = useLinkStatus();
  const [attempt, setAttempt] = useState(0);
  const info = useApiQuery('kiosk.info', {}, `${link.epoch}#${attempt}`);

  if (info.status === 'loading') return <Loading message="starting" />;
  if (info.status === 'error') return <Problem onRetry={() => setAttempt((n) => n + 1)} />;

  const { ui } = info.value;
  if (info.value.devMode && window.location.hash === '#camera-harness') {
    return (
      <KioskInfoContext.Provider value={info.value}>
        <CameraHarness />
      </KioskInfoContext.Provider>
    );
  }
  return (
    <KioskInfoContext.Provider value={info.value}>
      <ShellActor.Provider
        options={{ input: { defaultLocale: ui.defaultLocale, idleSeconds: ui.attractAfterIdleSeconds } }}
      >
        <VoiceProvider>
          <CatalogStatusProvider>
            <CatalogOverviewProvider>
              {/* 视频帮办's call outlives the screens it is made on. */}
              <VideoHelpProvider>
                <Shell />
              </VideoHelpProvider>
            </CatalogOverviewProvider>
          </CatalogStatusProvider>
        </VoiceProvider>
      </ShellActor.Provider>
      <CameraPresence />
      <MediaPresence />
      <PrepareSpeech />
      {info.value.devMode && <DevPanel />}
      {info.value.devMode && <DeveloperKeys allow={onDevMode} />}
    </KioskInfoContext.Provider>
  );
}

/** Runs once the host answered: tells core whether a document camera is attached. */
function CameraPresence() {
  useCameraPresenceReport();
  return null;
}

/** Runs once the host answered: tells core whether 视频帮办's face camera and microphone are attached. */
function MediaPresence() {
  useMediaPresenceReport();
  return null;
}

/** A development build: the page guard lets DevTools and reload keys through (host/page-guard.ts). */
function DeveloperKeys({ allow }: { allow?: (() => void) | undefined }) {
  useEffect(() => allow?.(), [allow]);
  return null;
}

function LinkOverlay() {
  return useLinkStatus().lost ? <ConnectionLost /> : null;
}

export function App({ host, onDevMode }: { host: HostConnection; onDevMode?: () => void }) {
  const [i18n] = useState(() => createI18n(BASE_LOCALE));
  return (
    <I18nextProvider i18n={i18n}>
      <ApiProvider host={host}>
        <Boot onDevMode={onDevMode} />
        <LinkOverlay />
      </ApiProvider>
    </I18nextProvider>
  );
}

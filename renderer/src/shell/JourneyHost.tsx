import { AppointmentJourney } from '../screens/appointment/AppointmentJourney';
import { ApplyJourney } from '../screens/apply/ApplyJourney';
import { HelpJourney } from '../screens/help/HelpJourney';
import { ProgressJourney } from '../screens/progress/ProgressJourney';
import { RatingJourney } from '../screens/rating/RatingJourney';
import { LifeEventsScreen } from '../screens/search/LifeEventsScreen';
import { SearchScreen } from '../screens/search/SearchScreen';
import { ServiceMapJourney } from '../screens/service-map/ServiceMapJourney';
import { TicketJourney } from '../screens/ticket/TicketJourney';
import { ThemesScreen } from '../screens/home/ThemesScreen';
import { assertNever } from '../../../core/pure/result';
import type { Journey } from './journeys';
import { useShellSend } from './shell-context';

/** Picks the open journey's screen; each journey gets the way out and the ways into its neighbours. */
export function JourneyHost({ journey }: { journey: Journey }) {
  const send = useShellSend();
  const onExit = () => send({ type: 'CLOSE_JOURNEY' });
  const openMatter = (code: string) => send({ type: 'OPEN_MATTER', code });
  switch (journey.kind) {
    case 'search':
      return (
        <SearchScreen
          onOpenMatter={openMatter}
          // From home, as a home theme tile opens it: 返回 from the theme's list goes home.
          onOpenTheme={(themeId) => {
            send({ type: 'HOME' });
            send({ type: 'CHOOSE_GROUP', group: { type: 'theme', themeId } });
          }}
          onAskForHelp={() => send({ type: 'OPEN_JOURNEY', journey: { kind: 'help', matterCode: null } })}
          onExit={onExit}
        />
      );
    case 'lifeEvents':
      return (
        <LifeEventsScreen
          onApply={(matterCodes, lifeEventId) =>
            send({ type: 'OPEN_JOURNEY', journey: { kind: 'apply', matterCodes, lifeEventId } })
          }
          onOpenMatter={openMatter}
          onExit={onExit}
        />
      );
    case 'themes':
      return (
        <ThemesScreen
          // As a home theme tile does: 返回 from the theme's list goes home.
          onOpenTheme={(themeId) => {
            send({ type: 'HOME' });
            send({ type: 'CHOOSE_GROUP', group: { type: 'theme', themeId } });
          }}
        />
      );
    case 'apply':
      return <ApplyJourney matterCodes={journey.matterCodes} lifeEventId={journey.lifeEventId} onExit={onExit} />;
    case 'ticket':
      return <TicketJourney />;
    case 'appointment':
      return (
        <AppointmentJourney
          mode="book"
          matterCode={journey.matterCode}
          servicePointId={journey.servicePointId}
          onExit={onExit}
        />
      );
    case 'checkIn':
      return (
        <AppointmentJourney
          mode="checkIn"
          matterCode={null}
          servicePointId={null}
          scannedAppointmentId={journey.appointmentId ?? null}
          onExit={onExit}
        />
      );
    case 'progress':
      return <ProgressJourney scannedReference={journey.reference ?? null} />;
    case 'rating':
      return <RatingJourney scannedServiceRef={journey.serviceRef ?? null} onExit={onExit} />;
    case 'help':
      return <HelpJourney matterCode={journey.matterCode} onExit={onExit} />;
    case 'serviceMap':
      return (
        <ServiceMapJourney
          onExit={onExit}
          onBook={(servicePointId) =>
            send({ type: 'OPEN_JOURNEY', journey: { kind: 'appointment', matterCode: null, servicePointId } })
          }
        />
      );
    default:
      return assertNever(journey);
  }
}

import type { JourneyAvailability } from '../../../../core/api/devices';
import type { StationHours } from '../../../../core/api/station';
import { useJourneyAvailability } from '../../api/use-devices';
import { useStationHours } from '../../api/use-station-hours';
import { UiIcon, type UiIconName } from '../../components/icons/UiIcon';
import { useT } from '../../i18n/use-t';
import type { Journey } from '../../shell/journeys';
import { useShellSend } from '../../shell/shell-context';
import { ChoicePages, useElder } from '../../components/ChoicePages';

type ServiceId =
  'search' | 'apply' | 'lifeEvents' | 'ticket' | 'appointment' | 'checkIn' | 'progress' | 'rating' | 'serviceMap';

interface ServiceTile {
  readonly id: ServiceId;
  readonly icon: UiIconName;
  /** What the tile opens; `apply` opens the list of every matter, where a guide offers 在本机申请. */
  readonly open: Journey | 'allMatters';
}

const TILES: readonly ServiceTile[] = [
  { id: 'search', icon: 'info', open: { kind: 'search' } },
  { id: 'apply', icon: 'check', open: 'allMatters' },
  { id: 'lifeEvents', icon: 'forward', open: { kind: 'lifeEvents' } },
  { id: 'ticket', icon: 'clock', open: { kind: 'ticket' } },
  { id: 'appointment', icon: 'clock', open: { kind: 'appointment', matterCode: null, servicePointId: null } },
  { id: 'checkIn', icon: 'check', open: { kind: 'checkIn' } },
  { id: 'progress', icon: 'info', open: { kind: 'progress' } },
  { id: 'rating', icon: 'check', open: { kind: 'rating' } },
  { id: 'serviceMap', icon: 'place', open: { kind: 'serviceMap' } },
];

/**
 * Why a tile cannot start, or what works differently, given the devices (docs/design-anchors.md §6.1:
 * journey-level gating, the reason on the tile). Only self-service submission is blocked (no
 * document camera); the others still work, with the ID number typed or the ticket on screen.
 */
export function tileState(
  id: ServiceId,
  journeys: JourneyAvailability,
): { readonly disabled: boolean; readonly note: 'noCamera' | 'noReader' | 'noPrinter' | null } {
  if (id === 'apply' && !journeys.selfServiceSubmission) return { disabled: true, note: 'noCamera' };
  const signsIn = id === 'appointment' || id === 'checkIn' || id === 'progress' || id === 'apply';
  if (signsIn && !journeys.idCardSignIn) return { disabled: false, note: 'noReader' };
  const prints = id === 'ticket' || id === 'checkIn';
  if (prints && journeys.output === 'screen') return { disabled: false, note: 'noPrinter' };
  return { disabled: false, note: null };
}

/**
 * Journeys that need staff (station.staffedJourneys) once nobody is on duty again today: the tile
 * still opens (its screen says when staff are next in) but says so first, so a resident is not
 * surprised at the last step.
 */
export function offDutyNote(id: ServiceId, hours: StationHours | null): 'ticketOffDuty' | 'checkInOffDuty' | null {
  if (hours === null || hours.presence.state !== 'offDuty') return null;
  if (id === 'ticket' && hours.staffedJourneys.includes('ticket')) return 'ticketOffDuty';
  if (id === 'checkIn' && hours.staffedJourneys.includes('appointmentCheckIn')) return 'checkInOffDuty';
  return null;
}

/**
 * 长辈版's order: what older residents come for most (a ticket, their case's progress, finding a
 * matter) first, since it shows four tiles a page.
 */
const ELDER_ORDER: readonly ServiceId[] = [
  'ticket',
  'progress',
  'search',
  'apply',
  'appointment',
  'checkIn',
  'rating',
  'serviceMap',
  'lifeEvents',
];

/** The services of the station as big tiles on home: each opens its journey, or says why it cannot. */
export function ServiceTiles() {
  const { t } = useT();
  const send = useShellSend();
  const journeys = useJourneyAvailability();
  const hours = useStationHours();
  const elder = useElder();
  const tiles = elder ? ELDER_ORDER.flatMap((id) => TILES.filter((tile) => tile.id === id)) : TILES;
  return (
    <section className="home-services" aria-labelledby="home-services-title">
      <h2 id="home-services-title" className="group-title">
        {t('home:services.title')}
      </h2>
      <ChoicePages
        className="service-grid"
        items={tiles}
        keyOf={(tile) => tile.id}
        render={(tile) => {
          const device = tileState(tile.id, journeys);
          const offDuty = offDutyNote(tile.id, hours);
          const state = offDuty === null ? device : { ...device, note: offDuty };
          return (
            <button
              type="button"
              className="tile service-tile"
              data-testid={`service-${tile.id}`}
              disabled={state.disabled}
              aria-describedby={state.note ? `service-note-${tile.id}` : undefined}
              onClick={() =>
                tile.open === 'allMatters'
                  ? send({ type: 'CHOOSE_GROUP', group: { type: 'all' } })
                  : send({ type: 'OPEN_JOURNEY', journey: tile.open })
              }
            >
              <span className="tile-icon">
                <UiIcon name={tile.icon} />
              </span>
              <span className="tile-text">
                <span className="tile-label">{t(`home:services.${tile.id}.label`)}</span>
                <span className="tile-hint" id={state.note ? `service-note-${tile.id}` : undefined}>
                  {state.note ? t(`home:services.note.${state.note}`) : t(`home:services.${tile.id}.hint`)}
                </span>
              </span>
            </button>
          );
        }}
      />
    </section>
  );
}

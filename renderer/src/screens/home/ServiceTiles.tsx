import { useState } from 'react';
import type { JourneyAvailability } from '../../../../core/api/devices';
import type { StationHours } from '../../../../core/api/station';
import { useJourneyAvailability } from '../../api/use-devices';
import { useStationHours } from '../../api/use-station-hours';
import { UiIcon, type UiIconName } from '../../components/icons/UiIcon';
import { useT } from '../../i18n/use-t';
import type { Journey } from '../../shell/journeys';
import { useShellSend } from '../../shell/shell-context';
import { useElder } from '../../components/ChoicePages';
import { Words } from '../../components/words/Words';

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
 * 长辈版's home: six big tiles in two columns, with no page buttons, so the screen offers six
 * choices and each title has room for one line. The first six are what older residents come for
 * most (a ticket, their case's progress, the themes to browse by, search, booking) and 更多服务;
 * 更多服务 swaps in the other six, whose last tile, 常用服务, swaps back. 办事主题 comes before
 * the list of every matter: a dozen themes are browsed in a few pages where 62 matters, three a
 * page, were 21.
 */
type ElderTileId = ServiceId | 'themes' | 'more' | 'common';

const ELDER_FIRST: readonly ElderTileId[] = ['ticket', 'progress', 'themes', 'search', 'appointment', 'more'];
const ELDER_MORE: readonly ElderTileId[] = ['checkIn', 'apply', 'lifeEvents', 'rating', 'serviceMap', 'common'];

const ELDER_EXTRA: Readonly<Record<'themes' | 'more' | 'common', UiIconName>> = {
  themes: 'place',
  more: 'forward',
  common: 'back',
};

/** The services of the station as big tiles on home: each opens its journey, or says why it cannot. */
export function ServiceTiles() {
  const { t } = useT();
  const elder = useElder();
  return (
    <section className="home-services" aria-labelledby="home-services-title">
      <h2 id="home-services-title" className="group-title">
        {t('home:services.title')}
      </h2>
      {elder ? (
        <ElderServiceTiles />
      ) : (
        <ul className="service-grid">
          {TILES.map((tile) => (
            <li key={tile.id}>
              <ServiceTileButton tile={tile} withHint />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ElderServiceTiles() {
  const { t } = useT();
  const send = useShellSend();
  const [more, setMore] = useState(false);
  const ids = more ? ELDER_MORE : ELDER_FIRST;
  return (
    <ul className="service-grid service-grid--elder" data-testid="elder-services" data-page={more ? 'more' : 'first'}>
      {ids.map((id) => {
        const tile = TILES.find((candidate) => candidate.id === id);
        if (tile) {
          return (
            <li key={id}>
              <ServiceTileButton tile={tile} withHint={false} />
            </li>
          );
        }
        const extra = id as keyof typeof ELDER_EXTRA;
        return (
          <li key={id}>
            <button
              type="button"
              className="tile service-tile"
              data-testid={`service-${extra}`}
              onClick={() => {
                if (extra === 'themes') send({ type: 'OPEN_JOURNEY', journey: { kind: 'themes' } });
                else setMore(extra === 'more');
              }}
            >
              <span className="tile-icon">
                <UiIcon name={ELDER_EXTRA[extra]} />
              </span>
              <span className="tile-text">
                <span className="tile-label">
                  <Words text={t(`home:services.${extra}.label`)} />
                </span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function ServiceTileButton({ tile, withHint }: { tile: ServiceTile; withHint: boolean }) {
  const { t } = useT();
  const send = useShellSend();
  const journeys = useJourneyAvailability();
  const hours = useStationHours();
  const device = tileState(tile.id, journeys);
  const offDuty = offDutyNote(tile.id, hours);
  const state = offDuty === null ? device : { ...device, note: offDuty };
  // 长辈版 shows the title alone, but a reason the tile works differently (no camera, no reader) stays.
  const hint = state.note
    ? t(`home:services.note.${state.note}`)
    : withHint
      ? t(`home:services.${tile.id}.hint`)
      : null;
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
        <span className="tile-label">
          <Words text={t(`home:services.${tile.id}.label`)} />
        </span>
        {hint !== null && (
          <span className="tile-hint" id={state.note ? `service-note-${tile.id}` : undefined}>
            <Words text={hint} />
          </span>
        )}
      </span>
    </button>
  );
}

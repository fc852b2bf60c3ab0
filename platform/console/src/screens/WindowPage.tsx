import { useEffect, useState } from 'react';
import type { ConsoleOperationId } from '../../../contract/console/endpoints';
import type { QueueStationWindows, QueueWindowView } from '../../../contract/console/queue-views';
import type { ConsoleError } from '../api/client';
import { useAction, useLoad, useWords } from '../app/console-context';
import { navigate } from '../app/navigation';
import { pathOf } from '../app/routes';
import { LoadedView, Notice, Time } from '../app/ui';
import type { Translate } from '../view/words';
import { errorWords } from '../view/errors';
import {
  conflictCode,
  enabledVerbs,
  formatTimer,
  openWords,
  secondsSince,
  type WindowVerb,
} from '../view/queue-window';
import { useNow } from '../app/use-now';

/** How often the window page reads the queue again (other windows call from the same queues). */
const REFRESH_MS = 3000;

const VERB_OPERATIONS: Record<Exclude<WindowVerb, 'transfer'>, ConsoleOperationId> = {
  open: 'openQueueWindow',
  pause: 'pauseQueueWindow',
  close: 'closeQueueWindow',
  callNext: 'callNextTicket',
  recall: 'recallTicket',
  start: 'startTicket',
  finish: 'finishTicket',
  noShow: 'noShowTicket',
};
const MAIN_VERBS = ['callNext', 'recall', 'start', 'finish', 'noShow'] as const;
const WINDOW_VERBS = ['open', 'pause', 'close'] as const;

/** 叫号 at a window: choose the station and window, then call, recall, serve, finish, mark no-show, transfer. */
export function WindowPage({ stationId, windowNo }: { stationId: string | null; windowNo: number | null }) {
  const { t } = useWords();
  const { loaded } = useLoad('listQueueWindows', { query: stationId === null ? {} : { station: stationId } });
  return (
    <div data-testid="window-page">
      <h1>{t('queue:title')}</h1>
      <LoadedView loaded={loaded}>
        {(list) => <Chooser stations={list.stations} stationId={stationId} windowNo={windowNo} />}
      </LoadedView>
      {stationId !== null && windowNo !== null && (
        <WindowDesk key={`${stationId}/${windowNo}`} stationId={stationId} windowNo={windowNo} />
      )}
    </div>
  );
}

function Chooser({
  stations,
  stationId,
  windowNo,
}: {
  stations: readonly QueueStationWindows[];
  stationId: string | null;
  windowNo: number | null;
}) {
  const { t } = useWords();
  const only = stations.length === 1 ? stations[0] : undefined;
  useEffect(() => {
    if (stationId === null && only)
      navigate(pathOf({ page: 'windows', stationId: only.stationId, windowNo: null }), { replace: true });
  }, [stationId, only]);
  if (stations.length === 0) return <p>{t('queue:noStations')}</p>;
  const station = stations.find((entry) => entry.stationId === stationId);
  const serviceName = (code: string) => station?.services.find((service) => service.serviceCode === code)?.name ?? code;
  return (
    <div className="window-chooser">
      {stations.length > 1 && (
        <label>
          {t('queue:station')}{' '}
          <select
            data-testid="station-select"
            value={stationId ?? ''}
            onChange={(event) =>
              navigate(pathOf({ page: 'windows', stationId: event.target.value || null, windowNo: null }))
            }
          >
            <option value="">{t('queue:chooseStation')}</option>
            {stations.map((entry) => (
              <option key={entry.stationId} value={entry.stationId}>
                {entry.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {station && (
        <nav aria-label={t('queue:chooseWindow')}>
          <ul className="window-choices">
            {station.windows.map((window) => (
              <li key={window.windowNo}>
                <button
                  type="button"
                  data-testid={`window-choice-${window.windowNo}`}
                  aria-current={window.windowNo === windowNo ? 'page' : undefined}
                  onClick={() =>
                    navigate(pathOf({ page: 'windows', stationId: station.stationId, windowNo: window.windowNo }))
                  }
                >
                  {t('queue:windowLine', {
                    label: window.label,
                    services: window.serviceCodes.map(serviceName).join('、'),
                  })}{' '}
                  · {t(`queue:status.${window.status}`)}
                  {window.staffName !== null && ` · ${window.staffName}`}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  );
}

/** A refusal in the page's own words when it is a queue conflict, else the console's usual sentence. */
function refusalWords(t: Translate, error: ConsoleError): string {
  const code = conflictCode(error);
  return code === null ? errorWords(t, error) : t(`queue:conflict.${code}`);
}

function WindowDesk({ stationId, windowNo }: { stationId: string; windowNo: number }) {
  const { t } = useWords();
  const pathParams = { stationId, windowNo: String(windowNo) };
  const { loaded, reload } = useLoad('getQueueWindow', { pathParams }, { everyMs: REFRESH_MS });
  const { run, busy } = useAction();
  const [latest, setLatest] = useState<QueueWindowView | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const now = useNow(1000);

  const act = async (verb: WindowVerb, body: Record<string, unknown> = {}) => {
    setMessage(null);
    const operationId = verb === 'transfer' ? 'transferTicket' : VERB_OPERATIONS[verb];
    const result = await run(operationId as 'callNextTicket', { pathParams, body } as never);
    if (result.ok) {
      const view = result.value;
      setLatest(view);
      if (verb === 'callNext' && view.current)
        setMessage({ kind: 'ok', text: t('queue:done.called', { ticketNo: view.current.ticketNo }) });
      if (verb === 'recall' && view.current)
        setMessage({ kind: 'ok', text: t('queue:done.recalled', { ticketNo: view.current.ticketNo }) });
    } else if (result.error.kind !== 'unauthorized') {
      setMessage({ kind: 'error', text: refusalWords(t, result.error) });
      reload();
    }
  };

  return (
    <LoadedView loaded={loaded}>
      {(fetched) => {
        // A verb's answer shows at once; a later refresh replaces it.
        const view = latest !== null && latest.generatedAt > fetched.generatedAt ? latest : fetched;
        return <Desk view={view} now={now} busy={busy} message={message} act={act} />;
      }}
    </LoadedView>
  );
}

function Desk({
  view,
  now,
  busy,
  message,
  act,
}: {
  view: QueueWindowView;
  now: Date;
  busy: boolean;
  message: { kind: 'ok' | 'error'; text: string } | null;
  act: (verb: WindowVerb, body?: Record<string, unknown>) => Promise<void>;
}) {
  const { t } = useWords();
  const verbs = enabledVerbs(view);
  const current = view.current;
  const [target, setTarget] = useState('');
  const calledFor = current && current.status === 'called' ? secondsSince(current.calledAt, now) : null;
  const servingFor = current && current.status === 'serving' ? secondsSince(current.startedAt, now) : null;
  const button = (verb: WindowVerb, words: string, className = '') => (
    <button
      type="button"
      className={`verb ${className}`}
      data-testid={`verb-${verb}`}
      disabled={busy || !verbs.has(verb)}
      onClick={() => void act(verb)}
    >
      {words}
    </button>
  );
  const transferTargets = [
    ...view.services
      .filter((service) => service.serviceCode !== current?.serviceCode)
      .map((service) => ({
        value: `service:${service.serviceCode}`,
        text: t('queue:toService', { name: service.name }),
      })),
    ...view.windows
      .filter((window) => window.windowNo !== view.window.windowNo)
      .map((window) => ({ value: `window:${window.windowNo}`, text: t('queue:toWindow', { label: window.label }) })),
  ];
  const transfer = () => {
    const [kind, value] = target.split(':');
    if (kind === 'service' && value) void act('transfer', { toService: value });
    if (kind === 'window' && value) void act('transfer', { toWindow: Number(value) });
  };

  return (
    <section className="window-desk" aria-labelledby="window-desk-title">
      <h2 id="window-desk-title">
        {view.window.label}{' '}
        <span data-testid="window-status" data-status={view.window.status}>
          {t(`queue:status.${view.window.status}`)}
        </span>
      </h2>
      <p>
        {view.window.staffIsMe
          ? t('queue:heldByMe')
          : view.window.staffName !== null && t('queue:heldBy', { name: view.window.staffName })}
      </p>
      <div className="window-verbs" role="group" aria-label={t('queue:window')}>
        {WINDOW_VERBS.map((verb) =>
          button(
            verb,
            t(`queue:verb.${verb === 'open' ? openWords(view.window.status, view.window.staffIsMe) : verb}`),
          ),
        )}
      </div>
      <div role="status" aria-live="polite" data-testid="window-message">
        <Notice message={message} />
      </div>
      <div className="window-layout">
        <div className="window-current">
          <h3>{t('queue:current')}</h3>
          {current === null ? (
            <p data-testid="current-empty">{t('queue:noCurrent')}</p>
          ) : (
            <div data-testid="current-ticket" data-ticket-id={current.ticketId} data-status={current.status}>
              <p className="ticket-number" data-testid="current-ticket-no">
                {current.ticketNo}
              </p>
              <p data-testid="current-ticket-status">
                {current.serviceName} · {t(`queue:ticketStatus.${current.status}`)}
              </p>
              <p>
                {t('queue:issuedAt', { time: '' })}
                <Time iso={current.issuedAt} />
              </p>
              {calledFor !== null && (
                <p data-testid="timer-called">{t('queue:sinceCalled', { time: formatTimer(calledFor) })}</p>
              )}
              {servingFor !== null && (
                <p data-testid="timer-serving">{t('queue:sinceStarted', { time: formatTimer(servingFor) })}</p>
              )}
              {current.recallCount > 0 && (
                <p data-testid="recall-count">{t('queue:recalls', { count: current.recallCount })}</p>
              )}
            </div>
          )}
          <div className="main-verbs" role="group" aria-label={t('queue:current')}>
            {MAIN_VERBS.map((verb) =>
              button(verb, t(`queue:verb.${verb}`), verb === 'callNext' ? 'primary big' : 'big'),
            )}
          </div>
          <div className="transfer">
            <label>
              {t('queue:transferTo')}{' '}
              <select
                data-testid="transfer-target"
                value={target}
                disabled={!verbs.has('transfer')}
                onChange={(event) => setTarget(event.target.value)}
              >
                <option value="" />
                {transferTargets.map((entry) => (
                  <option key={entry.value} value={entry.value}>
                    {entry.text}
                  </option>
                ))}
              </select>
            </label>{' '}
            <button
              type="button"
              data-testid="verb-transfer"
              disabled={busy || !verbs.has('transfer') || target === ''}
              onClick={transfer}
            >
              {t('queue:verb.transfer')}
            </button>
          </div>
        </div>
        <aside className="window-queue" aria-label={t('queue:queue')}>
          <h3>{t('queue:queue')}</h3>
          <ul>
            {view.waiting.map((entry) => (
              <li key={entry.serviceCode} data-testid={`queue-waiting-${entry.serviceCode}`} data-count={entry.waiting}>
                {t('queue:waitingIn', { name: entry.name, count: entry.waiting })}
              </li>
            ))}
            {view.transferredHere > 0 && <li>{t('queue:transferredHere', { count: view.transferredHere })}</li>}
          </ul>
          <h4>{t('queue:next')}</h4>
          <p data-testid="queue-next">{view.next.length === 0 ? t('queue:nextEmpty') : view.next.join(' ')}</p>
          <p data-testid="served-today" data-count={view.servedToday}>
            {t('queue:servedToday', { count: view.servedToday })}
          </p>
        </aside>
      </div>
    </section>
  );
}

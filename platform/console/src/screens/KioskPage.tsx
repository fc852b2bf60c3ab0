import { lazy, Suspense, useState, type FormEvent } from 'react';
import {
  KIOSK_VIDEO_CALL_DAYS,
  VIDEO_QUALITY_LIMITS,
  type CommandView,
  type KioskDetail,
} from '../../../contract/console/fleet-views';
import type { RemoteCommandRequest } from '../../../contract/fleet';
import { consoleUrl } from '../api/client';
import { useAction, useConsole, useLoad, useWords } from '../app/console-context';
import { Link } from '../app/navigation';
import { pathOf } from '../app/routes';
import { LoadedView, Notice, Section, StateBadge, Time } from '../app/ui';
import { CALL_TIME_WORDS, callTime, lossPercent, sharePercent, whole } from '../view/call-quality';
import { duration, gigabytes, paperDays, uptimePercent } from '../view/format';
import { may } from '../view/permissions';
import { commandResultWords, commandWords, timelineWords, type Translate } from '../view/words';
import { AlarmTable } from './AlarmsPage';

const MonthChart = lazy(() => import('../charts/MonthChart'));

export const KIOSK_REFRESH_MS = 15_000;

export function KioskPage({ terminalId }: { terminalId: string }) {
  const { t } = useWords();
  const { loaded, reload } = useLoad('getKiosk', { pathParams: { terminalId } }, { everyMs: KIOSK_REFRESH_MS });
  return (
    <>
      <p>
        <Link href={pathOf({ page: 'fleet' })}>{t('kiosk:backToFleet')}</Link>
      </p>
      <h1>{t('kiosk:title', { id: terminalId })}</h1>
      <LoadedView loaded={loaded}>
        {(detail) => (
          <div className="kiosk-grid">
            <Summary detail={detail} />
            <Devices detail={detail} />
            <Paper detail={detail} />
            <VideoCalls detail={detail} />
            <Commands detail={detail} onSent={reload} />
            <Section title={t('kiosk:alarms')} id="kiosk-alarms">
              <AlarmTable alarms={detail.alarms} onChanged={reload} />
            </Section>
            <Timeline detail={detail} />
            <Inspections detail={detail} />
            <Versions detail={detail} />
            <Section title={t('kiosk:months')} id="kiosk-months">
              <Suspense fallback={<p role="status">{t('common:loading')}</p>}>
                <MonthChart months={detail.months} />
              </Suspense>
              <MonthTable detail={detail} />
            </Section>
            <Revoke detail={detail} onRevoked={reload} />
          </div>
        )}
      </LoadedView>
    </>
  );
}

function durationWords(t: Translate, seconds: number): string {
  const { unit, count } = duration(seconds);
  return t(`common:${unit}`, { count });
}

function Summary({ detail }: { detail: KioskDetail }) {
  const { t } = useWords();
  const { summary, heartbeat, station } = detail;
  const rows: Array<[string, React.ReactNode]> = [
    [t('fleet:col.state'), <StateBadge key="s" state={summary.state} />],
    [t('kiosk:station'), `${station.name}（${station.stationId}）`],
    [t('fleet:col.lastHeartbeat'), <Time key="h" iso={summary.lastHeartbeatAt} />],
    [t('kiosk:appVersion'), summary.appVersion ?? '—'],
    [t('kiosk:catalogVersion'), summary.catalogVersion ?? '—'],
  ];
  if (heartbeat) {
    rows.push(
      [t('kiosk:host'), t(`words:host.${heartbeat.host}`)],
      [t('kiosk:uptime'), durationWords(t, heartbeat.uptimeSeconds)],
      [t('kiosk:catalogAge'), <Time key="c" iso={heartbeat.catalogConfirmedAt} />],
      [
        t('kiosk:disk'),
        heartbeat.disk ? `${gigabytes(heartbeat.disk.freeBytes)} / ${gigabytes(heartbeat.disk.totalBytes)} GB` : '—',
      ],
      [t('kiosk:residentSession'), t(heartbeat.residentSessionActive ? 'common:yes' : 'common:no')],
      [
        t('kiosk:lastInspection'),
        heartbeat.lastInspection ? (
          <>
            <Time iso={heartbeat.lastInspection.finishedAt} />（
            {t(heartbeat.lastInspection.automatic ? 'kiosk:automatic' : 'kiosk:human')}）
          </>
        ) : (
          t('common:never')
        ),
      ],
      [
        t('fleet:col.outbox'),
        t('kiosk:outbox', { pending: heartbeat.outbox.pending, dead: heartbeat.outbox.deadLetters }),
      ],
    );
  }
  return (
    <Section title={t('kiosk:summary')} id="kiosk-summary">
      {summary.outOfService && <p className="tag">{t('fleet:outOfService')}</p>}
      <dl className="facts">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}

function Devices({ detail }: { detail: KioskDetail }) {
  const { t } = useWords();
  return (
    <Section title={t('kiosk:devices')} id="kiosk-devices">
      {detail.heartbeat === null ? (
        <p>{t('kiosk:noHeartbeat')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('kiosk:device')}</th>
              <th scope="col">{t('kiosk:deviceState')}</th>
              <th scope="col">{t('kiosk:deviceCode')}</th>
              <th scope="col">{t('kiosk:deviceAction')}</th>
              <th scope="col">{t('kiosk:mode')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.heartbeat.devices.map((device) => (
              <tr key={device.device} data-testid={`device-${device.device}`}>
                <th scope="row">{t(`words:device.${device.device}`)}</th>
                <td className={device.status === 'online' ? '' : 'warn'}>{t(`words:deviceStatus.${device.status}`)}</td>
                <td>
                  {[device.code, ...device.warnings]
                    .filter((code, index) => index === 0 || code !== device.code)
                    .map((code) => t(`words:deviceCode.${code}`))
                    .join('、')}
                </td>
                <td>{t(`words:action.${device.action}`)}</td>
                <td>{t(`kiosk:${device.mode}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function Paper({ detail }: { detail: KioskDetail }) {
  const { t } = useWords();
  const paper = detail.heartbeat?.paper ?? null;
  const days = paperDays(paper?.daysLeft ?? null);
  return (
    <Section title={t('kiosk:paper')} id="kiosk-paper">
      {paper === null ? (
        <p>{t('kiosk:paperNone')}</p>
      ) : (
        <dl className="facts">
          <div>
            <dt>{t('kiosk:paperDaysLeft')}</dt>
            <dd className={`paper-${days.level}`} data-testid="paper-days">
              {days.text === null ? t('kiosk:paperUnknownRate') : t('common:daysLeft', { days: days.text })}
            </dd>
          </div>
          <div>
            <dt>{t('kiosk:paperReceiptsLeft')}</dt>
            <dd>
              {paper.receiptsLeft} / {paper.rollCapacity}
            </dd>
          </div>
          <div>
            <dt>{t('kiosk:paperRate', { days: paper.rateWindowDays })}</dt>
            <dd>{paper.receiptsPerDay.toFixed(1)}</dd>
          </div>
          <div>
            <dt>{t('kiosk:paperRollChanged')}</dt>
            <dd>
              <Time iso={paper.rollChangedAt} />
            </dd>
          </div>
        </dl>
      )}
    </Section>
  );
}

/**
 * 视频帮办 over the last 30 days (KioskVideoCalls): how the kiosk's calls went and sounded. A
 * warning line when the averages pass VIDEO_QUALITY_LIMITS: the kiosk's network wants a look.
 */
function VideoCalls({ detail }: { detail: KioskDetail }) {
  const { t } = useWords();
  const video = detail.videoCalls;
  const days = KIOSK_VIDEO_CALL_DAYS;
  const dash = t('common:none');
  const wait = callTime(video.medianWaitSeconds);
  const rtt = whole(video.averageRttMs);
  const last = video.lastCall;
  const lastQuality =
    last === null
      ? dash
      : last.qualitySamples === 0
        ? t('kiosk:video.unmeasured')
        : [
            t('kiosk:video.quality', {
              loss: lossPercent(last.packetLossPct) ?? dash,
              rtt: whole(last.rttMs) ?? dash,
              kiosk: whole(last.kioskInboundKbps) ?? dash,
              agent: whole(last.agentInboundKbps) ?? dash,
            }),
            ...(last.relayed === null ? [] : [t(last.relayed ? 'kiosk:video.relayed' : 'kiosk:video.direct')]),
            ...(last.audioOnly ? [t('kiosk:video.audioOnly')] : []),
          ].join('；');
  const rows: Array<[string, React.ReactNode]> = [
    [t('kiosk:video.calls'), video.calls],
    [t('kiosk:video.answeredRate'), sharePercent(video.answeredRate) ?? dash],
    [t('kiosk:video.medianWait'), wait === null ? dash : t(CALL_TIME_WORDS[wait.unit], { value: wait.value })],
    [t('kiosk:video.qualityMeasured'), video.qualityMeasured],
    [t('kiosk:video.packetLoss'), lossPercent(video.averagePacketLossPct) ?? dash],
    [t('kiosk:video.rtt'), rtt === null ? dash : t('statistics:video.milliseconds', { value: rtt })],
    [t('kiosk:video.relayedRate'), sharePercent(video.relayedRate) ?? dash],
  ];
  if (last !== null)
    rows.push(
      [
        t('kiosk:video.lastCall'),
        <>
          <Time iso={last.requestedAt} />（
          {last.endReason !== null
            ? t(`kiosk:video.endReason.${last.endReason}`)
            : t(`kiosk:video.status.${last.status}`)}
          ）
        </>,
      ],
      [t('kiosk:video.lastQuality'), lastQuality],
    );
  return (
    <Section title={t('kiosk:video.title', { days })} id="kiosk-video">
      {video.warnings.map((warning) => (
        <p key={warning} className="warn" role="alert" data-testid={`video-warning-${warning}`}>
          {warning === 'packetLoss'
            ? t('kiosk:video.warningLoss', {
                days,
                value: lossPercent(video.averagePacketLossPct),
                limit: VIDEO_QUALITY_LIMITS.packetLossPct,
              })
            : t('kiosk:video.warningRtt', { days, value: rtt, limit: VIDEO_QUALITY_LIMITS.rttMs })}
        </p>
      ))}
      {video.calls === 0 ? (
        <p>{t('kiosk:video.none', { days })}</p>
      ) : (
        <dl className="facts" data-testid="kiosk-video-calls">
          {rows.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </Section>
  );
}

type CommandChoice = Exclude<RemoteCommandRequest['kind'], 'outOfService'> | 'outOfServiceOn' | 'outOfServiceOff';
const COMMANDS: readonly CommandChoice[] = [
  'reloadCatalog',
  'restartApp',
  'outOfServiceOn',
  'outOfServiceOff',
  'selfTest',
  'raiseLogLevel',
  'screenshot',
];

/** The request a button sends; out-of-service on carries the message for residents. */
export function requestFor(choice: CommandChoice, message: string): RemoteCommandRequest {
  switch (choice) {
    case 'outOfServiceOn':
      return { kind: 'outOfService', on: true, message };
    case 'outOfServiceOff':
      return { kind: 'outOfService', on: false };
    case 'raiseLogLevel':
      return { kind: 'raiseLogLevel', level: 'debug', minutes: 60 };
    default:
      return { kind: choice };
  }
}

function Commands({ detail, onSent }: { detail: KioskDetail; onSent: () => void }) {
  const { t } = useWords();
  const { session } = useConsole();
  const { run, busy, message } = useAction();
  const [asking, setAsking] = useState(false);
  const [residentMessage, setResidentMessage] = useState(t('kiosk:outOfServiceDefault'));
  const terminalId = detail.summary.terminalId;
  const mayCommand = may(session.user.role, 'issueCommand');

  const send = async (choice: CommandChoice) => {
    const result = await run(
      'issueCommand',
      { pathParams: { terminalId }, body: requestFor(choice, residentMessage.trim()) },
      t('kiosk:sent'),
    );
    if (result.ok) {
      setAsking(false);
      onSent();
    }
  };
  const submitOutOfService = (event: FormEvent) => {
    event.preventDefault();
    void send('outOfServiceOn');
  };

  return (
    <Section title={t('kiosk:commands')} id="kiosk-commands">
      {mayCommand && (
        <>
          <p className="muted">{t('kiosk:commandsHint')}</p>
          <div className="button-row" role="group" aria-label={t('kiosk:commands')}>
            {COMMANDS.map((choice) => (
              <button
                key={choice}
                type="button"
                disabled={busy}
                data-testid={`command-${choice}`}
                onClick={() => (choice === 'outOfServiceOn' ? setAsking(true) : void send(choice))}
              >
                {t(`words:command.${choice}`)}
              </button>
            ))}
          </div>
          {asking && (
            <form className="inline-form" onSubmit={submitOutOfService} data-testid="out-of-service-form">
              <label>
                {t('kiosk:outOfServiceMessage')}
                <input
                  name="residentMessage"
                  value={residentMessage}
                  maxLength={120}
                  required
                  autoFocus
                  onChange={(event) => setResidentMessage(event.target.value)}
                />
              </label>
              <button type="submit" className="primary" disabled={busy || residentMessage.trim() === ''}>
                {t('kiosk:send')}
              </button>
              <button type="button" onClick={() => setAsking(false)}>
                {t('common:cancel')}
              </button>
            </form>
          )}
          <Notice message={message} />
        </>
      )}
      <CommandTable commands={detail.commands} terminalId={terminalId} />
    </Section>
  );
}

function CommandTable({ commands, terminalId }: { commands: readonly CommandView[]; terminalId: string }) {
  const { t, locale } = useWords();
  const { session } = useConsole();
  if (commands.length === 0) return null;
  const mayScreenshot = may(session.user.role, 'getScreenshot');
  return (
    <table data-testid="command-table">
      <thead>
        <tr>
          {(['command', 'issued', 'by', 'state', 'result'] as const).map((col) => (
            <th key={col} scope="col">
              {t(`kiosk:commandCol.${col}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {commands.map((command) => {
          const shot = command.result?.outcome === 'done' ? command.result.screenshot : undefined;
          return (
            <tr key={command.commandId} data-testid={`command-row-${command.commandId}`} data-state={command.state}>
              <th scope="row">{commandWords(t, command.request)}</th>
              <td>
                <Time iso={command.issuedAt} />
              </td>
              <td>{command.issuedBy}</td>
              <td>{t(`words:commandState.${command.state}`)}</td>
              <td>
                {commandResultWords(t, command)}
                {shot && mayScreenshot && (
                  <img
                    className="screenshot"
                    src={consoleUrl('getScreenshot', { commandId: command.commandId })}
                    width={shot.width}
                    height={shot.height}
                    alt={t('kiosk:screenshotAlt', { id: terminalId, time: command.result?.finishedAt ?? '' })}
                    data-testid="screenshot"
                    data-locale={locale}
                  />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Timeline({ detail }: { detail: KioskDetail }) {
  const { t } = useWords();
  return (
    <Section title={t('kiosk:timeline')} id="kiosk-timeline">
      {detail.timeline.length === 0 ? (
        <p>{t('kiosk:timelineEmpty')}</p>
      ) : (
        <ol className="timeline">
          {detail.timeline.map((entry, index) => (
            <li key={`${entry.at}-${index}`} data-kind={entry.kind}>
              <Time iso={entry.at} /> {timelineWords(t, entry)}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

function Inspections({ detail }: { detail: KioskDetail }) {
  const { t } = useWords();
  return (
    <Section title={t('kiosk:inspections')} id="kiosk-inspections">
      {detail.inspections.length === 0 ? (
        <p>{t('kiosk:inspectionsEmpty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              {(['at', 'kind', 'outcome', 'failed', 'inspector'] as const).map((col) => (
                <th key={col} scope="col">
                  {t(`kiosk:inspectionCol.${col}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {detail.inspections.map((inspection) => (
              <tr key={inspection.inspectionId} data-automatic={inspection.automatic}>
                <td>
                  <Time iso={inspection.finishedAt} />
                </td>
                <td>{t(inspection.automatic ? 'kiosk:automatic' : 'kiosk:human')}</td>
                <td>{t(`words:inspectionOutcome.${inspection.outcome}`)}</td>
                <td>
                  {inspection.failedDevices
                    .map((device) => t(`words:device.${device}`, { defaultValue: device }))
                    .join('、') || '—'}
                </td>
                <td>{inspection.inspector ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function Versions({ detail }: { detail: KioskDetail }) {
  const { t } = useWords();
  return (
    <Section title={t('kiosk:versions')} id="kiosk-versions">
      {detail.versions.length === 0 ? (
        <p>{t('kiosk:versionsEmpty')}</p>
      ) : (
        <ol className="timeline">
          {detail.versions.map((entry) => (
            <li key={`${entry.at}-${entry.appVersion}`} data-change={entry.change}>
              <Time iso={entry.at} />{' '}
              {t(`words:versionChange.${entry.change}`, { from: entry.from ?? '—', to: entry.appVersion })}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

function MonthTable({ detail }: { detail: KioskDetail }) {
  const { t } = useWords();
  return (
    <details>
      <summary>{t('kiosk:monthsTable')}</summary>
      <table>
        <thead>
          <tr>
            {(['month', 'uptime', 'mttr', 'alarms'] as const).map((col) => (
              <th key={col} scope="col">
                {t(`kiosk:monthCol.${col}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {detail.months.map((month) => (
            <tr key={month.month}>
              <th scope="row">{month.month}</th>
              <td className="number">{month.uptime === null ? '—' : `${uptimePercent(month.uptime)}%`}</td>
              <td className="number">{month.mttrSeconds === null ? '—' : durationWords(t, month.mttrSeconds)}</td>
              <td className="number">{month.alarms}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function Revoke({ detail, onRevoked }: { detail: KioskDetail; onRevoked: () => void }) {
  const { t } = useWords();
  const { session } = useConsole();
  const { run, busy, message } = useAction();
  const [reason, setReason] = useState('');
  if (!may(session.user.role, 'revokeKiosk')) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!window.confirm(t('kiosk:revokeConfirm'))) return;
    const result = await run(
      'revokeKiosk',
      { pathParams: { terminalId: detail.summary.terminalId }, body: { reason } },
      t('kiosk:revoked'),
    );
    if (result.ok) onRevoked();
  };
  return (
    <Section title={t('kiosk:revoke')} id="kiosk-revoke">
      <form className="inline-form" onSubmit={(event) => void submit(event)}>
        <label>
          {t('kiosk:revokeReason')}
          <input
            name="reason"
            value={reason}
            maxLength={200}
            required
            onChange={(event) => setReason(event.target.value)}
          />
        </label>
        <button type="submit" className="danger" disabled={busy || reason.trim() === ''}>
          {t('kiosk:revoke')}
        </button>
      </form>
      <Notice message={message} />
    </Section>
  );
}

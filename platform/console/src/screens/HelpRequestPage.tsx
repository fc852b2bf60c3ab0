import { useCallback, useState, type FormEvent, type ReactNode } from 'react';
import { AssistanceContactChannel, AssistanceContactOutcome } from '../../../contract/assistance';
import type { HelpRequestDetail } from '../../../contract/console/help-views';
import type { CallArgs } from '../api/client';
import { useConsole, useLoad, useWords } from '../app/console-context';
import { Link } from '../app/navigation';
import { pathOf } from '../app/routes';
import { LoadedView, Notice, Section, Time } from '../app/ui';
import { errorWords } from '../view/errors';
import { isClosed } from '../view/help-inbox';
import { DueLabel, HELP_REFRESH_MS, waitedWords } from './HelpInboxPage';

type StepId = 'assignHelpRequest' | 'addHelpContact' | 'completeHelpRequest' | 'cancelHelpRequest';
type Message = { kind: 'ok' | 'error'; text: string } | null;

/**
 * One help request: who asked and how to reach them, what they need, every contact so far and
 * the history; and the staff's steps (accept, record a contact, complete, withdraw). Each step
 * answers the request as it is now, which the page shows at once. A refusal because someone
 * else closed it meanwhile (409) is said in words and the page reloads.
 */
export function HelpRequestPage({ requestId }: { requestId: string }) {
  const { t } = useWords();
  const { loaded, reload } = useLoad('getHelpRequest', { pathParams: { requestId } }, { everyMs: HELP_REFRESH_MS });
  // A step answers the request as it is now: shown at once, until the reload it asks for arrives.
  const [fresh, setFresh] = useState<{ detail: HelpRequestDetail; over: typeof loaded } | null>(null);
  const step = useStep(
    requestId,
    (detail) => {
      setFresh({ detail, over: loaded });
      reload();
    },
    reload,
  );

  return (
    <>
      <p>
        <Link href={pathOf({ page: 'help' })}>{t('help:backToInbox')}</Link>
      </p>
      <h1>{t('help:detailTitle', { id: requestId })}</h1>
      <Notice message={step.message} />
      <LoadedView loaded={loaded}>
        {(loadedDetail) => {
          const detail = fresh?.over === loaded ? fresh.detail : loadedDetail;
          return (
            <div className="kiosk-grid" data-testid="help-detail" data-status={detail.request.status}>
              <Summary detail={detail} />
              <Requester detail={detail} />
              {!isClosed(detail.request.status) && <Steps detail={detail} step={step} />}
              <Contacts detail={detail} />
              <History detail={detail} />
            </div>
          );
        }}
      </LoadedView>
    </>
  );
}

interface Step {
  readonly busy: boolean;
  readonly message: Message;
  readonly send: <Id extends StepId>(operationId: Id, body: CallArgs<Id>['body'], success: string) => Promise<boolean>;
}

function useStep(requestId: string, onDone: (detail: HelpRequestDetail) => void, onConflict: () => void): Step {
  const { client } = useConsole();
  const { t } = useWords();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const send = useCallback(
    async <Id extends StepId>(operationId: Id, body: CallArgs<Id>['body'], success: string): Promise<boolean> => {
      setBusy(true);
      setMessage(null);
      const args = { pathParams: { requestId }, body } as unknown as CallArgs<Id>;
      const result = await client.call(operationId, args);
      setBusy(false);
      if (result.ok) {
        onDone(result.value as HelpRequestDetail);
        setMessage({ kind: 'ok', text: success });
        return true;
      }
      if (result.error.kind === 'unauthorized') return false;
      if (result.error.kind === 'problem' && result.error.status === 409) {
        setMessage({ kind: 'error', text: t('help:conflict', { detail: result.error.detail ?? result.error.code }) });
        onConflict();
      } else {
        setMessage({ kind: 'error', text: errorWords(t, result.error) });
      }
      return false;
    },
    [client, requestId, onDone, onConflict, t],
  );
  return { busy, message, send };
}

function Facts({ rows }: { rows: ReadonlyArray<[string, ReactNode, string?]> }) {
  return (
    <dl className="facts">
      {rows.map(([term, value, testId]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd data-testid={testId}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Summary({ detail }: { detail: HelpRequestDetail }) {
  const { t } = useWords();
  const item = detail.request;
  return (
    <Section title={t('help:detailTitle', { id: item.requestId })} id="help-summary">
      <Facts
        rows={[
          [t('help:status'), t(`help:inboxStatus.${item.status}`), 'help-detail-status'],
          [t('help:kind'), t(`help:kindName.${item.kind}`)],
          [t('help:station'), item.stationName],
          [t('help:matter'), item.matter?.matterName ?? t('help:noMatter'), 'help-detail-matter'],
          [t('help:caseNo'), detail.caseNo ?? '—'],
          [t('help:received'), <Time key="r" iso={item.receivedAt} />],
          [t('help:waited'), waitedWords(t, item.waitedMinutes)],
          [
            t('help:dueAt'),
            <>
              <Time iso={item.contactDueAt} /> <DueLabel item={item} />
            </>,
          ],
          [t('help:handler'), item.assigneeName ?? t('help:nobody'), 'help-detail-handler'],
        ]}
      />
      {detail.completionNote !== null && (
        <p data-testid="help-detail-completion">
          {t('help:completionNote')}：{detail.completionNote}
        </p>
      )}
      {detail.cancelReason !== null && (
        <p data-testid="help-detail-cancel-reason">
          {t('help:cancelReason')}：{detail.cancelReason}
        </p>
      )}
    </Section>
  );
}

function Requester({ detail }: { detail: HelpRequestDetail }) {
  const { t } = useWords();
  const rows: Array<[string, ReactNode, string?]> = [
    [t('help:name'), detail.request.requesterName ?? t('help:noName'), 'help-detail-name'],
    [t('help:phone'), detail.phone ?? '—', 'help-detail-phone'],
  ];
  if (detail.address !== null) rows.push([t('help:address'), detail.address, 'help-detail-address']);
  if (detail.preferredTime !== null) rows.push([t('help:preferred'), t(`help:preferredTime.${detail.preferredTime}`)]);
  if (detail.preferredDate !== null) rows.push([t('help:preferredDate'), detail.preferredDate]);
  rows.push(
    [t('help:needs'), detail.needs.map((need) => t(`help:need.${need}`, { defaultValue: need })).join('、') || '—'],
    [t('help:note'), detail.note ?? '—', 'help-detail-note'],
  );
  return (
    <Section title={t('help:requester')} id="help-requester">
      <Facts rows={rows} />
      {detail.signedInWithCard && <p className="muted">{t('help:cardSignedIn')}</p>}
    </Section>
  );
}

function Steps({ detail, step }: { detail: HelpRequestDetail; step: Step }) {
  const accepted = detail.request.status !== 'received';
  return (
    <>
      <Accept step={step} />
      {accepted && <RecordContact step={step} />}
      {accepted && <Complete step={step} />}
      <Withdraw step={step} />
    </>
  );
}

function Accept({ step }: { step: Step }) {
  const { t } = useWords();
  const [agentName, setAgentName] = useState('');
  const giveToAgent = async (event: FormEvent) => {
    event.preventDefault();
    if (await step.send('assignHelpRequest', { assignee: 'agent', agentName: agentName.trim() }, t('help:accepted')))
      setAgentName('');
  };
  return (
    <Section title={t('help:accept')} id="help-accept">
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={step.busy}
          data-testid="help-accept-me"
          onClick={() => void step.send('assignHelpRequest', { assignee: 'me' }, t('help:accepted'))}
        >
          {t('help:acceptMe')}
        </button>
      </div>
      <form className="inline-form" onSubmit={(event) => void giveToAgent(event)} data-testid="help-assign-form">
        <label>
          {t('help:agentName')}
          <input
            name="agentName"
            data-testid="help-agent-name"
            value={agentName}
            maxLength={30}
            required
            onChange={(event) => setAgentName(event.target.value)}
          />
        </label>
        <button type="submit" disabled={step.busy || agentName.trim() === ''} data-testid="help-assign-agent">
          {t('help:assign')}
        </button>
      </form>
    </Section>
  );
}

/** A datetime-local value (the PC's clock) as an instant; empty: now, which the platform fills in. */
function instantOf(local: string): string | undefined {
  if (local === '') return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function RecordContact({ step }: { step: Step }) {
  const { t } = useWords();
  const [at, setAt] = useState('');
  const [channel, setChannel] = useState<AssistanceContactChannel>('phone');
  const [outcome, setOutcome] = useState<AssistanceContactOutcome>('reached');
  const [note, setNote] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { at: instantOf(at), channel, outcome, note: note.trim() === '' ? undefined : note.trim() };
    if (await step.send('addHelpContact', body, t('help:contactSaved'))) {
      setAt('');
      setNote('');
    }
  };
  return (
    <Section title={t('help:recordContact')} id="help-contact">
      <form className="grid-form" onSubmit={(event) => void submit(event)} data-testid="help-contact-form">
        <label>
          {t('help:contactChannel')}
          <select
            name="channel"
            data-testid="help-contact-channel"
            value={channel}
            onChange={(event) => setChannel(event.target.value as AssistanceContactChannel)}
          >
            {AssistanceContactChannel.options.map((option) => (
              <option key={option} value={option}>
                {t(`help:channel.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('help:contactOutcome')}
          <select
            name="outcome"
            data-testid="help-contact-outcome"
            value={outcome}
            onChange={(event) => setOutcome(event.target.value as AssistanceContactOutcome)}
          >
            {AssistanceContactOutcome.options.map((option) => (
              <option key={option} value={option}>
                {t(`help:outcome.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('help:contactAt')}
          <input
            type="datetime-local"
            name="at"
            data-testid="help-contact-at"
            value={at}
            onChange={(event) => setAt(event.target.value)}
          />
        </label>
        <label>
          {t('help:contactNote')}
          <textarea
            name="note"
            data-testid="help-contact-note"
            value={note}
            maxLength={500}
            onChange={(event) => setNote(event.target.value)}
          />
        </label>
        <button type="submit" className="primary" disabled={step.busy} data-testid="help-contact-save">
          {step.busy ? t('help:sending') : t('help:saveContact')}
        </button>
      </form>
    </Section>
  );
}

function Complete({ step }: { step: Step }) {
  const { t } = useWords();
  const [note, setNote] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await step.send('completeHelpRequest', { note: note.trim() }, t('help:completed'));
  };
  return (
    <Section title={t('help:complete')} id="help-complete">
      <form className="grid-form" onSubmit={(event) => void submit(event)} data-testid="help-complete-form">
        <label>
          {t('help:completeNote')}
          <textarea
            name="completionNote"
            data-testid="help-complete-note"
            value={note}
            maxLength={500}
            required
            onChange={(event) => setNote(event.target.value)}
          />
        </label>
        <button
          type="submit"
          className="primary"
          disabled={step.busy || note.trim() === ''}
          data-testid="help-complete-submit"
        >
          {step.busy ? t('help:sending') : t('help:completeSubmit')}
        </button>
      </form>
    </Section>
  );
}

function Withdraw({ step }: { step: Step }) {
  const { t } = useWords();
  const [reason, setReason] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await step.send('cancelHelpRequest', { reason: reason.trim() }, t('help:cancelled'));
  };
  return (
    <Section title={t('help:cancel')} id="help-cancel">
      <form className="inline-form" onSubmit={(event) => void submit(event)} data-testid="help-cancel-form">
        <label>
          {t('help:cancelReasonLabel')}
          <input
            name="cancelReason"
            data-testid="help-cancel-reason"
            value={reason}
            maxLength={300}
            required
            onChange={(event) => setReason(event.target.value)}
          />
        </label>
        <button type="submit" disabled={step.busy || reason.trim() === ''} data-testid="help-cancel-submit">
          {step.busy ? t('help:sending') : t('help:cancelSubmit')}
        </button>
      </form>
    </Section>
  );
}

function Contacts({ detail }: { detail: HelpRequestDetail }) {
  const { t } = useWords();
  return (
    <Section title={t('help:contacts')} id="help-contacts">
      {detail.contacts.length === 0 ? (
        <p>{t('help:contactsEmpty')}</p>
      ) : (
        <table data-testid="help-contact-table">
          <thead>
            <tr>
              {(['at', 'channel', 'outcome', 'note', 'by'] as const).map((col) => (
                <th key={col} scope="col">
                  {t(`help:contactCol.${col}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {detail.contacts.map((contact) => (
              <tr
                key={contact.contactId}
                data-testid={`help-contact-row-${contact.contactId}`}
                data-outcome={contact.outcome}
              >
                <td>
                  <Time iso={contact.at} />
                </td>
                <td>{t(`help:channel.${contact.channel}`)}</td>
                <td>{t(`help:outcome.${contact.outcome}`)}</td>
                <td>{contact.note ?? '—'}</td>
                <td>{contact.staffName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function History({ detail }: { detail: HelpRequestDetail }) {
  const { t } = useWords();
  return (
    <Section title={t('help:history')} id="help-history">
      <ol className="timeline">
        {detail.history.map((entry, index) => (
          <li key={`${entry.at}-${index}`} data-event={entry.event}>
            <Time iso={entry.at} /> {t(`help:event.${entry.event}`)}
            {entry.detail !== null && `：${historyDetail(t, entry.event, entry.detail)}`}
          </li>
        ))}
      </ol>
    </Section>
  );
}

/** A contact's detail is its outcome code; other events carry words (the handler, the note). */
function historyDetail(t: (key: string, values?: Record<string, unknown>) => string, event: string, detail: string) {
  return event === 'contacted' ? t(`help:outcome.${detail}`, { defaultValue: detail }) : detail;
}

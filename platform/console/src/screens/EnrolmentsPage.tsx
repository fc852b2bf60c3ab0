import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { EnrolmentCodeIssued, EnrolmentView } from '../../../contract/console/fleet-views';
import { useAction, useLoad, useWords } from '../app/console-context';
import { LoadedView, Notice, Section, Time } from '../app/ui';
import { formatDateTime } from '../view/format';

export function EnrolmentsPage() {
  const { t } = useWords();
  const { loaded, reload } = useLoad('listEnrolments', {}, { everyMs: 15_000 });
  return (
    <>
      <h1>{t('enrolments:title')}</h1>
      <NewCode />
      <LoadedView loaded={loaded}>
        {(list) => (
          <>
            <Section title={t('enrolments:pending')} id="enrolments-pending">
              <EnrolmentTable enrolments={list.enrolments.filter((e) => e.state === 'pending')} onChanged={reload} />
            </Section>
            <Section title={t('enrolments:history')} id="enrolments-history">
              <EnrolmentTable enrolments={list.enrolments.filter((e) => e.state !== 'pending')} onChanged={reload} />
            </Section>
          </>
        )}
      </LoadedView>
    </>
  );
}

/** The code is in this component's memory only, shown once: leaving the page forgets it (the platform keeps its hash). */
function NewCode() {
  const { t, locale } = useWords();
  const fleet = useLoad('getFleet', { query: {} });
  const { run, busy, message } = useAction();
  const [stationId, setStationId] = useState('');
  const [validHours, setValidHours] = useState(24);
  const [issued, setIssued] = useState<z.infer<typeof EnrolmentCodeIssued> | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIssued(null);
    const result = await run('createEnrolmentCode', { body: { stationId, validHours } });
    if (result.ok) setIssued(result.value);
  };
  const stations = fleet.loaded.state === 'ok' ? fleet.loaded.value.stations : [];
  return (
    <Section title={t('enrolments:newCode')} id="enrolment-new-code">
      <p className="muted">{t('enrolments:newCodeHint')}</p>
      <form className="inline-form" onSubmit={(event) => void submit(event)}>
        <label>
          {t('enrolments:station')}
          <select name="stationId" value={stationId} required onChange={(event) => setStationId(event.target.value)}>
            <option value="" disabled>
              —
            </option>
            {stations.map((station) => (
              <option key={station.stationId} value={station.stationId}>
                {station.name}（{station.stationId}）
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('enrolments:validHours')}
          <input
            name="validHours"
            type="number"
            min={1}
            max={168}
            value={validHours}
            onChange={(event) => setValidHours(Number(event.target.value))}
          />
        </label>
        <button type="submit" className="primary" disabled={busy || stationId === ''}>
          {t('enrolments:create')}
        </button>
      </form>
      <Notice message={message} />
      {issued && (
        <div className="issued-code" role="status">
          <p>{t('enrolments:codeIssued')}</p>
          <output className="code" data-testid="enrolment-code">
            {issued.code}
          </output>
          <p className="muted">
            {t('enrolments:codeExpires', { time: formatDateTime(issued.expiresAt, locale) ?? issued.expiresAt })}
          </p>
        </div>
      )}
    </Section>
  );
}

function EnrolmentTable({ enrolments, onChanged }: { enrolments: readonly EnrolmentView[]; onChanged: () => void }) {
  const { t, locale } = useWords();
  const { run, busy, message } = useAction();
  if (enrolments.length === 0) return <p>{t('enrolments:empty')}</p>;
  const decide = async (operationId: 'approveEnrolment' | 'rejectEnrolment', enrolmentId: string) => {
    const result = await run(operationId, { pathParams: { enrolmentId }, body: {} });
    if (result.ok) onChanged();
  };
  return (
    <>
      <Notice message={message} />
      <table>
        <thead>
          <tr>
            {(['terminal', 'station', 'requested', 'from', 'version', 'state', 'decided'] as const).map((col) => (
              <th key={col} scope="col">
                {t(`enrolments:col.${col}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {enrolments.map((enrolment) => (
            <tr key={enrolment.enrolmentId} data-testid={`enrolment-row-${enrolment.enrolmentId}`}>
              <th scope="row">{enrolment.terminalId}</th>
              <td>{enrolment.stationId}</td>
              <td>
                <Time iso={enrolment.requestedAt} />
              </td>
              <td>{enrolment.requestedFrom}</td>
              <td>{enrolment.appVersion}</td>
              <td>{t(`words:enrolmentState.${enrolment.state}`)}</td>
              <td>
                {enrolment.state === 'pending' ? (
                  <span className="button-row">
                    <button
                      type="button"
                      className="primary"
                      disabled={busy}
                      onClick={() => void decide('approveEnrolment', enrolment.enrolmentId)}
                    >
                      {t('enrolments:approve')}
                    </button>
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => void decide('rejectEnrolment', enrolment.enrolmentId)}
                    >
                      {t('enrolments:reject')}
                    </button>
                  </span>
                ) : (
                  enrolment.decidedBy &&
                  t('enrolments:decidedBy', {
                    by: enrolment.decidedBy,
                    time: formatDateTime(enrolment.decidedAt, locale) ?? '',
                  })
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

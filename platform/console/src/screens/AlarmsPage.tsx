import { useState, type FormEvent } from 'react';
import type { AlarmView } from '../../../contract/console/fleet-views';
import { useAction, useConsole, useLoad, useWords } from '../app/console-context';
import { Link } from '../app/navigation';
import { pathOf } from '../app/routes';
import { LoadedView, Notice, Time } from '../app/ui';
import { formatDateTime } from '../view/format';
import { may } from '../view/permissions';
import { ruleWords, sortAlarms } from '../view/words';

export function AlarmsPage() {
  const { t } = useWords();
  const [onlyOpen, setOnlyOpen] = useState(true);
  const { loaded, reload } = useLoad('listAlarms', { query: onlyOpen ? { open: 'true' } : {} }, { everyMs: 15_000 });
  return (
    <>
      <h1>{t('alarms:title')}</h1>
      <label className="checkbox">
        <input type="checkbox" checked={onlyOpen} onChange={(event) => setOnlyOpen(event.target.checked)} />
        {t('alarms:onlyOpen')}
      </label>
      <LoadedView loaded={loaded}>
        {(list) => <AlarmTable alarms={list.alarms} onChanged={reload} showKiosk />}
      </LoadedView>
    </>
  );
}

/** Alarms, open first; an operator acknowledges one with an optional note. Used on the kiosk page too. */
export function AlarmTable({
  alarms,
  onChanged,
  showKiosk = false,
}: {
  alarms: readonly AlarmView[];
  onChanged: () => void;
  showKiosk?: boolean;
}) {
  const { t, locale } = useWords();
  const { session } = useConsole();
  const mayAcknowledge = may(session.user.role, 'acknowledgeAlarm');
  if (alarms.length === 0) return <p>{t('alarms:empty')}</p>;
  return (
    <div className="table-scroll">
      <table data-testid="alarm-table">
        <thead>
          <tr>
            <th scope="col">{t('alarms:col.raised')}</th>
            {showKiosk && <th scope="col">{t('alarms:col.terminal')}</th>}
            <th scope="col">{t('alarms:col.rule')}</th>
            <th scope="col">{t('alarms:col.severity')}</th>
            <th scope="col">{t('alarms:col.state')}</th>
            <th scope="col">{t('alarms:col.owner')}</th>
          </tr>
        </thead>
        <tbody>
          {sortAlarms(alarms).map((alarm) => (
            <tr
              key={alarm.alarmId}
              data-testid={`alarm-row-${alarm.alarmId}`}
              data-rule={alarm.rule}
              data-open={alarm.recoveredAt === null}
              className={alarm.recoveredAt === null ? 'open' : 'recovered'}
            >
              <td>
                <Time iso={alarm.raisedAt} />
              </td>
              {showKiosk && (
                <td>
                  <Link href={pathOf({ page: 'kiosk', terminalId: alarm.terminalId })}>{alarm.terminalId}</Link>
                </td>
              )}
              <th scope="row">{ruleWords(t, alarm.rule)}</th>
              <td>
                <span className={`severity severity-${alarm.severity}`}>{t(`words:severity.${alarm.severity}`)}</span>
              </td>
              <td>
                {alarm.recoveredAt === null
                  ? t('alarms:open')
                  : t('alarms:recovered', { time: formatDateTime(alarm.recoveredAt, locale) ?? alarm.recoveredAt })}
                {alarm.flapping && (
                  <span className="tag" data-testid="flapping">
                    {t('alarms:flapping', { count: alarm.flappingChanges ?? 0 })}
                  </span>
                )}
              </td>
              <td>
                {alarm.acknowledged ? (
                  <>
                    {t('alarms:acknowledged', {
                      by: alarm.acknowledged.by,
                      time: formatDateTime(alarm.acknowledged.at, locale) ?? alarm.acknowledged.at,
                    })}
                    {alarm.acknowledged.note && <span className="muted">：{alarm.acknowledged.note}</span>}
                  </>
                ) : (
                  mayAcknowledge && alarm.recoveredAt === null && <Acknowledge alarm={alarm} onDone={onChanged} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Acknowledge({ alarm, onDone }: { alarm: AlarmView; onDone: () => void }) {
  const { t } = useWords();
  const { run, busy, message } = useAction();
  const [note, setNote] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = note.trim();
    const result = await run('acknowledgeAlarm', {
      pathParams: { alarmId: alarm.alarmId },
      body: trimmed ? { note: trimmed } : {},
    });
    if (result.ok) onDone();
  };
  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)}>
      <label>
        <span className="visually-hidden">{t('alarms:acknowledgeNote')}</span>
        <input
          name="note"
          value={note}
          maxLength={200}
          placeholder={t('alarms:acknowledgeNote')}
          onChange={(event) => setNote(event.target.value)}
        />
      </label>
      <button type="submit" disabled={busy} data-testid={`acknowledge-${alarm.alarmId}`}>
        {t('alarms:acknowledge')}
      </button>
      <Notice message={message} />
    </form>
  );
}

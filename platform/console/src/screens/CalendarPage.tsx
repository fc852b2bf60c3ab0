import { useState, type ChangeEvent } from 'react';
import { useAction, useConsole, useLoad, useWords } from '../app/console-context';
import { LoadedView, Notice, Section } from '../app/ui';
import { may } from '../view/permissions';

/**
 * The working calendar due dates and kiosks use: its version, years (official or provisional)
 * and holidays; a county admin publishes a newer version by uploading its JSON. The platform
 * validates it and lists what is wrong; the page only reads the file.
 */
export function CalendarPage() {
  const { t } = useWords();
  const { session } = useConsole();
  const { loaded, reload } = useLoad('getWorkCalendarSummary', {});
  const { run, busy, message } = useAction();
  const [fileProblem, setFileProblem] = useState<string | null>(null);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setFileProblem(null);
    let calendar: unknown;
    try {
      calendar = JSON.parse(await file.text());
    } catch {
      setFileProblem(t('calendar:notJson'));
      return;
    }
    // The platform checks the whole document; a wrong shape comes back as its list of issues.
    const result = await run(
      'publishWorkCalendar',
      { body: calendar as never },
      t('calendar:published', {
        version: (calendar as { version?: unknown }).version,
      }),
    );
    if (result.ok) reload();
  };

  return (
    <>
      <h1>{t('calendar:title')}</h1>
      <LoadedView loaded={loaded}>
        {({ current }) =>
          current === null ? (
            <p data-testid="calendar-none">{t('calendar:none')}</p>
          ) : (
            <div data-testid="calendar-current" data-version={current.version}>
              <p>{t('calendar:current', { version: current.version, time: current.storedAt })}</p>
              <h2>{t('calendar:years')}</h2>
              <ul>
                {current.years.map((year) => (
                  <li key={year.year} data-testid={`calendar-year-${year.year}`} data-status={year.status}>
                    {year.year}：{t(`calendar:${year.status}`)}
                  </li>
                ))}
              </ul>
              <h2>{t('calendar:holidays')}</h2>
              <ul>
                {current.holidays.map((holiday) => (
                  <li key={holiday.firstDay}>
                    {t('calendar:holiday', { name: holiday.name, first: holiday.firstDay, last: holiday.lastDay })}
                    {holiday.makeUpWorkdays.length > 0 && (
                      <span className="muted">
                        {' '}
                        · {t('calendar:makeUp', { days: holiday.makeUpWorkdays.join('、') })}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )
        }
      </LoadedView>
      {may(session.user.role, 'publishWorkCalendar') && (
        <Section title={t('calendar:upload')} id="calendar-upload">
          <p className="muted">{t('calendar:uploadHint')}</p>
          <input
            type="file"
            accept="application/json,.json"
            disabled={busy}
            data-testid="calendar-file"
            aria-label={t('calendar:upload')}
            onChange={(event) => void upload(event)}
          />
          <Notice message={fileProblem ? { kind: 'error', text: fileProblem } : message} />
        </Section>
      )}
    </>
  );
}

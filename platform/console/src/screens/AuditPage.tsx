import { useState, type FormEvent } from 'react';
import { useLoad, useWords } from '../app/console-context';
import { LoadedView, Time } from '../app/ui';

/** The audit log, newest first, 100 a page; "older" pages backwards by auditId. */
export function AuditPage() {
  const { t } = useWords();
  const [username, setUsername] = useState('');
  const [query, setQuery] = useState<{ username?: string; before?: number }>({});
  const { loaded } = useLoad('getAudit', { query });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setQuery(username.trim() ? { username: username.trim() } : {});
  };
  return (
    <>
      <h1>{t('audit:title')}</h1>
      <form className="inline-form" onSubmit={apply}>
        <label>
          {t('audit:username')}
          <input name="username" value={username} onChange={(event) => setUsername(event.target.value)} />
        </label>
        <button type="submit">{t('audit:apply')}</button>
      </form>
      <LoadedView loaded={loaded}>
        {(page) =>
          page.entries.length === 0 ? (
            <p>{t('audit:empty')}</p>
          ) : (
            <>
              <div className="table-scroll">
                <table data-testid="audit-table">
                  <thead>
                    <tr>
                      {(['at', 'who', 'action', 'target', 'outcome', 'ip', 'detail'] as const).map((col) => (
                        <th key={col} scope="col">
                          {t(`audit:col.${col}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {page.entries.map((entry) => (
                      <tr key={entry.auditId} data-action={entry.action}>
                        <td>
                          <Time iso={entry.at} />
                        </td>
                        <td>{entry.username ?? t('audit:nobody')}</td>
                        <td>
                          <code>{entry.action}</code>
                        </td>
                        <td>{entry.target ?? '—'}</td>
                        <td>{t(`words:auditOutcome.${entry.outcome}`)}</td>
                        <td>{entry.ip}</td>
                        <td>{entry.detail ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {page.nextBefore !== null && (
                <button type="button" onClick={() => setQuery({ ...query, before: page.nextBefore ?? undefined })}>
                  {t('common:previousPage')}
                </button>
              )}
            </>
          )
        }
      </LoadedView>
    </>
  );
}

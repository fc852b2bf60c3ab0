import { useState, type FormEvent } from 'react';
import { ConsoleRole, type ConsoleScope, type ConsoleUser } from '../../../contract/console/users';
import { useAction, useLoad, useWords } from '../app/console-context';
import { LoadedView, Notice, Section, Time } from '../app/ui';
import type { Translate } from '../view/words';

function scopeWords(t: Translate, scope: ConsoleScope): string {
  switch (scope.kind) {
    case 'county':
      return t('users:scopeCounty');
    case 'township':
      return t('users:scopeTownship', { code: scope.townshipCode });
    case 'station':
      return t('users:scopeStation', { id: scope.stationId });
  }
}

/** The scope a role works in: a county role sees the county, a township admin a township, staff a station. */
function scopeFor(role: ConsoleRole, township: string, station: string): ConsoleScope {
  if (role === 'townshipAdmin') return { kind: 'township', townshipCode: township };
  if (role === 'stationStaff') return { kind: 'station', stationId: station };
  return { kind: 'county' };
}

export function UsersPage() {
  const { t } = useWords();
  const { loaded, reload } = useLoad('listUsers', {});
  return (
    <>
      <h1>{t('users:title')}</h1>
      <NewUser onCreated={reload} />
      <LoadedView loaded={loaded}>{(list) => <UserTable users={list.users} onChanged={reload} />}</LoadedView>
    </>
  );
}

function NewUser({ onCreated }: { onCreated: () => void }) {
  const { t } = useWords();
  const { run, busy, message } = useAction();
  const [form, setForm] = useState({
    username: '',
    displayName: '',
    role: 'technician' as ConsoleRole,
    township: '',
    station: '',
    password: '',
  });
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await run(
      'createUser',
      {
        body: {
          username: form.username.trim(),
          displayName: form.displayName.trim(),
          role: form.role,
          scope: scopeFor(form.role, form.township.trim(), form.station.trim()),
          password: form.password,
        },
      },
      t('users:created', { name: form.displayName.trim() }),
    );
    if (result.ok) {
      setForm({ ...form, username: '', displayName: '', password: '' });
      onCreated();
    }
  };
  return (
    <Section title={t('users:create')} id="user-create">
      <form className="grid-form" onSubmit={(event) => void submit(event)}>
        <label>
          {t('users:username')}
          <input name="username" required autoComplete="off" value={form.username} onChange={set('username')} />
        </label>
        <label>
          {t('users:displayName')}
          <input name="displayName" required value={form.displayName} onChange={set('displayName')} />
        </label>
        <label>
          {t('users:role')}
          <select name="role" value={form.role} onChange={set('role')}>
            {ConsoleRole.options.map((role) => (
              <option key={role} value={role}>
                {t(`words:role.${role}`)}
              </option>
            ))}
          </select>
        </label>
        {form.role === 'townshipAdmin' && (
          <label>
            {t('users:township')}
            <input
              name="township"
              required
              inputMode="numeric"
              pattern="[0-9]{9}"
              value={form.township}
              onChange={set('township')}
            />
          </label>
        )}
        {form.role === 'stationStaff' && (
          <label>
            {t('users:station')}
            <input name="station" required value={form.station} onChange={set('station')} />
          </label>
        )}
        <label>
          {t('users:password')}
          <input
            name="password"
            type="password"
            required
            minLength={10}
            autoComplete="new-password"
            value={form.password}
            onChange={set('password')}
          />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {t('users:submit')}
        </button>
      </form>
      <Notice message={message} />
    </Section>
  );
}

function UserTable({ users, onChanged }: { users: readonly ConsoleUser[]; onChanged: () => void }) {
  const { t } = useWords();
  const { run, busy, message } = useAction();
  const toggle = async (user: ConsoleUser) => {
    const result = await run('setUserDisabled', {
      pathParams: { userId: user.userId },
      body: { disabled: !user.disabled },
    });
    if (result.ok) onChanged();
  };
  return (
    <>
      <Notice message={message} />
      <table data-testid="user-table">
        <thead>
          <tr>
            {(['username', 'name', 'role', 'scope', 'state', 'lastLogin'] as const).map((col) => (
              <th key={col} scope="col">
                {t(`users:col.${col}`)}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">{t('users:disable')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.userId} data-testid={`user-row-${user.username}`}>
              <th scope="row">{user.username}</th>
              <td>{user.displayName}</td>
              <td>{t(`words:role.${user.role}`)}</td>
              <td>{scopeWords(t, user.scope)}</td>
              <td>{t(user.disabled ? 'users:disabled' : 'users:active')}</td>
              <td>
                <Time iso={user.lastLoginAt} />
              </td>
              <td>
                <button type="button" disabled={busy} onClick={() => void toggle(user)}>
                  {t(user.disabled ? 'users:enable' : 'users:disable')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

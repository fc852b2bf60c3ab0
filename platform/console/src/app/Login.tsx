import { useState, type FormEvent } from 'react';
import { useWords } from './console-context';
import type { ConsoleClient } from '../api/client';
import type { ConsoleSession } from '../../../contract/console/users';
import { errorWords } from '../view/errors';
import { LanguageSwitch } from './LanguageSwitch';

export function Login({
  client,
  onSignedIn,
}: {
  client: ConsoleClient;
  onSignedIn: (session: ConsoleSession) => void;
}) {
  const { t } = useWords();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await client.call('login', { body: { username: username.trim(), password } });
    setBusy(false);
    if (result.ok) {
      setPassword('');
      onSignedIn(result.value);
      return;
    }
    const failed = result.error.kind === 'problem' && (result.error.status === 401 || result.error.status === 403);
    setError(failed ? t('login:failed') : errorWords(t, result.error));
  };

  return (
    <main className="login" id="main">
      <form className="panel login-form" onSubmit={(event) => void submit(event)} aria-labelledby="login-title">
        <p className="app-name">{t('common:appName')}</p>
        <h1 id="login-title">{t('login:title')}</h1>
        <p className="muted">{t('login:intro')}</p>
        <label>
          {t('login:username')}
          <input
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            autoFocus
          />
        </label>
        <label>
          {t('login:password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {error && (
          <p className="notice notice-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('login:submitting') : t('login:submit')}
        </button>
        <LanguageSwitch />
      </form>
    </main>
  );
}

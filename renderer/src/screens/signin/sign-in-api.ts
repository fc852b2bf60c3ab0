import type { Client } from '../../../../core/api/client';
import type { KioskContract } from '../../../../core/api/contract';
import type { SignInApi, SignInOutcome } from './sign-in-machine';

type Answer = Awaited<ReturnType<Client<KioskContract>['call']>>;

function outcome(answer: Answer): SignInOutcome {
  if (!answer.ok) return { kind: 'error', code: answer.error.code };
  return { kind: 'ok', state: answer.value as Extract<SignInOutcome, { kind: 'ok' }>['state'] };
}

/** The sign-in machine's calls over the kiosk API; every failure becomes an outcome, never a throw. */
export function signInApi(client: Client<KioskContract>): SignInApi {
  return {
    sessionState: async () => {
      const answer = await client.call('session.state', {});
      return answer.ok ? answer.value : null;
    },
    signInWithCard: async (input) => outcome(await client.call('session.signInWithCard', input)),
    signInWithIdNumber: async (input) => outcome(await client.call('session.signInWithIdNumber', input)),
    signOut: async () => {
      await client.call('session.signOut', {});
    },
  };
}

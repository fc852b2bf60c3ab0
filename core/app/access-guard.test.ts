import { describe, expect, it } from 'vitest';
import { idCardFixtures } from '../../drivers/idcard';
import type { SignedIn } from '../session/resident-session-types';
import { createVendorMode } from '../technician/vendor-mode';
import { createAccessGuard } from './access-guard';

const card = idCardFixtures.elderlyResident;
const person = { name: card.name, idType: 'residentIdCard' as const, idNumber: card.idNumber };

function setup(applicant: SignedIn | null, devMode = false) {
  let now = new Date('2026-12-06T02:00:00Z');
  const mode = createVendorMode({ idleMs: 15 * 60_000, maxMs: 4 * 60 * 60_000 });
  const guard = createAccessGuard({
    session: { applicant: () => applicant },
    technician: mode,
    devMode,
    now: () => now,
  });
  return { guard, mode, advance: (ms: number) => (now = new Date(now.getTime() + ms)), now: () => now };
}

const call = (input: unknown = {}) => ({ method: 'm', input });

describe('the kiosk’s access guard', () => {
  it('lets public methods through whoever is (or is not) signed in', () => {
    expect(setup(null).guard('public', call())).toBeNull();
  });

  it('opens a person’s records only to a card sign-in', () => {
    expect(setup(null).guard('person', call())).toMatchObject({ code: 'notSignedIn' });
    expect(setup({ person, proof: { kind: 'typed' } }).guard('person', call())).toMatchObject({ code: 'cardRequired' });
    expect(setup({ person, proof: { kind: 'card', card } }).guard('person', call())).toBeNull();
  });

  it('needs the live technician token, read defensively from the raw input', () => {
    const { guard, mode, now, advance } = setup(null);
    for (const input of [{}, null, 42, 'token', { token: 7 }, { token: 'not-the-token' }]) {
      expect(guard('technician', call(input))).toMatchObject({ code: 'notAuthorised' });
    }
    const { token } = mode.enter(now(), () => undefined);
    expect(guard('technician', call({ token }))).toBeNull();
    advance(16 * 60_000);
    expect(guard('technician', call({ token }))).toMatchObject({ code: 'notAuthorised' });
  });

  it('runs development methods in a development build only', () => {
    expect(setup(null, false).guard('development', call())).toMatchObject({ code: 'notAvailable' });
    expect(setup(null, true).guard('development', call())).toBeNull();
  });
});

import type { Person } from '../../platform/contract/common';
import type { CompletedService, ServiceKindRated } from '../api/resident';
import type { ResidentSession, SignedIn } from '../session/resident-session-types';

/** A resident signed in by typing their number; the GB 11643 sample number, not a real person's. */
export const RESIDENT: Person = { name: '张三', idType: 'residentIdCard', idNumber: '11010519491231002X' };

export interface FakeSession extends ResidentSession {
  /** Signs `person` (RESIDENT unless given) in, as if they typed their number. */
  signIn(person?: Person): void;
  /** True: an agent (红管家) acts for the resident, so ratings are the agent's. */
  agentActs: boolean;
}

/**
 * The resident session as journeys see it, in memory, with who signed in set by the test. For
 * tests of sign-in itself (card events, another person's card) the real session runs over
 * fake-devices.ts instead: testServiceDeps({ session: 'real' }).
 */
export function fakeSession(): FakeSession {
  let applicant: SignedIn | null = null;
  let completed: CompletedService[] = [];
  const endListeners = new Set<() => void>();
  const session: FakeSession = {
    agentActs: false,
    signIn(person: Person = RESIDENT) {
      applicant = { person, proof: { kind: 'typed' } };
    },
    state: () => ({ applicant: null, agent: null }),
    applicant: () => applicant,
    agent: () => null,
    evaluator: () => (session.agentActs ? 'agent' : 'applicant'),
    recordCompleted(service) {
      completed.push({ ...service, completedAt: new Date().toISOString(), rated: false });
    },
    completed: () => completed.map((service) => ({ ...service })),
    findCompleted: (kind: ServiceKindRated, ref: string) =>
      completed.find((service) => service.kind === kind && service.ref === ref),
    // These fakes sign people in typed: they never hold a consent to reuse history.
    consentToHistory: () => false,
    historyConsented: () => false,
    markRated(kind, ref) {
      completed = completed.map((service) =>
        service.kind === kind && service.ref === ref ? { ...service, rated: true } : service,
      );
    },
    onEnd(listener) {
      endListeners.add(listener);
      return () => endListeners.delete(listener);
    },
    end() {
      applicant = null;
      completed = [];
      for (const listener of [...endListeners]) listener();
    },
  };
  return session;
}

import type { CompletedService, ResidentSessionState, SignedInPerson, SignInRole } from '../api/resident';
import type { DeviceManager } from '../devices/types';
import type { Logger } from '../logging/logger';
import type { Agent } from '../../platform/contract/common';
import type { IdCard } from '../../drivers/idcard/card';
import { maskIdNumber } from '../../drivers/idcard/mask';
import { cardOf, isVerified, type ResidentSession, type SignedIn } from './resident-session-types';

/**
 * What the sign-in handlers need beyond the ResidentSession interface the journeys read: signing
 * people in and out, and the card the reader read in this session.
 */
export interface ResidentSessionControl extends ResidentSession {
  signIn(signedIn: SignedIn, role: 'applicant'): void;
  signIn(signedIn: SignedIn, role: 'agent', relation: Agent['relation']): void;
  signOut(): void;
  /**
   * The card read since the last sign-in or sign-out, or the next one read within `timeoutMs`;
   * null when none came (or the session ended while waiting). The card is used up: the next
   * sign-in needs a new read.
   */
  takeCard(timeoutMs: number): Promise<IdCard | null>;
  /**
   * A card of someone else was read while a resident is signed in and no sign-in waits for a card:
   * the next person is at the kiosk. Listeners end the visit (everything the kiosk holds of the
   * previous resident); the card then starts the new visit.
   */
  onAnotherPersonsCard(listener: () => void): () => void;
}

type AgentSignedIn = SignedIn & { relation: Agent['relation'] };

/**
 * The resident session in core: who signed in (in full, memory only), the last card the reader
 * read, and the services completed (一次一评). `end()` drops every reference so nothing of this
 * resident reaches the next one (docs/domain.md §3: the next resident must never see the previous one).
 */
export function createResidentSession(deps: {
  devices: DeviceManager;
  now: () => Date;
  logger: Logger;
}): ResidentSessionControl {
  const log = deps.logger.child({ component: 'resident-session' });
  let applicant: SignedIn | null = null;
  let agent: AgentSignedIn | null = null;
  let unusedCard: IdCard | null = null;
  let completed: CompletedService[] = [];
  /** Whose consent to reuse history stands: the applicant object signed in when they tapped yes. */
  let consentOf: SignedIn | null = null;
  const cardWaiters = new Set<(card: IdCard | null) => void>();
  const endListeners = new Set<() => void>();
  const anotherPersonListeners = new Set<() => void>();

  /** The applicant is in and this card is neither theirs nor their 经办人's. */
  const belongsToSomeoneElse = (card: IdCard) =>
    applicant !== null && card.idNumber !== applicant.person.idNumber && card.idNumber !== agent?.person.idNumber;

  deps.devices.onIdCard((event, card) => {
    if (event.type !== 'read' || card === null) return;
    const waiter = cardWaiters.values().next();
    if (!waiter.done) {
      cardWaiters.delete(waiter.value);
      waiter.value(card);
      return;
    }
    if (belongsToSomeoneElse(card)) {
      // The previous resident walked away signed in and the next one placed their card: nothing of
      // the previous visit may reach them (no name on the sign-in screen, no services to rate).
      log.info('a card of another person was read: the previous visit ends');
      for (const listener of [...anotherPersonListeners]) {
        try {
          listener();
        } catch (error) {
          log.error({ err: error }, 'a new-visit listener failed');
        }
      }
      if (applicant !== null) session.end();
    }
    unusedCard = card;
  });

  const masked = (signedIn: SignedIn, role: SignInRole): SignedInPerson => ({
    role,
    source: signedIn.proof.kind,
    verified: isVerified(signedIn),
    idType: signedIn.person.idType,
    name: signedIn.person.name,
    idNumberMasked: maskIdNumber(signedIn.person.idNumber),
    cardType: cardOf(signedIn)?.cardType ?? null,
  });

  const session: ResidentSessionControl = {
    state(): ResidentSessionState {
      return {
        applicant: applicant ? masked(applicant, 'applicant') : null,
        agent: agent ? { ...masked(agent, 'agent'), relation: agent.relation } : null,
      };
    },
    applicant: () => applicant,
    agent: () => agent,
    evaluator: () => (agent ? 'agent' : 'applicant'),
    signIn(signedIn: SignedIn, role: SignInRole, relation?: Agent['relation']) {
      if (role === 'agent') {
        if (!relation) throw new Error('an agent signs in with a relation');
        agent = { ...signedIn, relation };
      } else {
        applicant = signedIn;
      }
      unusedCard = null;
      consentOf = null;
      log.info({ role, source: signedIn.proof.kind }, 'signed in');
    },
    signOut() {
      applicant = null;
      agent = null;
      unusedCard = null;
      consentOf = null;
      log.info('signed out');
    },
    takeCard(timeoutMs) {
      if (unusedCard) {
        const card = unusedCard;
        unusedCard = null;
        return Promise.resolve(card);
      }
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          cardWaiters.delete(settle);
          resolve(null);
        }, timeoutMs);
        timer.unref?.();
        const settle = (card: IdCard | null) => {
          clearTimeout(timer);
          resolve(card);
        };
        cardWaiters.add(settle);
      });
    },
    recordCompleted(service) {
      if (completed.some((c) => c.kind === service.kind && c.ref === service.ref)) return;
      completed.push({ ...service, completedAt: deps.now().toISOString(), rated: false });
    },
    completed: () => completed.map((c) => ({ ...c })),
    findCompleted: (kind, ref) => {
      const found = completed.find((c) => c.kind === kind && c.ref === ref);
      return found ? { ...found } : undefined;
    },
    markRated(kind, ref) {
      completed = completed.map((c) => (c.kind === kind && c.ref === ref ? { ...c, rated: true } : c));
    },
    onEnd(listener) {
      endListeners.add(listener);
      return () => endListeners.delete(listener);
    },
    consentToHistory() {
      if (applicant === null || !isVerified(applicant)) return false;
      consentOf = applicant;
      log.info({ role: 'applicant' }, 'consent to reuse earlier values given on screen');
      return true;
    },
    historyConsented: () => applicant !== null && consentOf === applicant,
    onAnotherPersonsCard(listener) {
      anotherPersonListeners.add(listener);
      return () => anotherPersonListeners.delete(listener);
    },
    end() {
      applicant = null;
      agent = null;
      unusedCard = null;
      consentOf = null;
      completed = [];
      // A sign-in still waiting for a card gives up: the card would belong to the next resident.
      for (const waiter of [...cardWaiters]) waiter(null);
      cardWaiters.clear();
      for (const listener of [...endListeners]) {
        try {
          listener();
        } catch (error) {
          log.error({ err: error }, 'a session-end listener failed');
        }
      }
    },
  };
  return session;
}

/** The control surface behind a ResidentSession made by createResidentSession; a bug otherwise. */
export function sessionControl(session: ResidentSession): ResidentSessionControl {
  const candidate = session as Partial<ResidentSessionControl>;
  if (typeof candidate.signIn !== 'function' || typeof candidate.takeCard !== 'function') {
    throw new Error('the resident session was not made by createResidentSession');
  }
  return session as ResidentSessionControl;
}

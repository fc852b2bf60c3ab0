import type { KioskContract } from '../api/contract';
import type { AgentRelation, SignInRole } from '../api/resident';
import { err, ok, type Result } from '../pure/result';
import type { Handlers } from '../api/types';
import type { ServiceDeps } from '../app/service-deps';
import { cardName, type IdCard } from '../../drivers/idcard/card';
import type { IdType, Person } from '../../platform/contract/common';
import { chinaDay } from '../time/china-time';
import { checkTypedIdNumber } from './id-number';
import { sessionControl, type ResidentSessionControl } from './resident-session';
import type { SignedIn } from './resident-session-types';

type SessionMethods =
  | 'session.state'
  | 'session.signInWithCard'
  | 'session.signInWithIdNumber'
  | 'session.signOut'
  | 'session.completedServices';

type SignInError = { code: 'samePerson' | 'relationRequired'; message: string };

/** How long sign-in waits for a card to be placed when none was read yet in this session. */
export const CARD_WAIT_MS = 8_000;

/** Sign-in with the ID card (or the typed number when the card cannot be read), and sign-out. */
export function buildSessionHandlers(
  deps: ServiceDeps,
  options: { cardWaitMs?: number } = {},
): Pick<Handlers<KioskContract>, SessionMethods> {
  const session = sessionControl(deps.session);
  const log = deps.logger.child({ component: 'session' });
  const cardWaitMs = options.cardWaitMs ?? CARD_WAIT_MS;

  return {
    'session.state': () => ok(session.state()),
    'session.signInWithCard': async ({ role, relation }) => {
      if (role === 'agent' && !relation) return err(relationMissing());
      if (!deps.devices.snapshot().journeys.idCardSignIn) {
        return err({ code: 'readerUnavailable', message: 'the ID card reader cannot read now; type the number' });
      }
      const card = await session.takeCard(cardWaitMs);
      if (!card) return err({ code: 'noCard', message: `no card was read within ${cardWaitMs} ms` });
      if (isExpired(card, chinaDay(deps.now()))) {
        log.info({ role, cardType: card.cardType }, 'sign-in refused: the card has expired');
        return err({ code: 'cardExpired', message: 'the card’s validity ended before today' });
      }
      const signedIn = signIn(session, { person: personOfCard(card), proof: { kind: 'card', card } }, role, relation);
      return signedIn.ok ? ok(session.state()) : err(signedIn.error);
    },
    'session.signInWithIdNumber': ({ role, idNumber, name, relation }) => {
      if (role === 'agent' && !relation) return err(relationMissing());
      const checked = checkTypedIdNumber(idNumber, chinaDay(deps.now()));
      if (!checked.ok) {
        return err({ code: 'invalidIdNumber', message: `the typed number fails its ${checked.error} check` });
      }
      const person: Person = { name: name.trim(), idType: checked.value.idType, idNumber: checked.value.idNumber };
      const signedIn = signIn(session, { person, proof: { kind: 'typed' } }, role, relation);
      return signedIn.ok ? ok(session.state()) : err(signedIn.error);
    },
    'session.signOut': () => {
      session.signOut();
      return ok(session.state());
    },
    'session.completedServices': () => ok(session.completed()),
  };
}

function relationMissing(): SignInError {
  return { code: 'relationRequired', message: 'an agent says how they act for the applicant' };
}

function signIn(
  session: ResidentSessionControl,
  signedIn: SignedIn,
  role: SignInRole,
  relation: AgentRelation | undefined,
): Result<void, SignInError> {
  // The 经办人 and the 申请人 are two people: one person cannot act for themself.
  const other = role === 'agent' ? session.applicant() : session.agent();
  if (other && samePerson(other.person, signedIn.person)) {
    return err({ code: 'samePerson', message: 'the agent and the applicant are the same person' });
  }
  if (role === 'agent') {
    if (!relation) return err(relationMissing());
    session.signIn(signedIn, 'agent', relation);
  } else {
    session.signIn(signedIn, 'applicant');
  }
  return ok(undefined);
}

const samePerson = (a: Person, b: Person) => a.idNumber === b.idNumber;

/** 长期 cards never expire; a dated card is valid through its last day. */
export function isExpired(card: IdCard, today: string): boolean {
  return card.validTo !== 'long-term' && card.validTo < today;
}

export function personOfCard(card: IdCard): Person {
  return { name: cardName(card), idType: idTypeOfCard(card), idNumber: card.idNumber };
}

export function idTypeOfCard(card: IdCard): IdType {
  switch (card.cardType) {
    case 'resident':
      return 'residentIdCard';
    case 'hkMacaoTaiwan':
      return 'hkMacaoTaiwanResidencePermit';
    case 'foreignPermanent2017':
    case 'foreignPermanent2023':
      return 'foreignPermanentResidentIdCard';
  }
}

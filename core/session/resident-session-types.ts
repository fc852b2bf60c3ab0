import type { Agent, Person } from '../../platform/contract/common';
import type { CompletedService, ResidentSessionState, ServiceKindRated } from '../api/resident';
import type { IdCard } from '../../drivers/idcard/card';

/**
 * The resident session in core: who signed in, in full (core needs the whole ID number to submit),
 * and the services completed in this session (each may be rated once). Everything here is memory
 * only and forgotten at `end()`; what must outlive the session is written by the feature that
 * owns it (an application, a rating) inside its own transaction.
 */
export interface SignedIn {
  readonly person: Person;
  /** The card, when signed in with one: the form pre-fills from it. Null when typed. */
  readonly card: IdCard | null;
}

export interface ResidentSession {
  /** Masked, for the renderer. */
  state(): ResidentSessionState;
  applicant(): SignedIn | null;
  /** The 经办人 acting for the applicant, as the platform contract records it; null in person. */
  agent(): (SignedIn & { relation: Agent['relation'] }) | null;
  /** Who rates: the agent when one acts for the applicant. */
  evaluator(): 'applicant' | 'agent';
  recordCompleted(service: { kind: ServiceKindRated; ref: string; title: string; matterCode: string | null }): void;
  completed(): CompletedService[];
  findCompleted(kind: ServiceKindRated, ref: string): CompletedService | undefined;
  markRated(kind: ServiceKindRated, ref: string): void;
  /** Runs at session end, after the session forgot everything. */
  onEnd(listener: () => void): () => void;
  end(): void;
}

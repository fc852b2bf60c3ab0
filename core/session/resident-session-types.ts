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
  readonly proof: IdentityProof;
}

/**
 * How the kiosk knows who signed in (identity assurance, docs/privacy.md). Only a verified proof
 * opens what is stored about the person. Later kinds (a face check against the chip's photo, a
 * member of staff vouching at the counter) join this union and say in `VERIFIED_PROOFS` whether
 * they verify.
 */
export type IdentityProof =
  /** Read from the chip by the reader (GA/T 467 SAM): the card is genuine and was on the reader. */
  | { readonly kind: 'card'; readonly card: IdCard }
  /** Number and name typed on the keypad: unverified; in a village an ID number is not a secret. */
  | { readonly kind: 'typed' };
export type ProofKind = IdentityProof['kind'];

export const VERIFIED_PROOFS: Readonly<Record<ProofKind, boolean>> = { card: true, typed: false };

export const isVerified = (signedIn: SignedIn): boolean => VERIFIED_PROOFS[signedIn.proof.kind];

/** The card the person signed in with; null when they typed. The form pre-fills from it. */
export const cardOf = (signedIn: SignedIn): IdCard | null =>
  signedIn.proof.kind === 'card' ? signedIn.proof.card : null;

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
  /**
   * The applicant, verified, tapped 「使用上次填写的信息」 on the kiosk's own screen: their earlier
   * values may be read back until they sign out or the visit ends. A typed sign-in cannot consent.
   */
  consentToHistory(): boolean;
  /** True while the signed-in applicant's consent stands. */
  historyConsented(): boolean;
}

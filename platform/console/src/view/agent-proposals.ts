import type { Proposal, ProposalAction } from '../../../contract/video-help';

/**
 * The agent's proposals in one call and what the resident answered (`proposalAnswer`). Nothing
 * changes on the kiosk without the resident's 同意, so the list is the agent's only view of what
 * happened to each proposal.
 */

export type ProposalOutcome = 'pending' | 'accepted' | 'declined';

export interface ProposalEntry {
  readonly proposal: Proposal;
  readonly outcome: ProposalOutcome;
  readonly sentAt: string;
}

export function addProposal(list: readonly ProposalEntry[], proposal: Proposal, now: Date): ProposalEntry[] {
  if (list.some((entry) => entry.proposal.proposalId === proposal.proposalId)) return [...list];
  return [...list, { proposal, outcome: 'pending', sentAt: now.toISOString() }];
}

/**
 * Records the resident's answer. An answer for a proposal this page never sent, or a second
 * answer for one already answered, changes nothing (the first tap is what counted).
 */
export function answerProposal(list: readonly ProposalEntry[], proposalId: string, accepted: boolean): ProposalEntry[] {
  return list.map((entry) =>
    entry.proposal.proposalId === proposalId && entry.outcome === 'pending'
      ? { ...entry, outcome: accepted ? 'accepted' : 'declined' }
      : entry,
  );
}

export function pendingCount(list: readonly ProposalEntry[]): number {
  return list.filter((entry) => entry.outcome === 'pending').length;
}

/**
 * Whether the agent may send another proposal now. In 长辈版 one at a time: an elderly resident
 * answers one question before the next appears (CoBrowseState.elderMode).
 */
export function mayPropose(list: readonly ProposalEntry[], elderMode: boolean): boolean {
  return !elderMode || pendingCount(list) === 0;
}

/** The proposal's subject for the list: the matter, the field's label or the step's label. */
export function proposalSubject(action: ProposalAction): string {
  switch (action.kind) {
    case 'openMatter':
      return action.matterName;
    case 'fillField':
      return action.label;
    case 'goToStep':
      return action.label;
  }
}

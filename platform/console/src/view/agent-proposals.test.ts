import { describe, expect, it } from 'vitest';
import type { Proposal } from '../../../contract/video-help';
import { addProposal, answerProposal, mayPropose, pendingCount, proposalSubject } from './agent-proposals';

const ID_A = '0b6f8f3e-3b7a-4c1e-9f4e-0d3c2b1a0001';
const ID_B = '0b6f8f3e-3b7a-4c1e-9f4e-0d3c2b1a0002';
const matter: Proposal = {
  proposalId: ID_A,
  action: { kind: 'openMatter', matterCode: '370784-SB-001', matterName: '城乡居民养老保险参保登记' },
};
const field: Proposal = {
  proposalId: ID_B,
  action: { kind: 'fillField', fieldId: 'bankName', label: '开户银行', value: '农商银行' },
};
const now = new Date('2026-03-01T02:00:00.000Z');

describe('proposal bookkeeping', () => {
  it('lists each proposal once, pending until the resident answers', () => {
    let list = addProposal([], matter, now);
    list = addProposal(list, field, now);
    list = addProposal(list, matter, now);
    expect(list.map((entry) => [entry.proposal.proposalId, entry.outcome])).toEqual([
      [ID_A, 'pending'],
      [ID_B, 'pending'],
    ]);
    expect(pendingCount(list)).toBe(2);
  });

  it('records 同意 and 不同意 against the right proposal', () => {
    let list = addProposal(addProposal([], matter, now), field, now);
    list = answerProposal(list, ID_B, false);
    expect(list.map((entry) => entry.outcome)).toEqual(['pending', 'declined']);
    list = answerProposal(list, ID_A, true);
    expect(list.map((entry) => entry.outcome)).toEqual(['accepted', 'declined']);
  });

  it('keeps the first answer and ignores answers to proposals it never sent', () => {
    let list = answerProposal(addProposal([], matter, now), ID_A, true);
    list = answerProposal(list, ID_A, false);
    list = answerProposal(list, '0b6f8f3e-3b7a-4c1e-9f4e-0d3c2b1a0099', false);
    expect(list.map((entry) => entry.outcome)).toEqual(['accepted']);
  });

  it('allows one pending proposal at a time in 长辈版 only', () => {
    const one = addProposal([], matter, now);
    expect(mayPropose(one, false)).toBe(true);
    expect(mayPropose(one, true)).toBe(false);
    expect(mayPropose(answerProposal(one, ID_A, false), true)).toBe(true);
  });

  it('names what each proposal is about', () => {
    expect(proposalSubject(matter.action)).toBe('城乡居民养老保险参保登记');
    expect(proposalSubject(field.action)).toBe('开户银行');
    expect(proposalSubject({ kind: 'goToStep', stepId: 'materials', label: '上传材料' })).toBe('上传材料');
  });
});

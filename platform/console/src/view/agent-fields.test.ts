import { describe, expect, it } from 'vitest';
import type { CoBrowseField, CoBrowseState } from '../../../contract/video-help';
import { fieldView, proposableFields } from './agent-fields';

const field = (over: Partial<CoBrowseField>): CoBrowseField => ({
  id: 'name',
  label: '姓名',
  value: null,
  personal: true,
  proposable: false,
  ...over,
});
const masked = { personalValues: false };
const allowed = { personalValues: true };

describe('masked field rendering', () => {
  it('shows a masked personal value as masked, with or without consent', () => {
    expect(fieldView(field({ value: null }), masked)).toEqual({ kind: 'masked' });
    expect(fieldView(field({ value: null }), allowed)).toEqual({ kind: 'masked' });
  });

  it('never shows a personal value the resident did not allow, even if one arrived', () => {
    expect(fieldView(field({ value: '张三' }), masked)).toEqual({ kind: 'masked' });
  });

  it('shows a personal value the resident allowed', () => {
    expect(fieldView(field({ value: '张三' }), allowed)).toEqual({ kind: 'value', text: '张三' });
  });

  it('shows non-personal values, and says when one is not filled', () => {
    expect(fieldView(field({ personal: false, value: '农商银行' }), masked)).toEqual({
      kind: 'value',
      text: '农商银行',
    });
    expect(fieldView(field({ personal: false, value: null }), masked)).toEqual({ kind: 'empty' });
    expect(fieldView(field({ personal: false, value: '  ' }), masked)).toEqual({ kind: 'empty' });
  });

  it('offers only proposable fields for 填写表单项', () => {
    const state: CoBrowseState = {
      screen: 'apply',
      title: '填写申请表',
      step: { id: 'form', label: '填写表单' },
      steps: [],
      matter: null,
      fields: [field({ id: 'idNumber', proposable: false }), field({ id: 'bank', personal: false, proposable: true })],
      elderMode: false,
      at: '2026-03-01T02:00:00.000Z',
    };
    expect(proposableFields(state).map((f) => f.id)).toEqual(['bank']);
    expect(proposableFields(null)).toEqual([]);
  });
});

import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ApplicationDraft } from '../../../../core/api/applications';
import type { ResidentSessionState } from '../../../../core/api/resident';
import { ok } from '../../../../core/pure/result';
import { ELDER_MAX_CHOICES } from '../../styles/sizes';
import { ApplyJourney } from './ApplyJourney';
import { renderJourney } from './testing/render-journey';
import { choicesIn, ElderProfile } from '../../test/elder-checks';

const CODE = '370784-CJ-020';
const signedIn: ResidentSessionState = {
  applicant: {
    role: 'applicant',
    source: 'card',
    verified: true,
    idType: 'residentIdCard',
    name: '张三',
    idNumberMasked: '3701********9973',
    cardType: 'resident',
  },
  agent: null,
};
const LEVELS = ['100元/年', '300元/年', '500元/年', '1000元/年', '2000元/年', '3000元/年', '4000元/年', '5000元/年'];

const draft: ApplicationDraft = {
  matters: [{ matterCode: CODE, matterVersion: 2, matterName: '城乡居民养老保险参保登记', promisedWorkingDays: 5 }],
  lifeEventId: null,
  catalogVersion: '2026.11.20-1',
  fields: [
    {
      name: 'applicantName',
      label: '申请人姓名',
      kind: 'text',
      required: true,
      maxLength: 64,
      prefillFrom: 'applicantName',
      rememberable: false,
      value: '张三',
      filledFrom: 'card',
    },
    {
      name: 'contributionLevel',
      label: '参保档次',
      kind: 'select',
      required: true,
      options: LEVELS.map((label) => ({ value: label, label })),
      prefillFrom: null,
      rememberable: false,
      value: '',
      filledFrom: 'none',
    },
  ],
  materials: [{ name: '户口簿', required: true, note: null, matterCodes: [CODE] }],
  delivery: {
    pickUp: { servicePointId: 'sp-dongcun', name: '东村便民服务站', address: '东村村委会一楼' },
    mail: false,
    mailDefaults: { regionCode: '370784', province: '山东省', city: '潍坊市', county: '安丘市' },
    cardAddress: '山东省安丘市景芝镇东埠村123号',
  },
  history: null,
};

describe('ApplyJourney in 长辈版: the form one question per step', () => {
  it('asks one question at a time, pages a long select to six choices, checks each question, then goes on', async () => {
    const { user } = renderJourney(
      <>
        <ElderProfile />
        <ApplyJourney matterCodes={[CODE]} lifeEventId={null} onExit={vi.fn()} />
      </>,
      {
        handlers: {
          'session.state': () => ok(signedIn),
          'application.start': () => ok(draft),
          'capture.discard': () => ok({}),
        },
      },
    );
    await user.click(await screen.findByTestId('sign-in-continue'));

    const first = await screen.findByTestId('apply-form');
    expect(first.getAttribute('data-question')).toBe('applicantName');
    expect(screen.getByTestId('apply-question-counter').textContent).toBe('第 1 项，共 2 项');
    expect(first.querySelector('[data-speech="title"]')?.textContent).toBe('申请人姓名（必填）');
    expect(first.querySelector('[data-speech="hint"]')?.textContent).toContain('输入框');
    expect(screen.queryByText('参保档次（必填）')).toBeNull();
    await user.click(screen.getByTestId('apply-next'));

    const second = screen.getByTestId('apply-form');
    expect(second.getAttribute('data-question')).toBe('contributionLevel');
    expect(choicesIn(second)).toBeLessThanOrEqual(ELDER_MAX_CHOICES);
    expect(screen.getByText('第 1 页，共 4 页')).toBeTruthy();
    // 下一步 (the last question) with nothing chosen: it says what is missing, and stays.
    await user.click(screen.getByTestId('apply-next'));
    expect(within(second).getByRole('alert').textContent).toBe('请填写这一项');
    expect(screen.queryByTestId('apply-material')).toBeNull();
    await user.click(screen.getByTestId('choice-pages-next'));
    await user.click(screen.getByRole('button', { name: '500元/年' }));
    expect(screen.getByRole('button', { name: '500元/年' }).getAttribute('aria-pressed')).toBe('true');

    // Back to the first question and forward again: the answer is kept.
    await user.click(screen.getByTestId('apply-previous-question'));
    expect(screen.getByTestId('apply-form').getAttribute('data-question')).toBe('applicantName');
    await user.click(screen.getByTestId('apply-next'));
    await user.click(screen.getByTestId('apply-next'));
    expect((await screen.findByTestId('apply-material')).getAttribute('data-material')).toBe('户口簿');
  });

  it('does not move on from an empty required question', async () => {
    const { user } = renderJourney(
      <>
        <ElderProfile />
        <ApplyJourney matterCodes={[CODE]} lifeEventId={null} onExit={vi.fn()} />
      </>,
      {
        handlers: {
          'session.state': () => ok(signedIn),
          'application.start': () =>
            ok({
              ...draft,
              fields: draft.fields.map((field) => ({ ...field, value: '', filledFrom: 'none' as const })),
            }),
        },
      },
    );
    await user.click(await screen.findByTestId('sign-in-continue'));
    await screen.findByTestId('apply-form');
    await user.click(screen.getByTestId('apply-next'));
    expect(screen.getByTestId('apply-form').getAttribute('data-question')).toBe('applicantName');
    expect(screen.getByText('请填写这一项')).toBeTruthy();
  });
});

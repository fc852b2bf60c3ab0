import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CaseLookup, MyCases } from '../../../../core/api/care';
import { err, ok } from '../../../../core/pure/result';
import { renderJourney, shownJourney } from '../../journey/testing/render-journey';
import { LOOKUP_SLOW_MS } from './progress-machine';
import { parseReference } from './reference';

vi.mock('../signin/SignIn', () => ({
  SignIn: (props: { purpose: string; onSignedIn: (state: unknown) => void; onCancel: () => void }) => (
    <div data-testid="fake-signin" data-purpose={props.purpose}>
      <button type="button" onClick={() => props.onSignedIn({ applicant: null, agent: null })}>
        fake-sign-in
      </button>
    </div>
  ),
}));

const matter = { matterCode: '370784-CJ-020', matterVersion: 1, matterName: '临时救助' };

const found: CaseLookup = {
  found: 'platform',
  progress: {
    caseNo: 'AQ-2025-000123',
    matter,
    state: 'readyForPickup',
    stateName: '待领取',
    submittedAt: '2025-03-01T01:00:00.000Z',
    updatedAt: '2025-03-10T01:00:00.000Z',
    promisedBy: '2025-03-20',
    steps: [
      { name: '村级受理', state: 'done', at: '2025-03-01T01:00:00.000Z' },
      { name: '镇级审核', state: 'done', at: '2025-03-05T01:00:00.000Z' },
      { name: '领取结果', state: 'current', at: null },
      { name: '办结', state: 'pending', at: null },
    ],
    delivery: { method: 'pickUp', servicePointId: 'aq-jingzhi-dongjingzhi' },
    nextStep: '请带身份证到服务站领取',
  },
};

const serviceMap = {
  version: '2025.1',
  publishedAt: '2025-01-01T00:00:00.000Z',
  regionCode: '370784',
  isSample: true,
  servicePoints: [],
  source: 'cache' as const,
  herePointId: null,
};

const mine: MyCases = {
  platform: 'unreachable',
  cases: [
    {
      caseNo: 'AQ-2025-000123',
      matter,
      state: 'readyForPickup',
      stateName: '待领取',
      submittedAt: '2025-03-01T01:00:00.000Z',
      promisedBy: '2025-03-20',
    },
  ],
  pendingHere: [
    {
      localRef: '5f0c2b1e-8d3a-4c55-9a77-0e2f3b4c5d6e',
      matterName: '最低生活保障',
      submittedAt: '2025-03-14T01:00:00.000Z',
    },
  ],
};

describe('progress journey', () => {
  it('by number: typed with the big keys, the case with its steps, then 评价本次服务', async () => {
    const { user, fake, shell } = renderJourney(
      { kind: 'progress' },
      {
        handlers: {
          'progress.lookup': () => ok(found),
          'serviceMap.points': () => ok(serviceMap),
        },
      },
    );
    await user.click(await screen.findByText('输入办件编号'));
    const entry = await screen.findByTestId('progress-entry');
    const field = screen.getByTestId<HTMLInputElement>('progress-reference');
    // The county's region is fixed (the catalog's 370784): shown before typing, put in with the first digit.
    await vi.waitFor(() => expect(field.placeholder).toBe('370784-________-______'));
    const pad = within(entry).getByTestId('progress-pad');
    // The kiosk's one number pad: 3 × 4 with 删除 and 清空 beside 0, no letters.
    expect(within(pad).queryByRole('button', { name: 'A' })).toBeNull();
    for (const digit of '20261206000123') await user.click(within(pad).getByRole('button', { name: `数字 ${digit}` }));
    expect(field.value).toBe('370784-20261206-000123');
    await user.click(screen.getByTestId('progress-lookup'));

    const detail = await screen.findByTestId('progress-detail');
    expect(fake.callsTo('progress.lookup')).toEqual([{ reference: '370784-20261206-000123' }]);
    // A pick-up place the map does not list is said in words, never as its id.
    expect(detail.textContent).toContain('办好后到 原受理服务站 领取');
    expect(detail.textContent).not.toContain('aq-jingzhi');
    expect(screen.getByTestId('progress-state').textContent).toBe('待领取');
    expect(screen.getByTestId('progress-ready').textContent).toBe('已经办好，可以领取');
    expect(detail.textContent).toContain('请带身份证到服务站领取');
    expect(detail.textContent).toContain('3月20日');
    const steps = [...screen.getByTestId('progress-steps').querySelectorAll('li')].map((li) => li.dataset['state']);
    expect(steps).toEqual(['done', 'done', 'current', 'pending']);
    await user.click(screen.getByText('评价本次服务'));
    expect(shownJourney(shell)).toBe('rating');
  });

  it('by scanner: the QR content and Enter typed into the field look up the reference', async () => {
    const { user, fake } = renderJourney(
      { kind: 'progress' },
      {
        handlers: {
          'progress.lookup': () => ok(found),
          'serviceMap.points': () => ok(serviceMap),
        },
      },
    );
    await user.click(await screen.findByText('输入办件编号'));
    const field = await screen.findByTestId('progress-reference');
    expect(document.activeElement).toBe(field);
    await user.keyboard('bmkiosk:progress:AQ-2025-000123{Enter}');
    await screen.findByTestId('progress-detail');
    expect(fake.callsTo('progress.lookup')).toEqual([{ reference: 'AQ-2025-000123' }]);
  });

  it('caseNotFound and platformUnavailable are said plainly', async () => {
    let answer: 'caseNotFound' | 'platformUnavailable' = 'caseNotFound';
    const { user } = renderJourney(
      { kind: 'progress' },
      { handlers: { 'progress.lookup': () => err({ code: answer, message: 'test' }) } },
    );
    await user.click(await screen.findByText('输入办件编号'));
    fireEvent.change(await screen.findByTestId('progress-reference'), { target: { value: 'AQ-2025-999999' } });
    await user.click(screen.getByTestId('progress-lookup'));
    expect((await screen.findByTestId('progress-problem')).textContent).toContain('没有找到这个编号的办件');
    answer = 'platformUnavailable';
    await user.click(screen.getByText('再试一次'));
    await user.click(screen.getByTestId('progress-lookup'));
    expect((await screen.findByTestId('progress-problem')).textContent).toContain('暂时连不上办件系统');
  });

  it('a too-short number is caught before asking', async () => {
    const { user, fake } = renderJourney({ kind: 'progress' });
    await user.click(await screen.findByText('输入办件编号'));
    await user.keyboard('AB1{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('编号没有输全');
    expect(fake.callsTo('progress.lookup')).toHaveLength(0);
  });

  it('a half-typed 办件编号 says how many digits are left and is not looked up', async () => {
    const { user, fake } = renderJourney({ kind: 'progress' });
    await user.click(await screen.findByText('输入办件编号'));
    const pad = await screen.findByTestId('progress-pad');
    await vi.waitFor(() => expect(screen.getByTestId<HTMLInputElement>('progress-reference').placeholder).not.toBe(''));
    for (const digit of '20261206') await user.click(within(pad).getByRole('button', { name: `数字 ${digit}` }));
    expect(screen.getByTestId('progress-digits-left').textContent).toBe('还差 6 位数字');
    await user.click(screen.getByTestId('progress-lookup'));
    expect((await screen.findByRole('alert')).textContent).toContain('编号没有输全');
    expect(fake.callsTo('progress.lookup')).toHaveLength(0);
  });

  it('a 本机受理号 (offline receipt) is typed on the same pad with A–F', async () => {
    const { user, fake } = renderJourney(
      { kind: 'progress' },
      { handlers: { 'progress.lookup': () => ok(found), 'serviceMap.points': () => ok(serviceMap) } },
    );
    await user.click(await screen.findByText('输入办件编号'));
    await user.click(await screen.findByTestId('progress-kind-localRef'));
    const pad = screen.getByTestId('progress-pad');
    for (const key of '5F0C2B1E') {
      await user.click(within(pad).getByRole('button', { name: /^[A-F]$/.test(key) ? key : `数字 ${key}` }));
    }
    // Eight characters and no more.
    expect(within(pad).getByRole('button', { name: '数字 1' })).toHaveProperty('disabled', true);
    await user.click(screen.getByTestId('progress-lookup'));
    await screen.findByTestId('progress-detail');
    expect(fake.callsTo('progress.lookup')).toEqual([{ reference: '5F0C2B1E' }]);
  });

  it('by card: pending-here items, the unreachable platform stated plainly, and a case opened', async () => {
    const { user, fake } = renderJourney(
      { kind: 'progress' },
      {
        handlers: {
          'progress.mine': () => ok(mine),
          'progress.lookup': () => ok(found),
          'serviceMap.points': () => ok(serviceMap),
        },
      },
    );
    await user.click(await screen.findByText('刷身份证查询'));
    expect((await screen.findByTestId('fake-signin')).getAttribute('data-purpose')).toBe('progress');
    await user.click(screen.getByText('fake-sign-in'));
    const list = await screen.findByTestId('progress-mine');
    expect(screen.getByTestId('progress-unreachable').textContent).toContain('暂时连不上办件系统');
    expect(list.textContent).toContain('已保存在本机，等待上报');
    const item = list.querySelector<HTMLElement>('[data-case="AQ-2025-000123"]');
    expect(item?.textContent).toContain('可以领取');
    expect(item?.textContent).toContain('承诺办结 3月20日');
    await user.click(item as HTMLElement);
    await screen.findByTestId('progress-detail');
    expect(fake.callsTo('progress.lookup')).toEqual([{ reference: 'AQ-2025-000123' }]);
  });

  it('a slow lookup says it is still looking after LOOKUP_SLOW_MS', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { user } = renderJourney(
        { kind: 'progress' },
        { fakeTimers: true, handlers: { 'progress.lookup': () => new Promise(() => undefined) } },
      );
      await user.click(await screen.findByText('输入办件编号'));
      await user.keyboard('AQ-2025-000123{Enter}');
      expect(screen.queryByText('仍在查询，请稍候…')).toBeNull();
      act(() => {
        vi.advanceTimersByTime(LOOKUP_SLOW_MS);
      });
      expect(screen.getByText('仍在查询，请稍候…')).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('parseReference', () => {
  it('drops the QR prefix and spaces, keeps the rest as typed', () => {
    expect(parseReference(' bmkiosk:progress:AQ-2025-000123\n')).toBe('AQ-2025-000123');
    expect(parseReference('BMKIOSK:PROGRESS:5f0c2b1e-8d3a')).toBe('5f0c2b1e-8d3a');
    expect(parseReference('AQ 2025')).toBe('AQ2025');
  });

  it("takes the number out of the receipt's https code on this station's progress page only", () => {
    const page = 'https://zwfw.example.gov.cn/anqiu/progress';
    expect(parseReference(`${page}?case=AQ-20261121-0001`, page)).toBe('AQ-20261121-0001');
    expect(parseReference(`${page}?ref=5F0C2B1E-8D3A-4C55-9A77-0E2F3B4C5D6E`, page)).toBe(
      '5f0c2b1e-8d3a-4c55-9a77-0e2f3b4c5d6e',
    );
    // Another site's address stays what it is (core answers caseNotFound).
    expect(parseReference('https://pay.example.com/?case=AQ-20261121-0001', page)).toBe(
      'https://pay.example.com/?case=AQ-20261121-0001',
    );
  });
});

describe('progress journey in 长辈版', () => {
  it('pages the resident’s cases so the list, its page buttons and 返回 keep to six choices', async () => {
    const [first] = mine.cases;
    if (!first) throw new Error('fixture case missing');
    const many: MyCases = {
      platform: 'reachable',
      pendingHere: [],
      cases: Array.from({ length: 7 }, (_, index) => ({ ...first, caseNo: `AQ-2025-00010${index}` })),
    };
    const { user, shell } = renderJourney({ kind: 'progress' }, { handlers: { 'progress.mine': () => ok(many) } });
    act(() => shell.send({ type: 'SET_PROFILE', profile: 'elder' }));
    await user.click(await screen.findByText('刷身份证查询'));
    await user.click(screen.getByText('fake-sign-in'));
    const list = await screen.findByTestId('progress-mine');
    const enabled = () =>
      within(list.parentElement!)
        .getAllByRole('button')
        .filter((b) => !(b as HTMLButtonElement).disabled);
    expect(list.querySelectorAll('[data-case]')).toHaveLength(3);
    expect(enabled().length).toBeLessThanOrEqual(6);
    expect(list.querySelector('[data-speech="hint"]')?.textContent).toBe('点一件办件，查看办理进度');
    await user.click(screen.getByTestId('choice-pages-next'));
    expect([...list.querySelectorAll<HTMLElement>('[data-case]')].map((b) => b.dataset['case'])).toEqual([
      'AQ-2025-000103',
      'AQ-2025-000104',
      'AQ-2025-000105',
    ]);
  });
});

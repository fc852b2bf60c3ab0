import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openGroup, openMatter, renderKiosk, startVisit } from '../../test/render-kiosk';
import { GUIDE_SECTIONS } from './guide-sections';

async function openGuide(code: string) {
  const kiosk = renderKiosk();
  await startVisit(kiosk.user);
  await openGroup(kiosk.user, '[data-kind=all]');
  const guide = await openMatter(kiosk.user, code);
  return { ...kiosk, guide };
}

function section(guide: HTMLElement, id: string): HTMLElement {
  const found = guide.querySelector<HTMLElement>(`[data-testid=guide-section][data-section=${id}]`);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}

const text = (element: Element | null | undefined) => element?.textContent ?? '';

describe('guide screen', () => {
  it('shows the matter name and badges, then every section, titled, in order', async () => {
    const { guide } = await openGuide('370784-CJ-013');
    expect(within(guide).getByRole('heading', { level: 1 }).textContent).toBe('老年优待证办理');
    expect(text(guide.querySelector('.guide-head'))).toMatch(/即办件.*当场办.*跨村通办/);

    const sections = within(guide).getAllByTestId('guide-section');
    expect(sections.map((s) => s.dataset['section'])).toEqual([...GUIDE_SECTIONS]);
    expect(sections.map((s) => within(s).getByRole('heading', { level: 2 }).textContent)).toEqual([
      '简版指南',
      '基本信息',
      '办理地点和时间',
      '受理条件',
      '申请材料',
      '特殊环节',
      '办理流程',
      '收费标准',
      '设定依据',
      '常见问题',
      '服务承诺',
      '到现场次数',
      '咨询电话 / 投诉电话',
    ]);
  });

  it('shows what each section holds', async () => {
    const { guide } = await openGuide('370784-CJ-013');
    expect(text(section(guide, 'summary'))).toContain('年满60周岁的老年人可申请办理老年优待证。');
    const basic = text(section(guide, 'basicInfo'));
    for (const fact of [
      '公共服务',
      '村便民服务站',
      '自然人',
      '安丘市民政局',
      '370784-CJ-013',
      '可自助申报 · 可申请帮办代办',
    ]) {
      expect(basic).toContain(fact);
    }
    expect(basic).toContain('可以，外村村民也能在本站办理');
    expect(text(section(guide, 'placesAndHours'))).toMatch(
      /东埠村便民服务站.*党群服务中心一楼.*周一至周五 8:30-17:30.*0536-4000123/,
    );
    expect(text(section(guide, 'conditions'))).toMatch(/年满60周岁.*具有本市户籍/);
    expect(text(section(guide, 'fees'))).toMatch(/不收费/);
    expect(text(section(guide, 'legalBasis'))).toContain('《中华人民共和国老年人权益保障法》');
    expect(text(section(guide, 'faq'))).toMatch(/问外地老人能办吗？答持本市居住证的可以办理。/);
    expect(text(section(guide, 'visitsNeeded'))).toContain('最多跑 1 次');
    expect(text(section(guide, 'contact'))).toMatch(/咨询电话0536-4000200投诉电话12345/);
  });

  it('lists each material with required or optional, originals and copies, form, source and note', async () => {
    const { guide } = await openGuide('370784-CJ-013');
    const materials = within(section(guide, 'materials')).getAllByTestId('material');
    expect(materials).toHaveLength(2);
    expect(text(materials[0])).toMatch(/居民身份证必须提交原件 1 份 · 复印件 2 份 · 纸质材料来源申请人自备/);
    expect(text(materials[1])).toMatch(/一寸免冠照片按需提交复印件 1 份 · 纸质或电子材料来源照相馆说明可现场拍摄/);
    // No originals needed: the line does not say "原件 0 份".
    expect(text(materials[1])).not.toContain('原件');
  });

  it('says whether a special step counts toward the time limit, and numbers the process', async () => {
    const { guide } = await openGuide('370784-CJ-013');
    expect(text(section(guide, 'specialSteps'))).toMatch(/公示不计入办结时限所需时间7个自然日说明在村务公开栏公示/);
    const steps = section(guide, 'process').querySelectorAll('li');
    expect([...steps].map((step) => text(step))).toEqual([
      '1第 1 步申请持身份证到便民服务站提出申请',
      '2第 2 步审核工作人员当场审核',
      '3第 3 步办结当场制证发放',
    ]);
  });

  it('shows a 即办件 as 当场办结 and a missing legal limit in words', async () => {
    const { guide } = await openGuide('370784-CJ-013');
    expect(text(section(guide, 'promise'))).toBe(
      '服务承诺法定办结时限法律未规定时限承诺办结时限当场办结说明材料齐全当场办结',
    );
  });

  it('shows a 承诺件 in working days, and empty sections in plain words', async () => {
    const { guide } = await openGuide('370784-CJ-020');
    expect(text(section(guide, 'promise'))).toBe('服务承诺法定办结时限20 个工作日承诺办结时限10 个工作日');
    expect(text(section(guide, 'materials'))).toContain('本事项不需要提交材料。');
    expect(text(section(guide, 'specialSteps'))).toContain('本事项没有特殊环节。');
    expect(text(section(guide, 'faq'))).toContain('暂无常见问题。');
    expect(text(section(guide, 'visitsNeeded'))).toContain('不用到现场');
    expect(text(section(guide, 'basicInfo'))).toMatch(/跨村通办否/);
  });

  it('marks sample content calmly, and only when the guide is a sample', async () => {
    const sample = await openGuide('370784-CJ-013');
    expect(text(within(sample.guide).getByTestId('sample-notice'))).toBe(
      '示例内容 本指南为示例内容，以窗口实际告知为准。',
    );
    await sample.user.click(screen.getByTestId('back-button'));
    const official = await openMatter(sample.user, '370784-CJ-020');
    expect(within(official).queryByTestId('sample-notice')).toBeNull();
    expect(within(official).getAllByTestId('guide-section')).toHaveLength(GUIDE_SECTIONS.length);
  });

  it('without a published guide, says so and gives the department phone and the station hotline', async () => {
    const { guide } = await openGuide('370784-CJ-021');
    expect(within(guide).queryAllByTestId('guide-section')).toHaveLength(0);
    const noGuide = within(guide).getByTestId('no-guide');
    expect(text(noGuide)).toContain('本事项暂未发布办事指南');
    expect(text(within(noGuide).getByTestId('department-phone'))).toBe('主管部门 · 安丘市民政局0536-4000200');
    expect(text(within(noGuide).getByTestId('station-hotline'))).toBe('本站服务热线0536-4000123');
  });

  it('without a guide or a department phone, still gives the station hotline', async () => {
    const { guide } = await openGuide('370784-CJ-052');
    const noGuide = within(guide).getByTestId('no-guide');
    expect(text(within(noGuide).getByTestId('department-phone'))).toBe('主管部门 · 安丘市司法局');
    expect(text(within(noGuide).getByTestId('station-hotline'))).toContain('0536-4000123');
  });

  it('jumps to 申请材料 from the section index', async () => {
    const { guide, user } = await openGuide('370784-CJ-013');
    const index = within(guide).getByTestId('section-nav');
    const buttons = within(index).getAllByTestId('section-nav-item');
    expect(buttons.map((b) => b.dataset['section'])).toEqual([...GUIDE_SECTIONS]);
    await user.click(within(index).getByRole('button', { name: '申请材料' }));
    expect(document.activeElement?.textContent).toBe('申请材料');
    expect(document.activeElement?.closest('[data-section]')?.getAttribute('data-section')).toBe('materials');
  });

  it('back from a guide returns to the same list, filter kept', async () => {
    const { user } = renderKiosk();
    await startVisit(user);
    await openGroup(user, '[data-kind=approvalAgency]');
    await user.click(within(screen.getByTestId('handling-filter')).getByRole('button', { name: '帮办代办' }));
    await openMatter(user, '370784-CJ-020');
    await user.click(screen.getByTestId('back-button'));
    expect(screen.queryByTestId('guide-screen')).toBeNull();
    const browse = screen.getByTestId('browse-screen');
    expect(browse.hasAttribute('data-covered')).toBe(false);
    expect(within(browse).getByRole('button', { name: '帮办代办' }).getAttribute('aria-pressed')).toBe('true');
    expect(
      within(browse)
        .getAllByTestId('matter-item')
        .map((i) => i.dataset['code']),
    ).toEqual(['370784-CJ-020', '370784-CJ-021']);
  });

  it('says so plainly when the matter left the catalog', async () => {
    const { user, fake } = renderKiosk();
    await startVisit(user);
    await openGroup(user, '[data-kind=all]');
    fake.setHandlers({
      'catalog.matter': ({ code }) => ({ ok: false, error: { code: 'notFound', message: `no matter ${code}` } }),
    });
    await user.click(within(screen.getByTestId('matter-list')).getAllByTestId('matter-item')[0]!);
    expect(text(await screen.findByTestId('matter-not-found'))).toContain('没有找到这个事项');
  });
});

import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openGroup, openMatter, renderKiosk, startVisit } from '../../test/render-kiosk';
import { choiceNamesIn, speechMarks } from '../../test/elder-checks';

describe('guide in 长辈版', () => {
  it('opens a guide that keeps its four actions, without the thirteen-button index, and says what to do', async () => {
    const { user } = renderKiosk();
    await startVisit(user);
    await user.click(screen.getByTestId('elder-toggle'));
    // 长辈版's first six tiles leave 自助申报 to 更多服务.
    await user.click(await screen.findByTestId('service-more'));
    await user.click(await screen.findByTestId('service-apply'));
    const guide = await openMatter(user, '370784-CJ-013');
    expect(within(guide).queryByTestId('section-nav')).toBeNull();
    // The guide itself is all there, read from the top.
    expect(within(guide).getAllByTestId('guide-section')).toHaveLength(13);
    expect(choiceNamesIn(guide)).toEqual(['在本机申请', '预约到窗口办理', '打印材料清单', '请人帮办']);
    const marks = speechMarks(guide);
    expect(marks.titles).toEqual(['老年优待证办理']);
    expect(marks.hints).toHaveLength(1);
  });

  it('keeps the section index in the standard profile', async () => {
    const { user } = renderKiosk();
    await startVisit(user);
    await openGroup(user, '[data-kind=all]');
    const guide = await openMatter(user, '370784-CJ-013');
    expect(within(guide).getAllByTestId('section-nav-item')).toHaveLength(13);
  });
});

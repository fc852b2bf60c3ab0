import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderKiosk, startVisit } from '../../test/render-kiosk';
import { ELDER_MAX_CHOICES } from '../../styles/sizes';
import { choicesIn, speechMarks } from '../../test/elder-checks';

/** Home in 长辈版 (switched on from the bottom bar), then 自助申报: the list of every matter. */
async function openAllMattersInElder() {
  const kiosk = renderKiosk();
  await startVisit(kiosk.user);
  await kiosk.user.click(screen.getByTestId('elder-toggle'));
  // 长辈版's first six tiles leave 自助申报 to 更多服务.
  await kiosk.user.click(await screen.findByTestId('service-more'));
  await kiosk.user.click(await screen.findByTestId('service-apply'));
  const browse = await screen.findByTestId('browse-screen');
  await within(browse).findAllByTestId('matter-item');
  return { ...kiosk, browse };
}

const codesShown = (browse: HTMLElement) =>
  within(browse)
    .getAllByTestId('matter-item')
    .map((item) => item.dataset['code']);

describe('browse in 长辈版', () => {
  it('leaves the filters out, pages the matters three at a time and stays within six choices', async () => {
    const { browse, user } = await openAllMattersInElder();
    expect(within(browse).queryByTestId('handling-filter')).toBeNull();
    expect(within(browse).queryByTestId('department-filter')).toBeNull();

    const first = codesShown(browse);
    expect(first).toHaveLength(3);
    // The cards leave their badges to the guide, so three fit a page.
    expect(browse.querySelector('[data-badge=caseType]')).toBeNull();
    expect(choicesIn(browse)).toBeLessThanOrEqual(ELDER_MAX_CHOICES);
    expect(within(browse).getByTestId('choice-pages').textContent).toContain('第 1 页，共 2 页');

    await user.click(within(browse).getByTestId('choice-pages-next'));
    const second = codesShown(browse);
    expect(second).toHaveLength(1);
    // Every matter of the catalog is reachable, once.
    expect(new Set([...first, ...second]).size).toBe(4);
    expect(choicesIn(browse)).toBeLessThanOrEqual(ELDER_MAX_CHOICES);
  });

  it('gives voice mode the list title and one line saying what to do', async () => {
    const { browse } = await openAllMattersInElder();
    const marks = speechMarks(browse);
    expect(marks.titles).toEqual(['全部事项']);
    expect(marks.hints[0]).toBe('请点要办的事项，查看办事指南');
  });

  it('keeps the filters and shows the whole list in the standard profile', async () => {
    const { user } = renderKiosk();
    await startVisit(user);
    await user.click(await screen.findByTestId('service-apply'));
    const browse = await screen.findByTestId('browse-screen');
    expect(await within(browse).findByTestId('handling-filter')).toBeTruthy();
    expect(await within(browse).findAllByTestId('matter-item')).toHaveLength(4);
    expect(browse.querySelectorAll('[data-badge=caseType]')).toHaveLength(4);
    expect(within(browse).queryByTestId('choice-pages')).toBeNull();
  });
});

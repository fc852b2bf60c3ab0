import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { LifeEventView } from '../../../../core/api/find';
import { ok } from '../../../../core/pure/result';
import { LifeEventsScreen } from './LifeEventsScreen';
import { renderScreen } from './testing/render-screen';

const events: LifeEventView[] = [
  {
    id: 'bereavement',
    name: '亲人身后一件事',
    description: '一次办理注销和丧葬补助金。',
    matters: [
      { code: '370784-CJ-007', name: '居民基本养老保险注销登记', selfService: true },
      { code: '370784-CJ-004', name: '居民基本养老保险丧葬补助金申请', selfService: true },
    ],
  },
  {
    id: 'elderlyCare',
    name: '老年人优待一件事',
    description: '优待证、高龄补贴和生活补贴。',
    matters: [
      { code: '370784-CJ-013', name: '老年优待证办理', selfService: true },
      { code: '370784-CJ-022', name: '经济困难老年人生活补贴', selfService: false },
    ],
  },
];

const card = (id: string) => {
  const found = screen.getAllByTestId('life-event').find((element) => element.dataset['id'] === id);
  if (!found) throw new Error(`no life event ${id}`);
  return found;
};

function renderLifeEvents(selfServiceSubmission = true) {
  const onApply = vi.fn();
  const onOpenMatter = vi.fn();
  const rendered = renderScreen(
    <LifeEventsScreen onApply={onApply} onOpenMatter={onOpenMatter} onExit={() => undefined} />,
    {
      'catalog.lifeEvents': () => ok(events),
      'devices.snapshot': () =>
        ok({
          devices: [],
          journeys: {
            idCardSignIn: true,
            selfServiceSubmission,
            output: 'paper' as const,
            keypadRating: true,
            scanCodes: false,
            videoHelp: false,
          },
        }),
    },
  );
  return { ...rendered, onApply, onOpenMatter };
}

describe('life events screen', () => {
  it('applies for a whole bundle at once when every matter can be submitted here', async () => {
    const { user, onApply } = renderLifeEvents();
    await screen.findAllByTestId('life-event');
    const bereavement = card('bereavement');
    expect(within(bereavement).getByRole('heading', { level: 2 }).textContent).toBe('亲人身后一件事');
    expect(
      within(bereavement)
        .getAllByTestId('life-event-matter')
        .map((m) => m.dataset['code']),
    ).toEqual(['370784-CJ-007', '370784-CJ-004']);
    await user.click(within(bereavement).getByTestId('life-event-apply'));
    expect(onApply).toHaveBeenCalledWith(['370784-CJ-007', '370784-CJ-004'], 'bereavement');
  });

  it('says which matters need the window instead of offering one application, with their guides', async () => {
    const { user, onOpenMatter } = renderLifeEvents();
    await screen.findAllByTestId('life-event');
    const elderly = card('elderlyCare');
    expect(within(elderly).queryByTestId('life-event-apply')).toBeNull();
    expect(within(elderly).getByTestId('life-event-window').textContent).toContain(
      '以下事项不能在本机申请，需到窗口办理：经济困难老年人生活补贴',
    );
    const windowMatter = within(elderly)
      .getAllByTestId('life-event-matter')
      .find((m) => m.dataset['code'] === '370784-CJ-022');
    expect(windowMatter?.textContent).toContain('需到窗口办理');
    await user.click(within(windowMatter!).getByRole('button', { name: '看指南' }));
    expect(onOpenMatter).toHaveBeenCalledWith('370784-CJ-022');
  });

  it('disables the one application, with the reason, while the devices do not allow self-service', async () => {
    const { onApply } = renderLifeEvents(false);
    await screen.findAllByTestId('life-event');
    const bereavement = card('bereavement');
    await vi.waitFor(() => expect(within(bereavement).queryByTestId('life-event-unavailable')).not.toBeNull());
    expect(within(bereavement).getByTestId<HTMLButtonElement>('life-event-apply').disabled).toBe(true);
    expect(onApply).not.toHaveBeenCalled();
  });
});

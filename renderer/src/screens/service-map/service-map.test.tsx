import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ServiceMap } from '../../../../core/api/care';
import { err, ok } from '../../../../core/pure/result';
import type { ServicePoint } from '../../../../platform/contract/service-points';
import { renderCareJourney as renderJourney } from '../help/render-care.testing';
import { StepBackProvider, useBackAction } from '../../shell/step-back';
import { ServiceMapJourney } from './ServiceMapJourney';

const point = (id: string, change: Partial<ServicePoint>): ServicePoint => ({
  id,
  kind: 'villageStation',
  name: id,
  address: '某村',
  regionCode: '370784107',
  location: { lat: 36.3, lng: 119.2, system: 'gcj02' },
  open24h: false,
  openingHours: [{ days: [1, 2, 3, 4, 5], opens: '08:30', closes: '17:30' }],
  phone: null,
  services: [],
  matterCodes: [],
  bookable: false,
  selfServiceTerminal: false,
  accessible: false,
  ...change,
});

const points: ServicePoint[] = [
  point('SP-HALL', {
    kind: 'governmentServiceCentre',
    name: '安丘市政务服务中心',
    address: '安丘市健康路1号',
    location: { lat: 36.43, lng: 119.21, system: 'gcj02' },
    phone: '0536-4000100',
    services: ['社保', '不动产登记'],
    bookable: true,
    selfServiceTerminal: true,
    accessible: true,
  }),
  point('SP-HERE', { name: '东埠村便民服务站' }),
  point('SP-24H', {
    kind: 'selfService24h',
    name: '景芝镇24小时自助区',
    location: { lat: 36.31, lng: 119.22, system: 'gcj02' },
    open24h: true,
    openingHours: [],
  }),
];

const serviceMap = (change: Partial<ServiceMap> = {}): ServiceMap => ({
  version: 'SP-2026.1',
  publishedAt: '2026-11-01T00:00:00.000+08:00',
  regionCode: '370784',
  isSample: false,
  servicePoints: points,
  source: 'platform',
  herePointId: 'SP-HERE',
  ...change,
});

describe('service map journey', () => {
  it('draws every point with its symbol, you-are-here, north and a scale, and lists them nearest first', async () => {
    renderJourney(<ServiceMapJourney onExit={() => undefined} onBook={() => undefined} />, {
      'serviceMap.points': () => ok(serviceMap()),
    });
    const drawing = await screen.findByTestId('map-drawing');
    expect(
      within(drawing)
        .getAllByTestId('map-point')
        .map((g) => g.dataset['id']),
    ).toEqual(['SP-HALL', 'SP-HERE', 'SP-24H']);
    expect(within(drawing).getByTestId('map-here').getAttribute('transform')).toBe('translate(400 400)');
    expect(within(drawing).getByTestId('map-north').textContent).toBe('北');
    expect(within(drawing).getByTestId('map-scale').textContent).toMatch(/公里$/);
    expect(screen.getByTestId('map-legend').textContent).toContain('24小时自助区');
    expect(screen.getAllByTestId('map-list-item').map((item) => item.dataset['id'])).toEqual([
      'SP-HERE',
      'SP-24H',
      'SP-HALL',
    ]);
    expect(screen.queryByTestId('map-from-cache')).toBeNull();
  });

  it('opens a point from the map with its details, and books it', async () => {
    const onBook = vi.fn();
    const { user } = renderJourney(<ServiceMapJourney onExit={() => undefined} onBook={onBook} />, {
      'serviceMap.points': () => ok(serviceMap()),
    });
    const hall = (await screen.findAllByTestId('map-point')).find((g) => g.dataset['id'] === 'SP-HALL')!;
    await user.click(hall);
    const details = screen.getByTestId('map-details');
    expect(details.textContent).toContain('安丘市健康路1号');
    expect(details.textContent).toContain('0536-4000100');
    expect(details.textContent).toContain('不动产登记');
    expect(details.textContent).toContain('有无障碍设施');
    expect(details.textContent).toContain('周一至周五');
    expect(within(details).getByTestId('map-distance').textContent).toBe('约 14.5 公里');
    await user.click(within(details).getByTestId('map-book'));
    expect(onBook).toHaveBeenCalledWith('SP-HALL');
  });

  it('offers no booking where none is possible, and goes back to the list with the bar’s 返回', async () => {
    const onLeave = vi.fn();
    function BarBack() {
      const back = useBackAction(onLeave);
      return (
        <button type="button" data-testid="bar-back" onClick={back}>
          返回
        </button>
      );
    }
    const { user } = renderJourney(
      <StepBackProvider>
        <ServiceMapJourney onExit={() => undefined} onBook={() => undefined} />
        <BarBack />
      </StepBackProvider>,
      { 'serviceMap.points': () => ok(serviceMap()) },
    );
    const item = (await screen.findAllByTestId('map-list-item')).find((button) => button.dataset['id'] === 'SP-24H')!;
    await user.click(item);
    const details = screen.getByTestId('map-details');
    expect(within(details).queryByTestId('map-book')).toBeNull();
    expect(within(details).getByTestId('map-open-now').textContent).toContain('24小时开放');
    // One 返回 on the screen: the bar's, which closes the details.
    expect(within(details).queryByText(/返回/)).toBeNull();
    await user.click(screen.getByTestId('bar-back'));
    expect(screen.getByTestId('map-list')).toBeTruthy();
    expect(onLeave).not.toHaveBeenCalled();
  });

  it('says when the points are the kiosk’s own copy', async () => {
    renderJourney(<ServiceMapJourney onExit={() => undefined} onBook={() => undefined} />, {
      'serviceMap.points': () => ok(serviceMap({ source: 'cache', herePointId: null })),
    });
    expect((await screen.findByTestId('map-from-cache')).textContent).toContain('本机保存');
  });

  it('explains notAvailable in plain words', async () => {
    renderJourney(<ServiceMapJourney onExit={() => undefined} onBook={() => undefined} />, {
      'serviceMap.points': () => err({ code: 'notAvailable' as const, message: 'nothing stored' }),
    });
    expect((await screen.findByTestId('map-unavailable')).textContent).toContain('还没有服务网点信息');
  });
});

describe('service map in 长辈版', () => {
  const many = Array.from({ length: 8 }, (_, index) =>
    point(`SP-${index}`, { name: `网点${index}`, location: { lat: 36.3 + index / 100, lng: 119.2, system: 'gcj02' } }),
  );

  it('draws the map as a picture and pages the list, so the screen keeps to six choices', async () => {
    const { user } = renderJourney(
      <ServiceMapJourney onExit={() => undefined} onBook={() => undefined} />,
      { 'serviceMap.points': () => ok(serviceMap({ servicePoints: many, herePointId: 'SP-0' })) },
      { elder: true },
    );
    const drawing = await screen.findByTestId('map-drawing');
    expect(drawing.getAttribute('role')).toBe('img');
    expect(
      within(drawing)
        .getAllByTestId('map-point')
        .every((g) => !g.hasAttribute('role')),
    ).toBe(true);
    expect(screen.getAllByTestId('map-list-item').map((item) => item.dataset['id'])).toEqual([
      'SP-0',
      'SP-1',
      'SP-2',
      'SP-3',
    ]);
    expect(screen.getAllByRole('button').filter((b) => !(b as HTMLButtonElement).disabled).length).toBeLessThanOrEqual(
      6,
    );
    await user.click(screen.getByTestId('choice-pages-next'));
    expect(screen.getAllByTestId('map-list-item').map((item) => item.dataset['id'])).toEqual([
      'SP-4',
      'SP-5',
      'SP-6',
      'SP-7',
    ]);
    await user.click(screen.getAllByTestId('map-list-item')[0]!);
    const details = screen.getByTestId('map-details');
    expect(details.querySelector('[data-speech="title"]')?.textContent).toBe('网点4');
    expect(details.querySelector('[data-speech="hint"]')).not.toBeNull();
  });
});

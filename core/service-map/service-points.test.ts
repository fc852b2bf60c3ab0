import { describe, expect, it } from 'vitest';
import type { ServicePoint } from '../../platform/contract/service-points';
import { distanceMetres, herePointId } from './service-points';

const point = (id: string, lat: number, lng: number): ServicePoint => ({
  id,
  kind: 'villageStation',
  name: id,
  address: '示例地址',
  regionCode: '370784',
  location: { lat, lng, system: 'wgs84' },
  open24h: false,
  openingHours: [],
  phone: null,
  services: [],
  matterCodes: [],
  bookable: false,
  selfServiceTerminal: true,
  accessible: true,
});

const centre = point('aq-jingzhi-centre', 36.3372, 119.4015);
const village = point('aq-jingzhi-dongjingzhi', 36.3418, 119.4102);

describe('herePointId', () => {
  it("is the point registered under the station's id, wherever the station says it stands", () => {
    expect(herePointId([centre, village], { id: 'aq-jingzhi-dongjingzhi', location: { lat: 0, lng: 0 } })).toBe(
      'aq-jingzhi-dongjingzhi',
    );
  });

  it('else the nearest point within 1 km', () => {
    // About 300 m from the village station, 1 km from the town centre.
    expect(herePointId([centre, village], { id: 'elsewhere', location: { lat: 36.3445, lng: 119.4102 } })).toBe(
      'aq-jingzhi-dongjingzhi',
    );
  });

  it('else none', () => {
    expect(herePointId([centre, village], { id: 'elsewhere', location: { lat: 36.3, lng: 119.2 } })).toBeNull();
    expect(herePointId([], { id: 'elsewhere', location: { lat: 36.3372, lng: 119.4015 } })).toBeNull();
  });

  it('measures distance on the globe', () => {
    // One minute of latitude is one nautical mile.
    expect(distanceMetres({ lat: 36, lng: 119 }, { lat: 36 + 1 / 60, lng: 119 })).toBeCloseTo(1853, -1);
  });
});

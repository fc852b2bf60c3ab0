import { describe, expect, it } from 'vitest';
import { placeName } from './place-name';

const station = { id: '370784-JZ-DB', name: '东埠村便民服务站' };
const map = new Map([['aq-jingzhi-centre', '景芝镇便民服务中心']]);

describe('placeName', () => {
  it('names a point from the map, this station by its own name, anything else in words', () => {
    expect(placeName('aq-jingzhi-centre', map, station, '原受理服务站')).toBe('景芝镇便民服务中心');
    expect(placeName('370784-JZ-DB', new Map(), station, '原受理服务站')).toBe('东埠村便民服务站');
    expect(placeName('370784-XX-YY', map, station, '原受理服务站')).toBe('原受理服务站');
    expect(placeName(null, map, station, '原受理服务站')).toBe('原受理服务站');
  });
});

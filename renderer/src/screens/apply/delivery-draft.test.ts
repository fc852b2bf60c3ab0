import { describe, expect, it } from 'vitest';
import { mailingDetailFromCard } from './delivery-draft';

const anqiu = { province: '山东省', city: '潍坊市', county: '安丘市' };

describe('mailingDetailFromCard', () => {
  it('keeps what follows the county, whether or not the card names the province and city', () => {
    expect(mailingDetailFromCard('山东省安丘市兴安街道示例村100号', anqiu)).toBe('兴安街道示例村100号');
    expect(mailingDetailFromCard('山东省潍坊市安丘市景芝镇东埠村123号', anqiu)).toBe('景芝镇东埠村123号');
    expect(mailingDetailFromCard('安丘市景芝镇 东埠村 123号', anqiu)).toBe('景芝镇东埠村123号');
  });

  it('offers nothing for an address in another county (the mail region is this station’s) or no detail', () => {
    expect(mailingDetailFromCard('山东省诸城市龙都街道1号', anqiu)).toBeNull();
    expect(mailingDetailFromCard('山东省潍坊市安丘市', anqiu)).toBeNull();
  });
});

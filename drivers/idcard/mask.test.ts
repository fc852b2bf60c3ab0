import { describe, expect, it } from 'vitest';
import { elderlyResident, foreignPermanent2017, foreignPermanent2023 } from './fixtures';
import { maskCard, maskIdNumber, maskName } from './mask';

describe('masking', () => {
  it.each([
    ['张三', '张*'],
    ['欧阳娜娜', '欧**娜'],
    ['王示例', '王*例'],
    ['李', '*'],
    ['JOHN SMITH', 'J*** S****'],
    ['TESTER ALICE', 'T***** A****'],
    ["O'NEIL ANNE-MARIE", "O'**** A***-*****"],
    ['', ''],
  ])('maskName(%j) = %j', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it.each([
    ['370101190102039973', '3701**********9973'],
    ['11010519491231002X', '1101**********002X'],
    ['CAN370085041502', 'CAN3*******1502'],
    ['12345678', '********'],
  ])('maskIdNumber(%j) = %j', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked);
  });

  it('builds the MaskedCard the renderer gets, preferring the Chinese name', () => {
    expect(maskCard(elderlyResident)).toEqual({
      cardType: 'resident',
      nameMasked: '王*例',
      idNumberMasked: '3707**********0035',
    });
    expect(maskCard(foreignPermanent2017).nameMasked).toBe('艾*试');
    expect(maskCard({ ...foreignPermanent2023, chineseName: null }).nameMasked).toBe('E****** R***** J****');
  });
});

import { describe, expect, it } from 'vitest';
import { idCardFixtures } from '../../drivers/idcard';
import { cardView } from './card-view';

describe('cardView', () => {
  const card = idCardFixtures.elderlyResident;

  it('masks name, ID number, address and birth date, and never prints the photo bytes', () => {
    const view = cardView(card, false);
    expect(view).toMatchObject({
      name: '王*例',
      idNumber: '3707**********0035',
      address: '山东省安丘市***********',
      birthDate: '1948-**-**',
      photoWlt: { bytes: 1024, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    const text = JSON.stringify(view);
    expect(text).not.toContain(card.idNumber);
    expect(text).not.toContain('王示例');
    expect(text).not.toContain('示例村');
  });

  it('shows everything but the photo bytes with --unmasked', () => {
    const view = cardView(card, true);
    expect(view).toMatchObject({ name: '王示例', idNumber: card.idNumber, address: card.address });
    expect(view['photoWlt']).toEqual(cardView(card, false)['photoWlt']);
  });
});

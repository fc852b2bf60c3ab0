import { describe, expect, it } from 'vitest';
import { withCheckCharacter } from '../pure/id-number';
import { emulatorCard } from './build-id-card';

describe('emulatorCard', () => {
  it('places a named test card, the woman resident by default', () => {
    expect(emulatorCard(undefined)).toMatchObject({ cardType: 'resident', name: '李测试' });
    expect(emulatorCard('residentElderly')).toMatchObject({ name: '王示例' });
    expect(emulatorCard('nobody')).toBeNull();
  });

  it('makes a resident card for any person with a valid number, birth date and sex read from it', () => {
    const idNumber = withCheckCharacter('37078419851224003');
    const card = emulatorCard(JSON.stringify({ name: '赵一', idNumber, address: '山东省安丘市景芝镇东埠村一组1号' }));
    expect(card).toMatchObject({
      cardType: 'resident',
      name: '赵一',
      idNumber,
      address: '山东省安丘市景芝镇东埠村一组1号',
      birthDate: '1985-12-24',
      sex: 'male',
    });
  });

  it('refuses a bad check character, fields longer than the card holds, unknown keys and broken JSON', () => {
    const idNumber = withCheckCharacter('37078419851224002');
    const bad = `${idNumber.slice(0, 17)}${idNumber.endsWith('1') ? '2' : '1'}`;
    const made = (person: Record<string, unknown>) => emulatorCard(JSON.stringify(person));
    expect(made({ name: '赵一', idNumber, address: '一组' })).toMatchObject({ sex: 'female' });
    expect(made({ name: '赵一', idNumber: bad, address: '一组' })).toBeNull();
    expect(made({ name: '赵'.repeat(16), idNumber, address: '一组' })).toBeNull();
    expect(made({ name: '赵一', idNumber, address: '一组', photo: 'x' })).toBeNull();
    expect(emulatorCard('{"name":')).toBeNull();
  });
});

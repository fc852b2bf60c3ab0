import { describe, expect, it, vi } from 'vitest';
import type { Client } from '../../../core/api/client';
import type { KioskContract } from '../../../core/api/contract';
import { phoneGivenIn, phoneGivenInApplication, rememberingPhones } from './phone-given';

describe('phoneGivenIn', () => {
  it('reads the phone of help, booking and the rating callback; nothing else, nothing malformed', () => {
    expect(phoneGivenIn('assistance.request', { phone: '13912345678' })).toBe('13912345678');
    expect(phoneGivenIn('appointment.book', { phone: '05364000123' })).toBe('05364000123');
    expect(phoneGivenIn('rating.submit', { callbackPhone: '13912345678' })).toBe('13912345678');
    expect(phoneGivenIn('rating.submit', { level: 5 })).toBeNull();
    expect(phoneGivenIn('assistance.request', { phone: '139' })).toBeNull();
    expect(phoneGivenIn('progress.lookup', { phone: '13912345678' })).toBeNull();
  });

  it('an application gives its mailing phone, else its form’s phone field', () => {
    const fields = [
      { name: 'applicantName', kind: 'text' },
      { name: 'phone', kind: 'phone' },
    ];
    const values = { applicantName: '王示例', phone: '13805361234' };
    expect(phoneGivenInApplication(fields, values, { method: 'pickUp', phone: '' })).toBe('13805361234');
    expect(phoneGivenInApplication(fields, values, { method: 'mail', phone: '13912345678' })).toBe('13912345678');
    expect(phoneGivenInApplication(fields, { phone: '' }, { method: 'pickUp', phone: '' })).toBeNull();
  });
});

describe('rememberingPhones', () => {
  it('remembers after a successful call only', async () => {
    let answer: { ok: boolean } = { ok: false };
    const client = {
      call: vi.fn(() => Promise.resolve(answer)),
      on: vi.fn(() => () => undefined),
    } as unknown as Client<KioskContract>;
    const remember = vi.fn();
    const wrapped = rememberingPhones(client, remember);
    const input = { confirmationId: 'c', kind: 'callback', phone: '13912345678', needs: [], matterCode: null } as const;
    await wrapped.call('assistance.request', input as never);
    expect(remember).not.toHaveBeenCalled();
    answer = { ok: true };
    await wrapped.call('assistance.request', input as never);
    expect(remember).toHaveBeenCalledWith('13912345678');
  });
});

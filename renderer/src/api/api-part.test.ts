import { describe, expect, it } from 'vitest';
import { createClient } from '../../../core/api/client';
import type { KioskContract } from '../../../core/api/contract';
import { err, ok } from '../../../core/pure/result';
import { apiPart } from './api-part';

describe('apiPart', () => {
  it('forwards each named method with its input to the client and answers what the client answered', async () => {
    const calls: Array<[string, unknown]> = [];
    const client = createClient<KioskContract>({
      invoke: (method, input) => {
        calls.push([method, input]);
        return Promise.resolve(
          method === 'appointment.mine'
            ? ok({ appointments: [] })
            : err({ code: 'platformUnavailable', message: 'down' }),
        );
      },
      subscribe: () => () => {},
    });

    const part = apiPart(client, ['appointment.mine', 'appointment.checkIn']);

    expect(Object.keys(part).sort()).toEqual(['appointment.checkIn', 'appointment.mine']);
    await expect(part['appointment.mine']({ date: '2025-03-04' })).resolves.toEqual(ok({ appointments: [] }));
    await expect(part['appointment.checkIn']({ confirmationId: 'c', appointmentId: 'a' })).resolves.toEqual(
      err({ code: 'platformUnavailable', message: 'down' }),
    );
    expect(calls).toEqual([
      ['appointment.mine', { date: '2025-03-04' }],
      ['appointment.checkIn', { confirmationId: 'c', appointmentId: 'a' }],
    ]);
  });
});

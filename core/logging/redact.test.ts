import { describe, expect, it } from 'vitest';
import { isSensitiveKey, REDACTED, redactText, redactValue } from './redact';

const ID = '37078419900101123X';
const PHONE = '13912345678';

/** Every string anywhere in the value, keys included, for "it is not there" checks. */
const text = (value: unknown) => JSON.stringify(value);

describe('redactText', () => {
  it('cuts resident ID numbers and mobile numbers out of running text', () => {
    expect(redactText(`申请人 ${ID} 电话${PHONE}。`)).toBe(`申请人 ${REDACTED} 电话${REDACTED}。`);
    expect(redactText(`id=${ID.toLowerCase()}&tel=+86 139-1234-5678`)).toBe(`id=${REDACTED}&tel=${REDACTED}`);
    expect(redactText('370784 19900101 123X / 139 1234 5678 / 8613912345678')).toBe(
      `${REDACTED} / ${REDACTED} / ${REDACTED}`,
    );
    // Full-width digits read the same to a person.
    expect(redactText('３７０７８４１９９００１０１１２３Ｘ')).toBe(REDACTED);
  });

  it('leaves numbers that only look a little alike', () => {
    const kept = [
      '1732176000000', // a time in milliseconds
      '12345678901', // eleven digits, not a mobile prefix
      '23912345678', // not starting with 1
      '139123456789', // twelve digits
      'AQ-20261121-0001', // a case number
      '370784199013451234', // month 13: not a birth date
      '0536-4000123', // a landline (the station hotline is public)
      'a'.repeat(64),
    ];
    for (const value of kept) expect(redactText(value)).toBe(value);
  });
});

describe('isSensitiveKey', () => {
  it('knows the names of identity, contact and secret fields in any case or spelling', () => {
    for (const key of [
      'idNumber',
      'ID_NUMBER',
      'id-no',
      'name',
      'Name',
      'applicantName',
      'requester_name',
      'recipient',
      'callbackPhone',
      'guardianPhone',
      'phone_number',
      'mobile',
      'address',
      'mailingAddress',
      'token',
      'apiToken',
      'Authorization',
      'pin',
      'pinHash',
      'password',
      'cookie',
      'birthDate',
      'photoWlt',
    ]) {
      expect(isSensitiveKey(key), key).toBe(true);
    }
    for (const key of ['component', 'outboxId', 'matterCode', 'kind', 'level', 'pinyin', 'spinner', 'status']) {
      expect(isSensitiveKey(key), key).toBe(false);
    }
  });
});

describe('redactValue', () => {
  it('walks nested objects and arrays at any depth', () => {
    const value = {
      component: 'applications',
      submission: {
        applicant: { name: '张三', idNumber: ID },
        people: [[{ contact: { callbackPhone: PHONE, note: `请打${PHONE}` } }]],
        delivery: { mailingAddress: { detail: '东埠村三组12号' } },
      },
      outboxId: 7,
    };
    const safe = redactValue(value);
    expect(safe).toEqual({
      component: 'applications',
      submission: {
        applicant: REDACTED,
        people: [[{ contact: { callbackPhone: REDACTED, note: `请打${REDACTED}` } }]],
        delivery: { mailingAddress: REDACTED },
      },
      outboxId: 7,
    });
    expect(value.submission.applicant.name).toBe('张三'); // the caller's object is left alone
  });

  it('redacts inside errors: message, stack, own fields and causes', () => {
    const cause = Object.assign(new Error(`UNIQUE failed for ${ID}`), { phone: PHONE });
    const error = new TypeError(`could not send to ${PHONE}`, { cause });
    const safe = redactValue({ err: error }) as { err: Record<string, unknown> };
    expect(safe.err['type']).toBe('TypeError');
    expect(safe.err['message']).toBe(`could not send to ${REDACTED}`);
    expect(String(safe.err['stack'])).toContain(`could not send to ${REDACTED}`);
    expect(safe.err['cause']).toMatchObject({
      type: 'Error',
      message: `UNIQUE failed for ${REDACTED}`,
      phone: REDACTED,
    });
    expect(text(safe)).not.toContain(PHONE);
    expect(text(safe)).not.toContain(ID);
  });

  it('survives adversarial values: cycles, depth, getters that throw, odd types, keys holding numbers', () => {
    const cyclic: Record<string, unknown> = { note: PHONE };
    cyclic['self'] = cyclic;
    let deep: Record<string, unknown> = { idNumber: ID, detail: ID };
    for (let i = 0; i < 40; i++) deep = { next: deep };
    const hostile = {
      get boom(): string {
        throw new Error(ID);
      },
    };
    const value = {
      cyclic,
      deep,
      hostile,
      [ID]: 'a key that is a number',
      asNumber: 13912345678,
      asBigInt: 370784199001011234n,
      bytes: Buffer.from(`${ID}${PHONE}`),
      when: new Date('2026-11-21T08:00:00.000Z'),
      set: new Set([PHONE]),
      map: new Map([['name', '李四']]),
      nothing: null,
      name: null,
      list: Array.from({ length: 500 }, (_, i) => (i === 499 ? PHONE : i)),
      url: new URL(`https://example.test/?tel=${PHONE}`),
    };
    const safe = redactValue(value) as Record<string, unknown>;
    const all = text(safe);
    expect(all).not.toContain(PHONE);
    expect(all).not.toContain(ID);
    expect(all).not.toContain('李四');
    expect(all).not.toContain('370784199001011234');
    expect((safe['cyclic'] as Record<string, unknown>)['self']).toBe('[circular]');
    expect(all).toContain('[too deep]');
    expect(safe['hostile']).toBe('[unreadable]');
    expect(safe['asNumber']).toBe(REDACTED);
    expect(safe['bytes']).toBe(`[${Buffer.byteLength(ID + PHONE)} bytes]`);
    expect(safe['when']).toBe('2026-11-21T08:00:00.000Z');
    expect(safe['nothing']).toBeNull();
    expect(safe['name']).toBeNull();
    expect((safe['list'] as unknown[]).at(-1)).toBe('[300 more]');
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RemoteCommandRequest } from './fleet';

describe('RemoteCommandRequest', () => {
  it('parses out of service on (with its message) and off, and refuses on without a message', () => {
    expect(RemoteCommandRequest.parse({ kind: 'outOfService', on: true, message: ' 设备维护中 ' })).toEqual({
      kind: 'outOfService',
      on: true,
      message: '设备维护中',
    });
    expect(RemoteCommandRequest.parse({ kind: 'outOfService', on: false })).toEqual({
      kind: 'outOfService',
      on: false,
    });
    expect(RemoteCommandRequest.safeParse({ kind: 'outOfService', on: true }).success).toBe(false);
    expect(RemoteCommandRequest.safeParse({ kind: 'outOfService', on: false, message: 'x' }).success).toBe(false);
    expect(RemoteCommandRequest.parse({ kind: 'screenshot' })).toEqual({ kind: 'screenshot' });
    expect(RemoteCommandRequest.safeParse({ kind: 'reboot' }).success).toBe(false);
  });

  it('has a JSON Schema (the console and the OpenAPI text are made from it)', () => {
    expect(() => z.toJSONSchema(RemoteCommandRequest)).not.toThrow();
  });
});

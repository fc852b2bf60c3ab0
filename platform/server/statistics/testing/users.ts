import type { ConsoleRole, ConsoleScope, ConsoleUser } from '../../../contract/console/users';

/** A console user as the HTTP layer hands it to a handler. */
export function consoleUser(role: ConsoleRole, scope: ConsoleScope, username = `u-${role.toLowerCase()}`): ConsoleUser {
  return {
    userId: 'U-1',
    username,
    displayName: '测试用户',
    role,
    scope,
    disabled: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    lastLoginAt: null,
  };
}

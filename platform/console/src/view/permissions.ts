import { consoleEndpoint, type ConsoleOperationId } from '../../../contract/console/endpoints';
import type { ConsoleRole } from '../../../contract/console/users';

/**
 * What the console shows a role, read from the same table the platform enforces
 * (CONSOLE_ENDPOINTS' roles): the page hides what the role cannot use, the server refuses it anyway.
 */
export function may(role: ConsoleRole, operationId: ConsoleOperationId): boolean {
  const roles = consoleEndpoint(operationId).roles;
  return roles === null || roles.includes(role);
}

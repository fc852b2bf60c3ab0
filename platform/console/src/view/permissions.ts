import { consoleEndpoint, type ConsoleOperationId } from '../../../contract/console/endpoints';
import type { ConsoleRole } from '../../../contract/console/users';
import { STATION_WORKERS } from '../../../contract/console/endpoint-shape';

/**
 * What the console shows a role, read from the same table the platform enforces
 * (CONSOLE_ENDPOINTS' roles): the page hides what the role cannot use, the server refuses it anyway.
 */
export function may(role: ConsoleRole, operationId: ConsoleOperationId): boolean {
  const roles = consoleEndpoint(operationId).roles;
  return roles === null || roles.includes(role);
}

/**
 * Who may go on duty for 视频帮办 (docs/video-help.md): county and township admins and station
 * staff, each for the stations of its scope; technicians do not take calls. The agent socket is
 * not in CONSOLE_ENDPOINTS, so this follows the same rule the platform applies on `duty`.
 */
export function mayTakeVideoCalls(role: ConsoleRole): boolean {
  return STATION_WORKERS.includes(role);
}

import type { ZodObject, ZodType } from 'zod';
import { ConsoleRole } from './users';

/** One console API endpoint: the shape every area's table (endpoints.ts and its parts) follows. */

export const ALL: readonly ConsoleRole[] = ConsoleRole.options;
export const ADMINS: readonly ConsoleRole[] = ['countyAdmin', 'townshipAdmin'];
export const OPERATORS: readonly ConsoleRole[] = ['countyAdmin', 'townshipAdmin', 'technician'];

export interface ConsoleEndpoint {
  readonly operationId: string;
  readonly method: 'get' | 'post';
  /** Under CONSOLE_API_BASE_PATH, `{param}` syntax. */
  readonly path: string;
  readonly summary: string;
  /** null: no session needed (signing in). */
  readonly roles: readonly ConsoleRole[] | null;
  readonly pathParams?: ZodObject;
  readonly query?: ZodObject;
  readonly body?: ZodType;
  /**
   * The body is bytes of one of these types, not JSON (a call recording); the handler gets them
   * as they came, up to maxBytes.
   */
  readonly upload?: { readonly contentTypes: readonly string[]; readonly maxBytes: number };
  readonly status: 200 | 201;
  /**
   * `png`: the answer is image bytes, not JSON. `download`: a file streamed as it is made (a 台账
   * export), with its own content type and a Content-Disposition file name.
   */
  readonly response: ZodType | 'png' | 'download';
}

/** Station staff's work: staff themselves and the admins above them (technicians do not run counters). */
export const STATION_WORKERS: readonly ConsoleRole[] = ['countyAdmin', 'townshipAdmin', 'stationStaff'];

/**
 * The little of a logger the service-manager link needs; the kiosk's pino logger fits it, and a
 * test can record what was said.
 */
export interface ServiceLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

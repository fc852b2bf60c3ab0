/**
 * Where the platform keeps its data (docs/county-scale.md): one SQLite file (embedded, a single
 * station, tests) or a PostgreSQL database (a county or province, several instances). The password
 * never sits in the URL on a command line: it comes from a file or the environment.
 */
export type DatabaseConfig =
  | { readonly engine: 'sqlite'; readonly path: string }
  | {
      readonly engine: 'postgres';
      /** postgres://user@host:port/database (a password in it works but shows up in `ps`). */
      readonly url: string;
      readonly password?: string;
      /** Connections this instance may hold; 10 unless given. */
      readonly maxConnections?: number;
    };

/** For log lines and messages: never the password. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.engine === 'sqlite') return config.path;
  try {
    const url = new URL(config.url);
    url.password = '';
    return url.toString();
  } catch {
    return 'postgres (unparsable URL)';
  }
}

/**
 * The two `node:fs` functions the stylesheet test uses, and nothing else: the renderer program has
 * no Node types on purpose, and the layer lint rule bans `node:*` outside tests. Needed because
 * vitest turns every CSS import, `?raw` included, into an empty string under this project's config.
 */
declare module 'node:fs' {
  export function readFileSync(path: URL, encoding: 'utf8'): string;
  export function readdirSync(
    path: URL,
    options: { withFileTypes: true },
  ): Array<{ readonly name: string; isDirectory(): boolean }>;
}

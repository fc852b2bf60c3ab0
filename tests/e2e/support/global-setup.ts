import { buildConsole, consoleIsStale } from '../../../scripts/build-console';
import { buildRenderer, rendererIsStale } from '../../../scripts/build-renderer';

/**
 * Once, before any worker starts: the renderer bundle the kiosks serve. `npm start` builds it when
 * the sources are newer, but with two workers two kiosks starting at once would both build into
 * out/renderer and serve each other half-written files.
 */
export default async function globalSetup(): Promise<void> {
  if (rendererIsStale()) await buildRenderer();
  // The county console, which the platform processes of the fleet tests serve at /console.
  if (consoleIsStale()) await buildConsole();
}

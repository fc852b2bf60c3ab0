/**
 * Developer tool: serves the built renderer (out/renderer) with the kiosk API over a small fixture
 * catalog in memory, no platform and no store on disk. For working on screens before anything
 * else runs; `npm start` is the real thing.
 *   npx tsx scripts/dev-fixture-host.ts [--port 5190]
 */
import { resolve } from 'node:path';
import { startBrowserHost } from '../core/serve/browser-host';
import { catalogFixture } from '../tests/helpers/catalog-fixture';
import { createTestCore } from '../tests/helpers/test-core';

const portFlag = process.argv.indexOf('--port');
const port = portFlag > 0 ? Number(process.argv[portFlag + 1]) : 0;
const core = createTestCore({ catalog: catalogFixture() });
const host = await startBrowserHost({ core, rendererDir: resolve(import.meta.dirname, '../out/renderer'), port });
console.log(`fixture host at ${host.url}`);

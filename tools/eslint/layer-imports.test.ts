import { join } from 'node:path';
import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import { layerImports } from './layer-imports.js';

const root = '/repo';
const at = (file: string) => join(root, file);

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });
const options = [{ root }];

tester.run('layer-imports', layerImports, {
  valid: [
    // Every layer may use the pure layer.
    {
      filename: at('drivers/idcard/card-text.ts'),
      code: "import { isValidIdNumber } from '../../core/pure/id-number';",
      options,
    },
    { filename: at('renderer/src/app.tsx'), code: "import { ok } from '../../core/pure/result';", options },
    // The county console: its own folder, the platform contract, the pure layer, the kiosk's colour tokens.
    {
      filename: at('platform/console/src/api/client.ts'),
      code: "import { CONSOLE_ENDPOINTS } from '../../../contract/console/endpoints';",
      options,
    },
    {
      filename: at('platform/console/src/main.tsx'),
      code: "import '../../../renderer/src/styles/tokens.css';",
      options,
    },
    { filename: at('platform/console/src/main.tsx'), code: "import { createRoot } from 'react-dom/client';", options },
    { filename: at('platform/contract/catalog.ts'), code: "import { ok } from '../../core/pure/result';", options },
    { filename: at('platform/server/db/open.ts'), code: "import { ok } from '../../../core/pure/result';", options },
    {
      filename: at('kiosk-config/station.ts'),
      code: "import { DisplayPhone } from '../platform/contract/catalog';",
      options,
    },
    {
      filename: at('renderer/src/test/fixture.ts'),
      code: "import { kioskInfoFixture } from '../../../tests/helpers/kiosk-info-fixture';",
      options,
    },
    { filename: at('renderer/src/app.tsx'), code: "import { contract } from '../../core/api/contract';", options },
    { filename: at('renderer/src/app.tsx'), code: "import { Guide } from '../../platform/contract/catalog';", options },
    { filename: at('renderer/src/app.tsx'), code: "import React from 'react';", options },
    { filename: at('core/app/start.ts'), code: "import { x } from '../../platform/embedded';", options },
    {
      // The speech cache's list of fixed prompts is the renderer's own: two pure files, by name.
      filename: at('core/speech/fixed-prompts.ts'),
      code: "import { fixedPromptTexts } from '../../renderer/src/voice/fixed-prompt-texts';",
      options,
    },
    {
      filename: at('core/app/start.ts'),
      code: "import Database from 'better-sqlite3'; import { join } from 'node:path';",
      options,
    },
    { filename: at('core/api/contract.ts'), code: "import { Station } from '../../kiosk-config/station';", options },
    {
      filename: at('electron/main/ipc.ts'),
      code: "import { ipcMain } from 'electron'; import { x } from '../../core/api/dispatcher';",
      options,
    },
    { filename: at('drivers/printer/device.ts'), code: "import { ok } from '../../core/pure/result';", options },
    {
      filename: at('core/catalog/sync.test.ts'),
      code: "import { catalogFixture } from '../../tests/helpers/catalog-fixture';",
      options,
    },
    { filename: at('scripts/start.ts'), code: "import { anything } from '../renderer/src/app';", options },
    {
      // Tests and the kit itself may use the kit.
      filename: at('core/queue/handlers.test.ts'),
      code: "import { fakeDevices } from '../testing/fake-devices';",
      options,
    },
    {
      filename: at('core/testing/service-deps.ts'),
      code: "import { startOutboxDelivery } from '../outbox'; import { x } from '../../tests/helpers/staffed-clock';",
      options,
    },
  ],
  invalid: [
    {
      filename: at('core/pure/at-most.ts'),
      code: "import { contract } from '../api/contract';",
      options,
      errors: [{ messageId: 'wrongWay' }],
    },
    {
      filename: at('core/pure/result.ts'),
      code: "import { readFileSync } from 'node:fs';",
      options,
      errors: [{ messageId: 'nodeInPage' }],
    },
    {
      filename: at('renderer/src/screens/home.tsx'),
      code: "import { x } from '../../../tests/helpers/catalog-fixture';",
      options,
      errors: [{ messageId: 'testSupportInProduction' }],
    },
    {
      filename: at('core/app/start.ts'),
      code: "import { fakeDevices } from '../testing/fake-devices';",
      options,
      errors: [{ messageId: 'testSupportInProduction' }],
    },
    {
      filename: at('electron/main/host.ts'),
      code: "import { memoryStore } from '../../core/testing/memory-store';",
      options,
      errors: [{ messageId: 'testSupportInProduction' }],
    },
    {
      filename: at('core/outbox/delivery.ts'),
      code: "import { testSealer } from './testing';",
      options,
      errors: [{ messageId: 'testSupportInProduction' }],
    },
    {
      filename: at('renderer/src/app.tsx'),
      code: "import { renderEntry } from './components/keyboard/render-entry.testing';",
      options,
      errors: [{ messageId: 'testSupportInProduction' }],
    },
    {
      filename: at('renderer/src/app.tsx'),
      code: "import { openStore } from '../../core/store/open';",
      options,
      errors: [{ messageId: 'wrongWay' }],
    },
    {
      filename: at('renderer/src/app.tsx'),
      code: "import { readFileSync } from 'node:fs';",
      options,
      errors: [{ messageId: 'nodeInPage' }],
    },
    {
      filename: at('renderer/src/app.tsx'),
      code: "import { readFileSync } from 'fs';",
      options,
      errors: [{ messageId: 'nodeInPage' }],
    },
    {
      filename: at('renderer/src/app.tsx'),
      code: "import { ipcRenderer } from 'electron';",
      options,
      errors: [{ messageId: 'nodeInPage' }],
    },
    {
      filename: at('renderer/src/app.tsx'),
      code: "const m = await import('better-sqlite3');",
      options,
      errors: [{ messageId: 'nodeInPage' }],
    },
    {
      filename: at('core/api/contract.ts'),
      code: "import { join } from 'node:path';",
      options,
      errors: [{ messageId: 'nodeInPage' }],
    },
    {
      filename: at('core/api/contract.ts'),
      code: "import { openStore } from '../store/open';",
      options,
      errors: [{ messageId: 'wrongWay' }],
    },
    {
      filename: at('core/app/start.ts'),
      code: "import { app } from 'electron';",
      options,
      errors: [{ messageId: 'electronOutsideShell' }],
    },
    {
      filename: at('core/app/start.ts'),
      code: "import { x } from '../../renderer/src/app';",
      options,
      errors: [{ messageId: 'wrongWay' }],
    },
    {
      filename: at('core/speech/fixed-prompts.ts'),
      code: "import { x } from '../../renderer/src/voice/speech-player';",
      options,
      errors: [{ messageId: 'wrongWay' }],
    },
    {
      filename: at('core/app/start.ts'),
      code: "import { x } from '../../platform/server/app';",
      options,
      errors: [{ messageId: 'wrongWay' }],
    },
    {
      filename: at('core/app/start.ts'),
      code: "export * from '../../electron/main/window';",
      options,
      errors: [{ messageId: 'wrongWay' }],
    },
    {
      filename: at('drivers/printer/device.ts'),
      code: "import { BrowserWindow } from 'electron';",
      options,
      errors: [{ messageId: 'electronOutsideShell' }],
    },
    {
      filename: at('drivers/printer/device.ts'),
      code: "import { openStore } from '../../core/store/open';",
      options,
      errors: [{ messageId: 'wrongWay' }],
    },
    {
      filename: at('platform/server/app.ts'),
      code: "import { openStore } from '../../core/store/open';",
      options,
      errors: [{ messageId: 'wrongWay' }],
    },
    {
      filename: at('platform/console/src/api/client.ts'),
      code: "import { createPlatformApp } from '../../../server/app';",
      options,
      errors: [{ messageId: 'wrongWay' }],
    },
    {
      filename: at('platform/console/src/main.tsx'),
      code: "import '../../../renderer/src/styles/base.css';",
      options,
      errors: [{ messageId: 'wrongWay' }],
    },
    {
      filename: at('platform/console/src/api/client.ts'),
      code: "import { readFileSync } from 'node:fs';",
      options,
      errors: [{ messageId: 'nodeInPage' }],
    },
    {
      filename: at('platform/contract/catalog.ts'),
      code: "import { readFileSync } from 'node:fs';",
      options,
      errors: [{ messageId: 'nodeInPage' }],
    },
    {
      filename: at('kiosk-config/load.ts'),
      code: "import { openStore } from '../core/store/open';",
      options,
      errors: [{ messageId: 'wrongWay' }],
    },
    {
      filename: at('core/app/handlers.ts'),
      code: "const x = require('electron');",
      options,
      errors: [{ messageId: 'electronOutsideShell' }],
    },
    {
      filename: at('core/serve/x.ts'),
      code: "import { catalogFixture } from '../../tests/helpers/catalog-fixture';",
      options,
      errors: [{ messageId: 'testSupportInProduction' }],
    },
  ],
});

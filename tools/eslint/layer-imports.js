// @ts-check
/**
 * Import directions between our layers (docs/architecture.md §2.2).
 * Folders are layers; a file may import only from the folders its layer lists, and some layers
 * may not touch Node built-ins or Node-only packages at all. Modelled on VS Code's
 * code-layering rule and Signal's no-restricted-paths (docs/design-anchors.md §7.1).
 */
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

const NODE_ONLY_PACKAGES = [
  'electron',
  'better-sqlite3',
  'serialport',
  'node-hid',
  'pino',
  'pino-roll',
  'hono',
  '@hono/node-server',
  'ws',
  'pinyin-pro',
];
const BUILTINS = new Set(builtinModules);

/**
 * Most specific layer first. `allow`: folders (or files) this layer may import from, besides
 * packages. `dom`: true when the code runs in a page, so Node built-ins and Node-only packages
 * are banned. `noElectron`: may not import electron even though it is Node code.
 * @type {Array<{ layer: string, allow: string[], dom?: boolean, pure?: boolean, noElectron?: boolean }>}
 */
export const LAYERS = [
  // What every layer shares and depends on nothing: Result, the ID-number check character, atMost.
  { layer: 'core/pure', allow: ['core/pure'], pure: true },
  { layer: 'core/api', allow: ['core/api', 'core/pure', 'platform/contract', 'kiosk-config/station.ts'], pure: true },
  { layer: 'platform/contract', allow: ['platform/contract', 'core/pure'], pure: true },
  // The browser side of a 视频帮办 call (RTCPeerConnection, getStats), one copy for the kiosk's
  // page and the county console's agent page (docs/video-help.md).
  { layer: 'platform/webrtc', allow: ['platform/webrtc', 'platform/contract', 'core/pure'], dom: true },
  // The console's build config runs in Node (Vite), not in the page.
  { layer: 'platform/console/vite.config.ts', allow: [] },
  // The county console runs in an office browser and talks to the platform only through its
  // contract. The kiosk's colour tokens are shared rather than copied (the palette and its
  // contrast checks live in one place); the console sets its own desktop sizes.
  {
    layer: 'platform/console',
    allow: ['platform/console', 'platform/contract', 'platform/webrtc', 'core/pure', 'renderer/src/styles/tokens.css'],
    dom: true,
  },
  {
    layer: 'renderer',
    allow: ['renderer', 'core/pure', 'core/api', 'platform/contract', 'platform/webrtc'],
    dom: true,
  },
  {
    layer: 'core',
    allow: [
      'core',
      'drivers',
      'kiosk-config',
      'platform/contract',
      'platform/embedded.ts',
      // The speech cache keeps fixed prompts only: core/speech/fixed-prompts.ts asks the renderer's
      // own (pure) list of them rather than keeping a copy that could drift.
      'renderer/src/voice/fixed-prompt-texts.ts',
      'renderer/src/voice/split-utterances.ts',
    ],
    noElectron: true,
  },
  { layer: 'drivers', allow: ['drivers', 'core/pure', 'core/api'], noElectron: true },
  // The call display (叫号屏) runs on a station's TV and reads only its contract.
  { layer: 'platform/display/vite.config.ts', allow: [] },
  { layer: 'platform/display', allow: ['platform/display', 'platform/contract', 'core/pure'], dom: true },
  {
    layer: 'platform',
    allow: [
      'platform',
      'core/pure',
      // Call displays speak with the kiosk's own offline engine rather than a second copy of it
      // (platform/server/call-display/announcement-audio.ts): the engine, its types and the
      // Chinese numerals and its WAV reader, nothing else of core/.
      'core/speech/espeak-engine.ts',
      'core/speech/types.ts',
      'core/speech/wav.ts',
      'core/speech/chinese-numbers.ts',
    ],
    noElectron: true,
  },
  {
    layer: 'kiosk-config',
    allow: ['kiosk-config', 'core/pure', 'platform/contract'],
    noElectron: true,
  },
  { layer: 'electron', allow: ['electron', 'core', 'drivers', 'kiosk-config', 'platform/contract'] },
];

/** @param {string} path */
const toPosix = (path) => path.split(sep).join('/');

/** @param {string} relPath @param {string} folder */
const within = (relPath, folder) =>
  relPath === folder ||
  relPath.startsWith(`${folder}/`) ||
  relPath === folder.replace(/\.ts$/, '') ||
  relPath.startsWith(folder.replace(/\.ts$/, '') + '.');

/** @param {string} relPath */
export function layerOf(relPath) {
  return LAYERS.find((entry) => within(relPath, entry.layer));
}

/**
 * Test support: fakes, fixtures and harnesses (core/testing/ first of all). Shipped code may not
 * import them, so a fake can never stand in for a device or the platform on a station.
 * @param {string} relPath without or with its extension
 */
export function isTestSupport(relPath) {
  return (
    /(^|\/)(test|testing|tests)\//.test(relPath) ||
    /^tests\//.test(relPath) ||
    /(^|\/)testing(\.tsx?)?$/.test(relPath) ||
    /\.(testing|test-support)(\.tsx?)?$/.test(relPath)
  );
}

/** @param {string} specifier */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** @type {import('eslint').Rule.RuleModule} */
export const layerImports = {
  meta: {
    type: 'problem',
    docs: { description: 'enforce the import directions between kiosk layers' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      wrongWay: '{{from}} may not import {{target}} (allowed: {{allowed}}); see docs/architecture.md §2.2',
      nodeInPage: '{{from}} runs in a page or must stay environment-free: it may not import {{target}}',
      electronOutsideShell: 'only electron/ may import electron; {{from}} must stay host-agnostic',
      testSupportInProduction:
        '{{from}} is shipped code and may not import test support ({{target}}); fakes and fixtures are for tests only',
    },
  },
  create(context) {
    const root = /** @type {{root?: string}} */ (context.options[0] ?? {}).root ?? context.cwd;
    const file = toPosix(relative(root, context.filename));
    const layer = layerOf(file);
    if (!layer) return {};
    // Tests, and test support (core/testing/, `testing/` and `test/` folders, `*.testing.tsx`,
    // `*.test-support.ts`), sit beside the code they test and may use the shared helpers in tests/.
    const isTest = /\.test\.tsx?$/.test(file) || isTestSupport(file);
    const entry = isTest ? { ...layer, allow: [...layer.allow, 'tests'] } : layer;

    /** @param {import('estree').Node} node @param {unknown} source */
    function check(node, source) {
      if (typeof source !== 'string') return;
      if (source.startsWith('.')) {
        const target = toPosix(relative(root, resolve(dirname(context.filename), source)));
        if (!isTest && isTestSupport(target)) {
          context.report({ node, messageId: 'testSupportInProduction', data: { from: file, target } });
          return;
        }
        if (!entry.allow.some((folder) => within(target, folder))) {
          context.report({
            node,
            messageId: 'wrongWay',
            data: { from: entry.layer, target, allowed: entry.allow.join(', ') },
          });
        }
        return;
      }
      const name = packageName(source);
      const isBuiltin = source.startsWith('node:') || BUILTINS.has(name);
      // Tests run under Node (vitest) even for page code, and may read files or open sockets.
      if (!isTest && (entry.dom || entry.pure) && (isBuiltin || NODE_ONLY_PACKAGES.includes(name))) {
        context.report({ node, messageId: 'nodeInPage', data: { from: entry.layer, target: source } });
        return;
      }
      if (entry.noElectron && name === 'electron') {
        context.report({ node, messageId: 'electronOutsideShell', data: { from: entry.layer } });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') {
          const [arg] = node.arguments;
          if (arg && arg.type === 'Literal') check(node, arg.value);
        }
      },
    };
  },
};

export default { rules: { 'layer-imports': layerImports } };

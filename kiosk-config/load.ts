import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { err, ok, type Result } from '../core/pure/result';
import { describeConfigIssues } from './format-issues';
import { KioskConfig } from './schema';

export interface LoadedConfig {
  readonly config: KioskConfig;
  /** The file it came from, absolute. */
  readonly sourcePath: string;
  /** `data.dir` resolved against the config file's folder. */
  readonly dataDir: string;
  /** `data.keyFile` resolved, or its default: `.kiosk-keys/data-key` beside the data folder. */
  readonly dataKeyPath: string;
  /** `platform.tokenFile` resolved, for a remote platform. */
  readonly platformTokenPath: string | null;
  /**
   * The embedded platform's data key: `platform.dataKeyFile` resolved, or `platform-data-key`
   * beside the kiosk's own key — outside the data folder too, so a copy of that folder opens nothing.
   */
  readonly embeddedPlatformKeyPath: string | null;
}

export interface ConfigError {
  readonly sourcePath: string;
  /** One line per problem, each naming the field, the value and what is allowed. */
  readonly problems: readonly string[];
}

/** `KIOSK_CONFIG=<file>` chooses another config; otherwise the default one shipped in kiosk-config/. */
export function resolveConfigPath(env: NodeJS.ProcessEnv, defaultPath: string, cwd = process.cwd()): string {
  const chosen = env['KIOSK_CONFIG'];
  if (chosen && chosen.trim() !== '') return isAbsolute(chosen) ? chosen : resolve(cwd, chosen);
  return defaultPath;
}

export function loadKioskConfig(path: string): Result<LoadedConfig, ConfigError> {
  const sourcePath = resolve(path);
  let text: string;
  try {
    text = readFileSync(sourcePath, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : String(error);
    return err({ sourcePath, problems: [`cannot read the config file: ${reason}`] });
  }
  return parseKioskConfig(text, sourcePath);
}

export function parseKioskConfig(text: string, sourcePath: string): Result<LoadedConfig, ConfigError> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return err({ sourcePath, problems: [`the file is not valid JSON: ${(error as Error).message}`] });
  }
  const parsed = KioskConfig.safeParse(raw);
  if (!parsed.success) {
    return err({ sourcePath, problems: describeConfigIssues(parsed.error.issues, raw) });
  }
  const config = parsed.data;
  const base = dirname(sourcePath);
  const dataDir = resolve(base, config.data.dir);
  const dataKeyPath =
    config.data.keyFile === undefined
      ? join(dirname(dataDir), '.kiosk-keys', 'data-key')
      : resolve(base, config.data.keyFile);
  const inside = relative(dataDir, dataKeyPath);
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
    return err({
      sourcePath,
      problems: [
        config.data.keyFile === undefined
          ? `data.dir (${dataDir}) leaves no folder outside it for the data key; set data.keyFile to a file outside it`
          : `data.keyFile: ${JSON.stringify(config.data.keyFile)} (${dataKeyPath}) is inside data.dir (${dataDir}); the data ` +
            'key must live outside the data folder, e.g. "../.kiosk-keys/data-key"',
      ],
    });
  }
  return ok({
    config,
    sourcePath,
    dataDir,
    dataKeyPath,
    platformTokenPath: config.platform.mode === 'remote' ? resolve(base, config.platform.tokenFile) : null,
    embeddedPlatformKeyPath:
      config.platform.mode === 'embedded'
        ? config.platform.dataKeyFile === undefined
          ? join(dirname(dataKeyPath), 'platform-data-key')
          : resolve(base, config.platform.dataKeyFile)
        : null,
  });
}

/** The message printed when start-up stops on a broken config. */
export function formatConfigError(error: ConfigError): string {
  return [
    `kiosk-config: ${error.sourcePath} is not a valid kiosk configuration:`,
    ...error.problems.map((problem) => `  - ${problem}`),
    'Fix the file (see kiosk-config/README.md for every setting) and start again.',
  ].join('\n');
}

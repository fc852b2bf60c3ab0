import type { SpeechConfig } from '../../kiosk-config/schema';
import { assertNever } from '../pure/result';
import { createEspeakEngine, DEFAULT_ESPEAK_PATH, probeEspeakVersion } from './espeak-engine';
import type { SpeechEngine } from './types';

/** The station's configured engine, or null when speech is switched off. */
export async function speechEngineFromConfig(config: SpeechConfig): Promise<SpeechEngine | null> {
  switch (config.engine) {
    case 'none':
      return null;
    case 'espeak-ng': {
      const path = config.espeakPath ?? DEFAULT_ESPEAK_PATH;
      return createEspeakEngine({ path, binaryVersion: await probeEspeakVersion(path) });
    }
    default:
      return assertNever(config.engine, 'speech engine');
  }
}

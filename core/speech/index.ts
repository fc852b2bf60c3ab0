export { createEspeakEngine, DEFAULT_ESPEAK_PATH, ESPEAK_SPEEDS, probeEspeakVersion } from './espeak-engine';
export { speechEngineFromConfig } from './from-config';
export { createSpeechService, type SpeechService, type SpeechServiceOptions } from './service';
export type { SpeechEngine, SpeechFailure, SynthesisRequest } from './types';

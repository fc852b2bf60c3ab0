import fc from 'fast-check';

/** What the runner and its worker threads tell each other, and how failures are written down. */

export interface WorkerInput {
  readonly target: string;
  /** Module URL and export of the FuzzTarget (the registry's, or a test's). */
  readonly module: string;
  readonly exportName: string;
  readonly budgetMs: number;
  /** The run's seed; each property derives its own from it (propertySeed). */
  readonly seed: number;
  /** Int32 [property index, inputs started in that property]. */
  readonly progress: SharedArrayBuffer;
  /** Replay: only this property … */
  readonly property?: string;
  /** … at this fast-check path (from a saved failure). */
  readonly path?: string;
}

export interface PropertyReport {
  readonly name: string;
  readonly runs: number;
  readonly ms: number;
}

export interface FailureReport {
  readonly kind: 'counterexample' | 'hang' | 'crash' | 'unhandledRejection' | 'uncaughtException';
  readonly target: string;
  readonly property: string;
  readonly seed: number;
  /** fast-check's replay path: with the seed, reproduces the (shrunk) input. */
  readonly path?: string;
  readonly counterexample?: string;
  readonly error: string;
  /** For failures that surface after their input (rejections, hangs): the inputs tried last. */
  readonly recentInputs: readonly string[];
}

export type WorkerMessage =
  | { readonly type: 'setup'; readonly ms: number; readonly properties: readonly string[] }
  | { readonly type: 'property'; readonly report: PropertyReport }
  | { readonly type: 'failure'; readonly failure: FailureReport }
  | { readonly type: 'done' };

/** A property's seed: the run's seed mixed with its name (FNV-1a), so properties differ but replay. */
export function propertySeed(runSeed: number, target: string, property: string): number {
  let hash = 0x811c9dc5;
  for (const char of `${target}/${property}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  return (runSeed ^ hash) | 0;
}

const MAX_SHOWN = 20_000;

/** fast-check's own notation (replayable in a test), cut short for very large inputs. */
export function showInput(value: unknown): string {
  let text: string;
  try {
    text = fc.stringify(value);
  } catch (error) {
    text = `(cannot show this input: ${String(error)})`;
  }
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}… (${text.length} characters)` : text;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  try {
    return `non-Error thrown: ${fc.stringify(error)}`;
  } catch {
    return `non-Error thrown: ${String(error)}`;
  }
}

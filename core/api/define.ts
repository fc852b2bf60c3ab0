import type { z } from 'zod';

/**
 * One API method: a zod schema for its input and output, the domain error codes it may return,
 * and a sentence for the generated documentation. Every method takes one plain object and returns
 * plain data (reference/model-codebases.md §5.3).
 */
export interface MethodSpec<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  E extends string = string,
> {
  readonly input: I;
  readonly output: O;
  readonly errors: readonly E[];
  readonly description: string;
}

export function defineMethod<I extends z.ZodType, O extends z.ZodType, const E extends string = never>(spec: {
  input: I;
  output: O;
  errors?: readonly E[];
  description: string;
}): MethodSpec<I, O, E> {
  return { errors: [], ...spec };
}

/** One event pushed from the host to the renderer. */
export interface EventSpec<P extends z.ZodType = z.ZodType> {
  readonly payload: P;
  readonly description: string;
}

export function defineEvent<P extends z.ZodType>(spec: { payload: P; description: string }): EventSpec<P> {
  return spec;
}

import type { z } from 'zod';

/**
 * Who may call a method. The dispatcher asks the host's access guard before a handler runs, so a
 * method is protected by what its contract entry says, not by each handler remembering to check
 * (docs/privacy.md):
 * - `public`: anyone at the screen: the catalog, devices, tickets, booking, a new application …
 * - `person`: reads or changes what is stored about the signed-in person (their cases, their
 *   appointments, their history): needs an identity the kiosk verified, i.e. the ID card read
 *   from its chip. A typed number is not proof: in a village an ID number is not a secret.
 * - `technician`: carries the token of a technician session opened with the PIN.
 * - `development`: a development build only (`KIOSK_DEV=1` on a development checkout).
 */
export type MethodAccess = 'public' | 'person' | 'technician' | 'development';

/** The error codes the access guard may answer for each kind of access, before the handler runs. */
export const guardErrors = {
  public: [],
  person: ['notSignedIn', 'cardRequired'],
  technician: ['notAuthorised'],
  development: ['notAvailable'],
} as const satisfies Record<MethodAccess, readonly string[]>;
export type GuardErrorOf<A extends MethodAccess> = (typeof guardErrors)[A][number];

/**
 * One API method: a zod schema for its input and output, who may call it, the domain error codes
 * it may return, and a sentence for the generated documentation. Every method takes one plain
 * object and returns plain data (docs/architecture.md §3).
 */
export interface MethodSpec<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  E extends string = string,
  A extends MethodAccess = MethodAccess,
> {
  readonly input: I;
  readonly output: O;
  readonly access: A;
  /** The method's own errors and those its access guard may answer. */
  readonly errors: readonly E[];
  readonly description: string;
}

export function defineMethod<
  I extends z.ZodType,
  O extends z.ZodType,
  A extends MethodAccess,
  const E extends string = never,
>(spec: {
  input: I;
  output: O;
  access: A;
  errors?: readonly E[];
  description: string;
}): MethodSpec<I, O, E | GuardErrorOf<A>, A> {
  const own: readonly string[] = spec.errors ?? [];
  const errors = [...new Set([...own, ...guardErrors[spec.access]])] as (E | GuardErrorOf<A>)[];
  return { ...spec, errors };
}

/** One event pushed from the host to the renderer. */
export interface EventSpec<P extends z.ZodType = z.ZodType> {
  readonly payload: P;
  readonly description: string;
}

export function defineEvent<P extends z.ZodType>(spec: { payload: P; description: string }): EventSpec<P> {
  return spec;
}

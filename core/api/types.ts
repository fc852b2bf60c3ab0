import type { z } from 'zod';
import type { EventSpec, MethodSpec } from './define';
import type { ApiError, DomainError } from './errors';
import type { Result } from '../pure/result';

/** Any contract: named methods and named events. The kiosk's own is `contract` in ./contract. */
export interface ContractShape {
  readonly methods: Readonly<Record<string, MethodSpec>>;
  readonly events: Readonly<Record<string, EventSpec>>;
}

export type MethodName<C extends ContractShape> = keyof C['methods'] & string;
export type EventName<C extends ContractShape> = keyof C['events'] & string;

type Spec<C extends ContractShape, M extends MethodName<C>> = C['methods'][M];

/** What a caller passes (defaults may be left out). */
export type InputOf<C extends ContractShape, M extends MethodName<C>> = z.input<Spec<C, M>['input']>;
/** What a handler receives after validation (defaults filled in). */
export type ParsedInputOf<C extends ContractShape, M extends MethodName<C>> = z.output<Spec<C, M>['input']>;
/** What a caller receives. */
export type OutputOf<C extends ContractShape, M extends MethodName<C>> = z.output<Spec<C, M>['output']>;
export type ErrorCodeOf<C extends ContractShape, M extends MethodName<C>> = Spec<C, M>['errors'][number];
export type PayloadOf<C extends ContractShape, E extends EventName<C>> = z.output<C['events'][E]['payload']>;

/** The answer to one call, as it crosses the process boundary. */
export type Response<C extends ContractShape, M extends MethodName<C>> = Result<
  OutputOf<C, M>,
  ApiError<ErrorCodeOf<C, M>>
>;

export interface CallContext {
  /** Which host received the call; for logs. */
  readonly host: 'electron' | 'browser' | 'test';
  /** Correlates the call in the host log. */
  readonly requestId: string;
}

export type Handler<C extends ContractShape, M extends MethodName<C>> = (
  input: ParsedInputOf<C, M>,
  ctx: CallContext,
) =>
  | Result<z.input<Spec<C, M>['output']>, DomainError<ErrorCodeOf<C, M>>>
  | Promise<Result<z.input<Spec<C, M>['output']>, DomainError<ErrorCodeOf<C, M>>>>;

export type Handlers<C extends ContractShape> = { [M in MethodName<C>]: Handler<C, M> };

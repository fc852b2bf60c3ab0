import { z } from 'zod';
import type { MethodAccess } from './define';
import { type ApiError, type DomainError, issuesFromZod } from './errors';
import { err, ok, type Result } from '../pure/result';
import type { CallContext, ContractShape, Handlers } from './types';

/** Where the dispatcher reports bugs; a host passes its logger. */
export interface DispatchLog {
  error(fields: Record<string, unknown>, message: string): void;
  debug?(fields: Record<string, unknown>, message: string): void;
}

export type Dispatch = (method: unknown, input: unknown, ctx: CallContext) => Promise<Result<unknown, ApiError>>;

/**
 * Decides, before the input is validated and a handler runs, whether this call may go ahead: null
 * lets it through, an error (one of `guardErrors[access]`) answers the caller instead. `input` is
 * the input as the caller sent it (unknown shape: read it defensively). The host builds it from what it knows
 * (who signed in and how, technician sessions, development mode).
 */
export type AccessGuard = (
  access: MethodAccess,
  call: { method: string; input: unknown },
) => DomainError<string> | null;

/** Without a guard only public methods run: a host that forgot to pass one fails closed. */
const publicOnly: AccessGuard = (access) =>
  access === 'public' ? null : { code: 'forbidden', message: 'this host grants no access beyond public methods' };

const MethodNameSchema = z.string().min(1).max(100);

/**
 * Asks the access guard, validates every call against the contract, runs the handler, validates
 * its answer.
 * It never throws and never rejects: a bad method name, bad input, a handler that throws or
 * returns something off-contract all become an ApiError for the caller, and the bugs among
 * them are logged with the request id (the caller gets no internals).
 */
export function createDispatcher<C extends ContractShape>(
  contract: C,
  handlers: Handlers<C>,
  log: DispatchLog,
  guard: AccessGuard = publicOnly,
): Dispatch {
  const methods = contract.methods as Readonly<Record<string, C['methods'][string]>>;
  const handlerTable = handlers as unknown as Record<
    string,
    (
      input: unknown,
      ctx: CallContext,
    ) =>
      Result<unknown, { code: string; message: string }> | Promise<Result<unknown, { code: string; message: string }>>
  >;

  return async (method, input, ctx) => {
    const name = MethodNameSchema.safeParse(method);
    if (!name.success || !Object.hasOwn(methods, name.data)) {
      return err({ code: 'unknownMethod', message: `unknown method ${JSON.stringify(String(method)).slice(0, 120)}` });
    }
    const spec = methods[name.data];
    const handler = handlerTable[name.data];
    if (!spec || !handler) {
      log.error({ method: name.data, requestId: ctx.requestId }, 'contract method has no handler');
      return err({ code: 'internal', message: 'internal error' });
    }

    // The guard goes first, on the input as sent: a caller without access learns nothing about
    // what the method expects, and a call without its token is refused as unauthorised.
    const refused = guard(spec.access, { method: name.data, input });
    if (refused) {
      if (refused.code !== 'forbidden' && !spec.errors.includes(refused.code)) {
        log.error(
          { method: name.data, requestId: ctx.requestId, code: refused.code },
          'the guard answered an undeclared code',
        );
        return err({ code: 'internal', message: 'internal error' });
      }
      log.debug?.({ method: name.data, requestId: ctx.requestId, code: refused.code }, 'refused by the access guard');
      return err({ code: refused.code, message: refused.message });
    }

    // A schema that cannot parse at all (a contract bug such as a duplicate discriminator, which
    // zod reports only when it first parses) throws; it is answered like a throwing handler, never
    // left to reject the transport's promise and take the kiosk process down.
    try {
      return await checkedCall(spec, handler, name.data, input, ctx, log);
    } catch (error) {
      log.error({ method: name.data, requestId: ctx.requestId, err: error }, 'contract schema threw');
      return err({ code: 'internal', message: 'internal error' });
    }
  };
}

/** Input checked, handler run, its answer checked against the contract. */
async function checkedCall(
  spec: { input: z.ZodType; output: z.ZodType; errors: readonly string[] },
  handler: (
    input: unknown,
    ctx: CallContext,
  ) => Result<unknown, { code: string; message: string }> | Promise<Result<unknown, { code: string; message: string }>>,
  method: string,
  input: unknown,
  ctx: CallContext,
  log: DispatchLog,
): Promise<Result<unknown, ApiError>> {
  const parsed = spec.input.safeParse(input);
  if (!parsed.success) {
    return err({
      code: 'invalidInput',
      message: `invalid input for ${method}`,
      issues: issuesFromZod(parsed.error),
    });
  }

  let result: Result<unknown, { code: string; message: string }>;
  try {
    result = await handler(parsed.data, ctx);
  } catch (error) {
    log.error({ method, requestId: ctx.requestId, err: error }, 'handler threw');
    return err({ code: 'internal', message: 'internal error' });
  }

  if (!result.ok) {
    if (!spec.errors.includes(result.error.code)) {
      log.error(
        { method, requestId: ctx.requestId, code: result.error.code },
        'handler returned an undeclared error code',
      );
      return err({ code: 'internal', message: 'internal error' });
    }
    return err({ code: result.error.code, message: result.error.message });
  }

  const output = spec.output.safeParse(result.value);
  if (!output.success) {
    log.error(
      { method, requestId: ctx.requestId, issues: issuesFromZod(output.error) },
      'handler output does not match the contract',
    );
    return err({ code: 'internal', message: 'internal error' });
  }
  return ok(output.data);
}

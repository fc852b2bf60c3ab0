import { z } from 'zod';

/**
 * Errors every method can return, whatever its own domain errors are.
 * - invalidInput: the input did not match the method's schema (issues say where)
 * - unknownMethod: no such method in the contract
 * - forbidden: the caller is not our own page (Electron sender check, WebSocket origin check)
 * - internal: a bug on the host side; details are in the host log, never sent to the caller
 * - transport: the call never reached the host or its answer never came back
 */
export const baseErrorCodes = ['invalidInput', 'unknownMethod', 'forbidden', 'internal', 'transport'] as const;
export type BaseErrorCode = (typeof baseErrorCodes)[number];

export const ApiIssue = z.object({
  path: z.string(),
  message: z.string(),
});
export type ApiIssue = z.infer<typeof ApiIssue>;

export const ApiError = z.object({
  code: z.string(),
  message: z.string(),
  issues: z.array(ApiIssue).optional(),
});

/** An error as the caller sees it; `code` is a base code or one of the method's declared errors. */
export type ApiError<Code extends string = string> = {
  code: Code | BaseErrorCode;
  message: string;
  issues?: ApiIssue[];
};

/** What a handler returns for an expected failure: one of its declared codes and a developer message. */
export type DomainError<Code extends string> = { code: Code; message: string };

export function issuesFromZod(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

import { z } from 'zod';

/**
 * Error bodies: RFC 9457 problem details (`application/problem+json`) with one extension, `code`,
 * a stable machine-readable reason. Clients branch on `code`, never on `title` or `detail`: the
 * same HTTP status can mean "retry later" (409 idempotencyKeyInFlight) or "never retry" (409
 * ratingAlreadyExists).
 */

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Every code the platform answers with, grouped by the status that carries it. */
export const ProblemCode = z
  .enum([
    // 400
    'malformedJson',
    'idempotencyKeyMissing',
    'idempotencyKeyInvalid',
    // 401 / 403 / 404
    'unauthorized',
    'forbidden',
    'notFound',
    'caseNotFound',
    // 409
    'idempotencyKeyInFlight',
    'ratingAlreadyExists',
    'dailyCapReached',
    'queueClosed',
    'slotFull',
    'appointmentNotActive',
    'ticketRangeExhausted',
    'terminalAlreadyEnrolled',
    'conflict',
    // 413 / 415
    'payloadTooLarge',
    'unsupportedMediaType',
    // 422
    'idempotencyKeyReused',
    'validationFailed',
    'hashMismatch',
    'unknownMatter',
    'matterVersionOutdated',
    'materialMissing',
    'ratingOptionsOutdated',
    'ticketOutsideRange',
    'enrolmentCodeInvalid',
    // 429 / 5xx
    'rateLimited',
    'internalError',
    'notImplemented',
    'serviceUnavailable',
  ])
  .meta({
    id: 'ProblemCode',
    description:
      'Stable reason for an error. Retry later: idempotencyKeyInFlight, rateLimited, serviceUnavailable, internalError. ' +
      'Never retry the same request: every 4xx code except those; idempotencyKeyReused means the client reused a key ' +
      'for a different request, which is a client bug to quarantine.',
  });
export type ProblemCode = z.infer<typeof ProblemCode>;

export const ProblemFieldError = z
  .object({
    path: z.string().describe('JSON pointer-like path into the request, e.g. /applicant/person/idNumber'),
    message: z.string(),
  })
  .meta({ id: 'ProblemFieldError', description: 'One validation failure.' });
export type ProblemFieldError = z.infer<typeof ProblemFieldError>;

export const Problem = z
  .object({
    type: z.string().min(1).describe('a URI reference naming the problem type: urn:bianmin:problem:<code>'),
    title: z.string().min(1).describe('short, human-readable summary of the problem type'),
    status: z.number().int().min(400).max(599),
    detail: z.string().describe('explanation of this occurrence; never contains personal data'),
    code: ProblemCode,
    instance: z.string().optional().describe('the request path this problem is about'),
    errors: z.array(ProblemFieldError).optional().describe('present when code is validationFailed'),
    retryAfterSeconds: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('same value as the Retry-After header, for 429 and 503'),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details with a stable `code`.' });
export type Problem = z.infer<typeof Problem>;

export function problemType(code: ProblemCode): string {
  return `urn:bianmin:problem:${code}`;
}

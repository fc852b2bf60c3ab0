import {
  PROBLEM_CONTENT_TYPE,
  problemType,
  type Problem,
  type ProblemCode,
  type ProblemFieldError,
} from '../../contract/problem';
import { jsonOutcome, toResponse, type Outcome } from './outcome';

/** RFC 9457 problem responses. Details never echo request data: bodies may carry ID numbers. */

const TITLES: Record<ProblemCode, string> = {
  malformedJson: 'The request body is not valid JSON',
  idempotencyKeyMissing: 'Idempotency-Key header is required',
  idempotencyKeyInvalid: 'Idempotency-Key header is malformed',
  unauthorized: 'Authentication required',
  forbidden: 'Not allowed for this terminal',
  notFound: 'Not found',
  caseNotFound: 'No such case',
  idempotencyKeyInFlight: 'A request with this Idempotency-Key is still being processed',
  ratingAlreadyExists: 'This case has already been rated',
  dailyCapReached: "Today's tickets for this service are used up",
  queueClosed: 'The queue is closed',
  slotFull: 'The slot is fully booked',
  appointmentNotActive: 'The appointment is not active',
  ticketRangeExhausted: 'No ticket numbers left to reserve',
  terminalAlreadyEnrolled: 'A kiosk with this id is already enrolled',
  conflict: 'The request conflicts with the current state',
  payloadTooLarge: 'The request body is too large',
  unsupportedMediaType: 'Unsupported content type',
  idempotencyKeyReused: 'Idempotency-Key was used for a different request',
  validationFailed: 'The request does not match the contract',
  hashMismatch: 'The body does not hash to the sha256 in the path',
  unknownMatter: 'Unknown matter',
  matterVersionOutdated: 'The matter version is outdated',
  materialMissing: 'A referenced material has not been uploaded',
  ratingOptionsOutdated: 'The rating options version is outdated',
  ticketOutsideRange: 'The ticket number is outside the reserved range',
  enrolmentCodeInvalid: 'The enrolment code is unknown, used or expired',
  rateLimited: 'Too many requests',
  internalError: 'Internal error',
  notImplemented: 'Not implemented by this platform yet',
  serviceUnavailable: 'Service temporarily unavailable',
};

export interface ProblemOptions {
  readonly instance?: string;
  readonly errors?: readonly ProblemFieldError[];
  readonly retryAfterSeconds?: number;
  readonly headers?: Record<string, string>;
}

export function problemBody(status: number, code: ProblemCode, detail: string, options: ProblemOptions = {}): Problem {
  return {
    type: problemType(code),
    title: TITLES[code],
    status,
    detail,
    code,
    ...(options.instance !== undefined ? { instance: options.instance } : {}),
    ...(options.errors !== undefined ? { errors: [...options.errors] } : {}),
    ...(options.retryAfterSeconds !== undefined ? { retryAfterSeconds: options.retryAfterSeconds } : {}),
  };
}

export function problemOutcome(
  status: number,
  code: ProblemCode,
  detail: string,
  options: ProblemOptions = {},
): Outcome {
  const retryAfter =
    options.retryAfterSeconds !== undefined ? { 'retry-after': String(options.retryAfterSeconds) } : undefined;
  const outcome = jsonOutcome(status, problemBody(status, code, detail, options), {
    ...options.headers,
    ...retryAfter,
  });
  return { ...outcome, headers: { ...outcome.headers, 'content-type': PROBLEM_CONTENT_TYPE } };
}

export function problemResponse(
  status: number,
  code: ProblemCode,
  detail: string,
  options: ProblemOptions = {},
): Response {
  return toResponse(problemOutcome(status, code, detail, options));
}

import type { Outcome } from '../http/outcome';
import { problemOutcome } from '../http/problem';

/** 422 validationFailed for one field whose value breaks a business rule the schema cannot see. */
export function fieldProblem(path: string, message: string): Outcome {
  return problemOutcome(422, 'validationFailed', message, { errors: [{ path, message }] });
}

export const notOwnStation = (path = '/stationId'): Outcome =>
  fieldProblem(path, "stationId must be this terminal's station");

import type { PrintResult } from '../../../../core/api/resident';
import type { Outcome } from './apply-api';
import type { ApplyContext } from './apply-context';
import { fieldsNamedIn } from './form-check';
import { firstMissingRequired } from './materials-phase';

/** Automatic resends after a transport failure before asking the resident to press 再试一次. */
export const AUTO_RETRIES = 2;

/** Core refused the form (invalidForm): back to it, marking the fields core named even when the kiosk's check passed. */
export function formRefused(context: ApplyContext, message: string): Partial<ApplyContext> {
  return {
    notice: 'invalidForm',
    showFormErrors: true,
    reviewing: true,
    refusedFields: fieldsNamedIn(message, context.draft?.fields ?? []),
  };
}

/** Core says a required material is missing: back to the first one not given. */
export function materialRefused(context: ApplyContext): Partial<ApplyContext> {
  return { notice: 'materialMissing', reviewing: true, materialIndex: firstMissingRequired(context) };
}

/** The staged PDFs are gone from core (e.g. it restarted): every material must be taken again. */
export const capturesLost: Partial<ApplyContext> = {
  notice: 'captureMissing',
  reviewing: true,
  materialIndex: 0,
  materials: {},
};

/** A reprint's answer: the receipt's print result, and a notice unless it came out on paper. */
export function reprinted(context: ApplyContext, output: Outcome<PrintResult>): Partial<ApplyContext> {
  return output.kind === 'ok' && context.receipt
    ? {
        receipt: { ...context.receipt, print: output.value },
        notice: output.value.output === 'paper' ? 'none' : 'reprintFailed',
      }
    : { notice: 'reprintFailed' };
}

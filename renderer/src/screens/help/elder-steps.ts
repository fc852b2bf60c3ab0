import type { KioskAssistanceKind as AssistanceKind } from '../../../../core/api/care';
import { checkHelpForm, type HelpForm, type HelpFormProblem } from './help-form';

/** 长辈版 asks one question per step (at most six choices on a screen). */
export type ElderHelpStep = 'kind' | 'time' | 'address' | 'day' | 'phone' | 'needs';

/** The questions for each kind of help, in order; only the kind is asked before it is known. */
export function elderStepsFor(kind: AssistanceKind | null): readonly ElderHelpStep[] {
  switch (kind) {
    case null:
      return ['kind'];
    case 'callback':
      return ['kind', 'time', 'phone', 'needs'];
    case 'homeVisit':
      return ['kind', 'address', 'day', 'phone', 'needs'];
    case 'agentAtStation':
      return ['kind', 'phone', 'needs'];
  }
}

/** The step after `step` for this kind, or null at the last one (提交 comes next). */
export function elderStepAfter(kind: AssistanceKind | null, step: ElderHelpStep): ElderHelpStep | null {
  const steps = elderStepsFor(kind);
  return steps[steps.indexOf(step) + 1] ?? null;
}

/** The step before `step`, or null on the first. */
export function elderStepBefore(kind: AssistanceKind | null, step: ElderHelpStep): ElderHelpStep | null {
  const steps = elderStepsFor(kind);
  const index = steps.indexOf(step);
  return index > 0 ? (steps[index - 1] ?? null) : null;
}

const PROBLEMS_OF: Record<ElderHelpStep, readonly HelpFormProblem[]> = {
  kind: ['kindMissing'],
  time: [],
  address: ['addressMissing'],
  day: [],
  phone: ['phoneMissing', 'phoneInvalid'],
  needs: [],
};

/** What keeps the resident on this step: the form's own problems that this step's question answers. */
export function elderStepProblems(form: HelpForm, step: ElderHelpStep): readonly HelpFormProblem[] {
  const checked = checkHelpForm(form, null, 'check');
  return checked.ok ? [] : checked.problems.filter((problem) => PROBLEMS_OF[step].includes(problem));
}

import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/use-t';
import type { ApplyContext } from './apply-context';
import { ApplyNoticeLine } from './ApplyNoticeLine';
import { FieldInput } from './FieldInput';
import { formProblems } from './form-check';

/** The form step's own controls beside a question: 上一项 (after the first) and 下一项 / 下一步. */
const navChoices = (index: number) => (index > 0 ? 2 : 1);

/**
 * The form in 长辈版: one question per step ("第 2 项，共 7 项"), so a screen never offers more
 * than one group of choices and a select's options are paged to six choices in all. 下一项 checks
 * only the question on screen; after the last one, 下一步 hands the whole form to the machine
 * as the standard form does. When the machine finds a problem (or the platform refused a field)
 * the step jumps to the first question that needs it. What is typed lives in the machine, so
 * switching between 长辈版 and the standard form keeps every answer.
 */
export function ElderFormStep({
  context,
  onChange,
  onNext,
}: {
  context: ApplyContext;
  onChange: (name: string, value: string) => void;
  onNext: () => void;
}) {
  const { t } = useT();
  const fields = context.draft?.fields ?? [];
  const problems = formProblems(fields, context.values);
  const refusedKey = context.refusedFields.join(' ');
  /** The first question the machine (or the platform) found a problem with, or 0. */
  const firstProblem = () => {
    if (!context.showFormErrors && refusedKey === '') return 0;
    const first = fields.findIndex(
      (field) => problems[field.name] !== undefined || context.refusedFields.includes(field.name),
    );
    return Math.max(0, first);
  };
  const [at, setAt] = useState(firstProblem);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  // When the machine reports problems anew (not on every keystroke), go to the first of them.
  const problemKey = `${context.showFormErrors} ${refusedKey}`;
  const [seenProblemKey, setSeenProblemKey] = useState(problemKey);
  if (problemKey !== seenProblemKey) {
    setSeenProblemKey(problemKey);
    if (context.showFormErrors || refusedKey !== '') setAt(firstProblem());
  }

  const index = Math.min(at, Math.max(0, fields.length - 1));
  const stepRef = useRef<HTMLDivElement>(null);
  // Each question starts at the top of the step, with its counter and title in sight, however
  // far down the whole form had been scrolled before 长辈版 was turned on.
  useEffect(() => {
    stepRef.current?.scrollIntoView?.({ block: 'start' });
  }, [index]);
  const field = fields[index];
  if (!field) return null;
  const last = index === fields.length - 1;
  const problem = problems[field.name];
  const shownProblem = context.showFormErrors || checked.has(field.name) ? problem : undefined;
  const refused = context.refusedFields.includes(field.name);

  const next = () => {
    if (problem !== undefined) {
      setChecked(new Set([...checked, field.name]));
      return;
    }
    if (last) onNext();
    else setAt(index + 1);
  };

  return (
    <div className="apply-step apply-step--elder" data-testid="apply-form" data-question={field.name} ref={stepRef}>
      <ApplyNoticeLine notice={context.notice} />
      <p className="apply-question-counter" data-testid="apply-question-counter">
        {t('apply:elder.counter', { index: index + 1, count: fields.length })}
      </p>
      <div className="apply-fields">
        <FieldInput
          key={field.name}
          field={field}
          value={context.values[field.name] ?? ''}
          filledFrom={context.filledFrom[field.name] ?? 'none'}
          problem={shownProblem}
          refused={refused}
          onChange={(value) => onChange(field.name, value)}
          asStep={{ otherChoices: navChoices(index) }}
        />
      </div>
      <p className="apply-hint" data-speech="hint">
        {field.kind === 'select' ? t('apply:elder.hint.select') : t('apply:elder.hint.type')}
      </p>
      <div className="apply-actions apply-actions--nav">
        {index > 0 && (
          <button
            type="button"
            className="button"
            data-testid="apply-previous-question"
            onClick={() => setAt(index - 1)}
          >
            {t('apply:elder.previous')}
          </button>
        )}
        <button type="button" className="button button--primary" data-testid="apply-next" onClick={next}>
          {last ? t('apply:next') : t('apply:elder.next')}
        </button>
      </div>
    </div>
  );
}

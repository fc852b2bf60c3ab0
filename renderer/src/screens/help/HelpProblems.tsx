import { useT } from '../../i18n/use-t';
import type { HelpFormProblem } from './help-form';

/** What keeps the request from being sent, in plain words; nothing while all is well. */
export function HelpProblems({ problems }: { problems: readonly HelpFormProblem[] }) {
  const { t } = useT();
  if (problems.length === 0) return null;
  return (
    <ul className="help-problems" role="alert" data-testid="help-problems">
      {problems.map((problem) => (
        <li key={problem} data-problem={problem}>
          {t(`help:problems.${problem}`)}
        </li>
      ))}
    </ul>
  );
}

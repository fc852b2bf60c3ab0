import { useT } from '../../i18n/use-t';
import type { ApplyNotice } from './apply-context';

/** The plain-words line about what just went wrong, at the step it concerns. */
export function ApplyNoticeLine({ notice }: { notice: ApplyNotice }) {
  const { t } = useT();
  if (notice === 'none') return null;
  return (
    <p className="apply-notice" role="alert" data-testid="apply-notice" data-notice={notice}>
      {t(`apply:notice.${notice}`)}
    </p>
  );
}

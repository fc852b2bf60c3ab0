import type { ApiError } from '../../../core/api/errors';
import { CatalogEmpty } from './CatalogEmpty';
import { Problem } from './Problem';

/** The one place that decides how a failed catalog call looks. */
export function QueryFailure({ error, hotline, onRetry }: { error: ApiError; hotline: string; onRetry: () => void }) {
  if (error.code === 'catalogEmpty') return <CatalogEmpty hotline={hotline} />;
  return <Problem hotline={hotline} onRetry={onRetry} />;
}

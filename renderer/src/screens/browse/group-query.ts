import type { CatalogQuery } from '../../../../core/api/contract';
import type { Handling } from '../../../../platform/contract/catalog';
import type { MatterGroup } from '../../shell/shell-machine';

/**
 * Enough for a whole village catalog on one list (the contract's maximum): a resident scrolls or
 * pages through it, and a second request halfway would only be a second chance to fail.
 */
const LIST_LIMIT = 500;

export function groupQuery(
  group: MatterGroup,
  handling: Handling | null,
  departmentCode: string | null = null,
): CatalogQuery {
  const query: CatalogQuery = { limit: LIST_LIMIT };
  if (group.type === 'serviceKind') query.serviceKind = group.serviceKind;
  if (group.type === 'theme') query.themeId = group.themeId;
  if (handling) query.handling = handling;
  if (departmentCode) query.departmentCode = departmentCode;
  return query;
}

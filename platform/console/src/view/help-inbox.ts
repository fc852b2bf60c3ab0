import { AssistanceKind } from '../../../contract/assistance';
import type { HelpInboxItem } from '../../../contract/console/help-views';
import { HelpInboxQuery, HelpInboxStatus } from '../../../contract/console/help-views';
import { duration, type Duration } from './format';

/**
 * The help inbox's filters live in the URL (?status=&kind=&overdue=&station=), like the fleet's
 * (fleet-filters.ts): a filtered inbox can be bookmarked and survives the 15 s refresh.
 */
export type HelpFilters = {
  readonly status?: HelpInboxStatus;
  readonly kind?: AssistanceKind;
  readonly overdue?: 'true' | 'false';
  readonly station?: string;
};

const KEYS = ['status', 'kind', 'overdue', 'station'] as const;

/** Reads the filters from a query string; a value the contract would refuse is dropped, not sent. */
export function helpFiltersFromSearch(search: string): HelpFilters {
  const params = new URLSearchParams(search);
  const filters: Record<string, string> = {};
  for (const key of KEYS) {
    const value = params.get(key);
    if (value === null || value === '') continue;
    const checked = HelpInboxQuery.shape[key].safeParse(value);
    if (checked.success && checked.data !== undefined) filters[key] = checked.data;
  }
  return filters;
}

/** The query string for the filters in a fixed order; empty ones are left out. */
export function searchFromHelpFilters(filters: HelpFilters): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** One filter changed ('' clears it); values the contract refuses are dropped. */
export function withHelpFilter(filters: HelpFilters, change: Partial<Record<keyof HelpFilters, string>>): HelpFilters {
  const merged: Record<string, string | undefined> = { ...filters, ...change };
  return helpFiltersFromSearch(
    new URLSearchParams(
      Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
    ).toString(),
  );
}

export const INBOX_STATUSES: readonly HelpInboxStatus[] = HelpInboxStatus.options;
export const HELP_KINDS: readonly AssistanceKind[] = AssistanceKind.options;

/** How long a request has waited, in the unit a desk talks in: 45 min, 5 h, 2.5 d. */
export function waited(minutes: number): Duration {
  return duration(Math.max(0, minutes) * 60);
}

/**
 * What the row says about its deadline, in words as well as colour: overdue (no contact yet and
 * past the station's limit), due (open, no contact yet), contacted, or closed.
 */
export type DueState = 'overdue' | 'due' | 'contacted' | 'closed';

export function dueState(item: Pick<HelpInboxItem, 'status' | 'overdue' | 'contactCount'>): DueState {
  if (item.status === 'done' || item.status === 'cancelled') return 'closed';
  if (item.overdue) return 'overdue';
  return item.contactCount > 0 || item.status === 'inProgress' ? 'contacted' : 'due';
}

/** A request that is done or withdrawn takes no more steps; the page hides its forms. */
export const isClosed = (status: HelpInboxItem['status']): boolean => status === 'done' || status === 'cancelled';

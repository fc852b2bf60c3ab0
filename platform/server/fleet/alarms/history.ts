import type { EpochMs, FleetState } from './state';

/**
 * Forgets history before `before` so the stored state does not grow for ever (the wiring keeps
 * the months it reports on, e.g. thirteen). The status a kiosk had at `before` is kept, moved to
 * `before`, so a report from then on still knows where it starts.
 */
export function pruneHistory(state: FleetState, before: EpochMs): FleetState {
  const next = structuredClone(state);
  for (const kiosk of Object.values(next.kiosks)) {
    const { statusChanges, episodes } = kiosk.history;
    const later = statusChanges.filter((change) => change.at >= before);
    const standing = statusChanges.filter((change) => change.at < before).at(-1);
    kiosk.history.statusChanges =
      standing && later[0]?.at !== before ? [{ at: before, status: standing.status }, ...later] : later;
    kiosk.history.episodes = episodes.filter((episode) => episode.clearedAt >= before);
  }
  return next;
}

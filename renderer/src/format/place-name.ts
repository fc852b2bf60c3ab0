/**
 * A service point as a resident reads it: its name from the service map, this station's own name
 * for this station's id (the map may not list it, or may not be loaded yet), else the words the
 * caller gives ("原受理服务站"). Never the id: 370784-JZ-DB means nothing at a counter.
 */
export function placeName(
  id: string | null,
  known: ReadonlyMap<string, string>,
  station: { readonly id: string; readonly name: string },
  unknown: string,
): string {
  if (id === null) return unknown;
  return known.get(id) ?? (id === station.id ? station.name : unknown);
}

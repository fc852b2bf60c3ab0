/**
 * Values seen in answers, by property name, newest last: what the fuzzer offers back as inputs
 * (an appointment id it was given, a case number, the technician token), so calls get past
 * "notFound" into the code behind it. Collected from every answer, so a new id in a new method's
 * answer is picked up without anyone listing it.
 */
export class Harvest {
  private readonly seen = new Map<string, unknown[]>();

  add(key: string, value: unknown): void {
    const list = this.seen.get(key) ?? [];
    const identity = (v: unknown) => (typeof v === 'object' ? JSON.stringify(v) : v);
    if (list.some((known) => identity(known) === identity(value))) return;
    list.push(value);
    if (list.length > 40) list.shift();
    this.seen.set(key, list);
  }

  get(...keys: string[]): unknown[] {
    return keys.flatMap((key) => this.seen.get(key) ?? []);
  }

  /** Walks an answer and keeps short strings (ids, codes, versions) under their property names. */
  collect(value: unknown, depth = 0): void {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.slice(0, 50).forEach((item) => this.collect(item, depth + 1));
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'string' && item.length > 0 && item.length <= 128) this.add(key, item);
      else this.collect(item, depth + 1);
    }
  }
}

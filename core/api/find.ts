import { z } from 'zod';
import { PrintResult } from './resident';

/** Finding a matter: search by words, aliases and pinyin, and life-event bundles (一件事). */

export const SearchInput = z
  .object({
    text: z.string().trim().min(1).max(40),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

export const SearchHit = z.object({
  code: z.string(),
  name: z.string(),
  /**
   * How it matched: characters (社保), full pinyin (shebao, laonian优待), initials (sb), sound (a
   * homophone typed for the right character: 残急人) or similar (one wrong letter: shebap).
   */
  matchedBy: z.enum(['characters', 'pinyin', 'initials', 'sound', 'similar']),
  /**
   * Where: the name, an alias (又称), a narrower word of a broad query (社保 → 养老保险), the
   * department's name or a phrase of the guide.
   */
  matchedIn: z.enum(['name', 'alias', 'broader', 'department', 'guide']),
  /** The alias, narrower word, department or guide phrase that matched; null when the name did. */
  matchedText: z.string().nullable(),
  /** Character ranges of `name` that matched, [start, end); empty when something else did. */
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])),
  hasGuide: z.boolean(),
  channels: z.array(z.string()),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({ total: z.number().int().min(0), hits: z.array(SearchHit) });
export type SearchResult = z.infer<typeof SearchResult>;

export const LifeEventView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  matters: z.array(z.object({ code: z.string(), name: z.string(), selfService: z.boolean() })),
});
export type LifeEventView = z.infer<typeof LifeEventView>;

export const ChecklistPrint = PrintResult.extend({
  /** What the QR on the checklist opens: the guide online, for residents who cannot finish today. */
  guideUrl: z.string(),
});

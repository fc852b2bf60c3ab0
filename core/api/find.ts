import { z } from 'zod';
import { PrintResult } from './resident';

/** Finding a matter: search by characters or pinyin, and life-event bundles (一件事). */

export const SearchInput = z
  .object({
    text: z.string().trim().min(1).max(40),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

export const SearchHit = z.object({
  code: z.string(),
  name: z.string(),
  /** How it matched, for highlighting: characters, full pinyin (shebao) or initials (sb). */
  matchedBy: z.enum(['characters', 'pinyin', 'initials']),
  /** Character ranges of `name` that matched, [start, end). */
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

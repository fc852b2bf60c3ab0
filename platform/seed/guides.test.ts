import { describe, expect, it } from 'vitest';
import { Guide } from '../contract/catalog';
import { SEED_GUIDES } from './guides';

/** Every string anywhere in a guide, to look for leftovers of drafting. */
function allText(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allText);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allText);
  return [];
}

describe.each(SEED_GUIDES.map((seedGuide) => [`seq ${seedGuide.seq} ${seedGuide.matterName}`, seedGuide] as const))(
  'guide %s',
  (_label, { guide }) => {
    it('matches the Guide schema and is marked as sample content', () => {
      expect(Guide.safeParse(guide).success).toBe(true);
      expect(guide.isSample).toBe(true);
    });

    it('answers at least two common questions', () => {
      expect(guide.faq.length).toBeGreaterThanOrEqual(2);
    });

    it('cites its legal basis by the document title', () => {
      for (const basis of guide.legalBasis) expect(basis).toMatch(/《.+》|规定/);
      expect(guide.legalBasis.some((basis) => /^《.+》/.test(basis))).toBe(true);
    });

    it('lists each material with something to bring and each step with what to do', () => {
      for (const material of guide.materials)
        expect(material.originals + material.copies, material.name).toBeGreaterThan(0);
      expect(guide.process.length).toBeGreaterThanOrEqual(3);
    });

    it('takes complaints on 12345 and needs at most one visit', () => {
      expect(guide.contact.complaintPhone).toBe('12345');
      expect(guide.visitsNeeded).toBeLessThanOrEqual(1);
    });

    it('keeps the summary short and has no drafting leftovers', () => {
      expect(guide.summary.length).toBeLessThanOrEqual(160);
      for (const text of allText(guide)) expect(text).not.toMatch(/TODO|TBD|xxx|XX|\?\?|待补充|待定/);
    });
  },
);

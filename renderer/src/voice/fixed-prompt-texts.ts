import type { Locale } from '../../../core/api/contract';
import { resources } from '../i18n/resources';

type Tree = { readonly [key: string]: string | Tree };

function leaves(tree: Tree): string[] {
  return Object.values(tree).flatMap((value) => (typeof value === 'string' ? [value] : leaves(value)));
}

/**
 * Every fixed string of a locale: screen titles, hints, device prompts, button names. Strings with
 * {{variables}} are left out (only known at run time). This is more than the titles and hints
 * alone, but it is all of them, found without a list that could fall behind the screens; a few
 * hundred short sentences cost espeak-ng some seconds, once per voice version (disk cache).
 */
export function fixedPromptTexts(locale: Locale): string[] {
  const texts = Object.values(resources[locale] as Record<string, Tree>).flatMap(leaves);
  return [...new Set(texts.map((text) => text.trim()).filter((text) => text !== '' && !text.includes('{{')))];
}

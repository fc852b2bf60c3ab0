import { describe, expect, it } from 'vitest';
import { KioskInfo, Locale } from '../../../core/api/contract';
import { CaseType, Channel, GuideMaterial, Handling, ServiceKind } from '../../../platform/contract/catalog';
import { GUIDE_SECTIONS } from '../screens/guide/guide-sections';
import { findHardcodedText } from './hardcoded-text';
import { BASE_LOCALE, namespaces, resources, type Namespace } from './resources';

/** The renderer's own source, tests and test helpers left out. */
const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../test/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

type Tree = { readonly [key: string]: string | Tree };
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function leaves(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

const bundle = (locale: Locale, ns: Namespace) => resources[locale][ns] as Tree;
const withoutPlural = (key: string) => key.replace(PLURAL_SUFFIX, '');
const keySet = (locale: Locale, ns: Namespace) =>
  [...new Set(leaves(bundle(locale, ns)).map(([k]) => withoutPlural(k)))].sort();
const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

/** Finds the value or subtree at `ns:a.b.c` in the base locale. */
function lookup(fullKey: string): string | Tree | undefined {
  const [ns, key] = fullKey.includes(':') ? (fullKey.split(':', 2) as [string, string]) : ['common', fullKey];
  if (!(namespaces as readonly string[]).includes(ns)) return undefined;
  let node: string | Tree | undefined = bundle(BASE_LOCALE, ns as Namespace);
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return node;
}

describe('locale files', () => {
  it.each(Locale.options.flatMap((locale) => namespaces.map((ns) => [locale, ns] as const)))(
    '%s/%s has exactly the keys of the base locale',
    (locale, ns) => {
      expect(keySet(locale, ns)).toEqual(keySet(BASE_LOCALE, ns));
    },
  );

  it('gives every plural key every form its language needs', () => {
    for (const locale of Locale.options) {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const ns of namespaces) {
        const keys = leaves(bundle(locale, ns)).map(([key]) => key);
        for (const plural of new Set(keys.filter((k) => PLURAL_SUFFIX.test(k)).map(withoutPlural))) {
          for (const category of categories) expect(keys, `${locale}/${ns}`).toContain(`${plural}_${category}`);
        }
      }
    }
  });

  it('has no empty strings, and the same {{variables}} in every language', () => {
    for (const ns of namespaces) {
      const base = new Map(leaves(bundle(BASE_LOCALE, ns)).map(([k, v]) => [withoutPlural(k), variables(v)]));
      for (const locale of Locale.options) {
        for (const [key, value] of leaves(bundle(locale, ns))) {
          expect(value.trim(), `${locale}/${ns}:${key}`).not.toBe('');
          expect(variables(value), `${locale}/${ns}:${key}`).toEqual(base.get(withoutPlural(key)));
        }
      }
    }
  });

  it('labels every enum value the catalog and the kiosk info can send, in every language', () => {
    const expected = [
      ...ServiceKind.options.flatMap((v) => [`enums:serviceKind.${v}`, `enums:serviceKindHint.${v}`]),
      ...CaseType.options.map((v) => `enums:caseType.${v}`),
      ...Handling.options.map((v) => `enums:handling.${v}`),
      ...Channel.options.map((v) => `enums:channel.${v}`),
      ...GuideMaterial.shape.format.options.map((v) => `enums:materialFormat.${v}`),
      ...KioskInfo.shape.station.shape.selfServiceHours.options.map((v) => `attract:selfService.${v}`),
      ...Locale.options.map((v) => `language.${v}`),
      ...GUIDE_SECTIONS.map((id) => `guide:sections.${id}`),
    ];
    for (const key of expected) expect(typeof lookup(key), key).toBe('string');
  });
});

describe('keys used in the source', () => {
  const literalKeys = Object.entries(sources).flatMap(([file, text]) =>
    [...text.matchAll(/\bt\(\s*'([^']+)'/g)].map((m) => ({ file, key: m[1] ?? '' })),
  );
  const templatePrefixes = Object.entries(sources).flatMap(([file, text]) =>
    [...text.matchAll(/\bt\(\s*`([^`$]*)\$\{/g)].map((m) => ({ file, prefix: m[1] ?? '' })),
  );

  it('finds the keys (so the checks below check something)', () => {
    expect(literalKeys.length).toBeGreaterThan(80);
    expect(templatePrefixes.length).toBeGreaterThan(10);
  });

  it('every t(…) key exists in the base locale', () => {
    const missing = literalKeys.filter(({ key }) => typeof lookup(key) !== 'string');
    expect(missing).toEqual([]);
  });

  it('every t(`prefix.${…}`) key starts inside an existing group', () => {
    const missing = templatePrefixes.filter(({ prefix }) => {
      const group = prefix.slice(0, prefix.lastIndexOf('.'));
      return typeof lookup(group) !== 'object';
    });
    expect(missing).toEqual([]);
  });
});

describe('hard-coded UI text', () => {
  it('the scanner catches CJK and English text in components, and ignores what is not UI text', () => {
    const found = findHardcodedText(
      'Sample.tsx',
      [
        `// 注释里可以写中文 and English`,
        `export const A = () => <p className="matter-card">办事指南</p>;`,
        `export const B = () => <p>Back</p>;`,
        `export const C = () => <b aria-label="Close" data-testid="home-button" />;`,
        `const label = '返回';`,
        `const ok = <span>{count} · {total}</span>;`,
      ].join('\n'),
    );
    expect(found.map((f) => [f.line, f.text])).toEqual([
      [2, '办事指南'],
      [3, 'Back'],
      [4, 'Close'],
      [5, '返回'],
    ]);
  });

  it('no component writes UI text itself: it all comes from the locale files', () => {
    const files = Object.entries(sources);
    expect(files.filter(([file]) => file.endsWith('.tsx')).length).toBeGreaterThan(25);
    const found = files.flatMap(([file, text]) => findHardcodedText(file, text));
    expect(found).toEqual([]);
  });
});

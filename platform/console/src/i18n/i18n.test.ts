import { describe, expect, it } from 'vitest';
import { AlarmRule, KioskState, Severity } from '../../../contract/console/fleet-views';
import { ConsoleRole } from '../../../contract/console/users';
import { DeviceKind, DeviceStatus } from '../../../contract/common';
import { CommandRefusal, TERMINAL_EVENT_KINDS } from '../../../contract/fleet';
import { DeviceCode } from '../../../contract/terminals';
import { createConsoleI18n, initialLocale } from './create-i18n';
import { BASE_LOCALE, LOCALES, namespaces, resources, type Namespace } from './resources';

type Tree = { readonly [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}
const bundle = (locale: (typeof LOCALES)[number], ns: Namespace) => resources[locale][ns] as Tree;
const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('console locale files', () => {
  it.each(LOCALES.flatMap((locale) => namespaces.map((ns) => [locale, ns] as const)))(
    '%s/%s has exactly the keys of zh-CN, with the same {{variables}} and no empty text',
    (locale, ns) => {
      const base = new Map(leaves(bundle(BASE_LOCALE, ns)));
      const here = new Map(leaves(bundle(locale, ns)));
      expect([...here.keys()].sort()).toEqual([...base.keys()].sort());
      for (const [key, text] of here) {
        expect(text.trim(), `${locale}/${ns}:${key}`).not.toBe('');
        expect(variables(text), `${locale}/${ns}:${key}`).toEqual(variables(base.get(key) ?? ''));
      }
    },
  );

  /** Every code the contract can send has words in both languages, so no raw code reaches a screen. */
  const codes: Array<[string, readonly string[]]> = [
    ['words:state', KioskState.options],
    ['words:role', ConsoleRole.options],
    ['words:device', DeviceKind.options],
    ['words:deviceStatus', DeviceStatus.options],
    ['words:deviceCode', DeviceCode.options],
    ['words:severity', Severity.options],
    ['words:refusal', CommandRefusal.options],
  ];
  it.each(LOCALES)('%s has words for every contract code', (locale) => {
    const i18n = createConsoleI18n(locale);
    for (const [prefix, values] of codes) {
      for (const value of values) {
        expect(i18n.exists(`${prefix}.${value}`, { fallbackLng: [] }), `${locale} ${prefix}.${value}`).toBe(true);
      }
    }
    for (const kind of TERMINAL_EVENT_KINDS.filter((k) => k !== 'outOfService' && k !== 'crashRestart')) {
      expect(i18n.exists(`words:event.${kind}`, { fallbackLng: [] }), kind).toBe(true);
    }
  });

  it('has words for every alarm rule the contract allows', () => {
    const rules = ['offline', 'missing', 'paper-low', 'outbox-backlog', 'catalog-stale'];
    for (const rule of rules) expect(AlarmRule.safeParse(rule).success).toBe(true);
    const i18n = createConsoleI18n('zh-CN');
    for (const rule of rules) expect(i18n.exists(`words:rule.${rule}`, { fallbackLng: [] }), rule).toBe(true);
  });

  it('starts in Chinese unless this PC chose English before', () => {
    expect(initialLocale(null)).toBe('zh-CN');
    expect(initialLocale({ getItem: () => 'en' })).toBe('en');
    expect(initialLocale({ getItem: () => 'fr' })).toBe('zh-CN');
  });
});

/** The console's own source, tests left out. */
const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('keys in the source', () => {
  it('finds sources to check', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(10);
  });

  it("has every literal 'ns:key' in zh-CN (t('…') calls and ternaries alike)", () => {
    const i18n = createConsoleI18n('zh-CN');
    const missing: string[] = [];
    for (const [file, text] of Object.entries(sources)) {
      // Whole literal keys only; a template key (`words:state.${state}`) is checked by the code tests above.
      for (const match of text.matchAll(/'([a-zA-Z]+):([\w.-]+)'/g)) {
        if (!(namespaces as readonly string[]).includes(match[1] ?? '')) continue;
        const key = `${match[1]}:${match[2]}`;
        if (!i18n.exists(key, { fallbackLng: [] })) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

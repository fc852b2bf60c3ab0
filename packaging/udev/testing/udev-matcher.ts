/**
 * A udev rule evaluator for exactly the syntax our rules use (packaging/udev/rules.ts): keys
 * ACTION, SUBSYSTEM, KERNEL, ATTRS{…}, ENV{…}, SYMLINK, GROUP, MODE, TAG with ==, !=, = and +=,
 * one rule per line. Anything else is refused when parsing, so a rule this evaluator would
 * misread cannot pass the tests unnoticed. Semantics follow udev(7): KERNEL and SUBSYSTEM match
 * the device itself; ATTRS{} walks up from the device through its parents, and every ATTRS{} of
 * one rule must match on the same device; ENV{} sees the properties earlier rules set; patterns
 * are shell globs (*, ?, […]) with | between alternatives.
 */

export type MatchOp = '==' | '!=';
export type AssignOp = '=' | '+=';

export type RuleKey =
  | { kind: 'match'; key: 'ACTION' | 'SUBSYSTEM' | 'KERNEL'; op: MatchOp; value: string }
  | { kind: 'match'; key: 'ATTRS' | 'ENV'; attr: string; op: MatchOp; value: string }
  | { kind: 'assign'; key: 'SYMLINK' | 'GROUP' | 'MODE' | 'TAG'; op: AssignOp; value: string }
  | { kind: 'assign'; key: 'ENV'; attr: string; op: '='; value: string };

export interface Rule {
  readonly file: string;
  readonly line: number;
  readonly keys: readonly RuleKey[];
}

/** One device of the chain udevadm --attribute-walk prints: the device first, then its parents. */
export interface WalkedDevice {
  readonly kernel: string;
  readonly subsystem: string;
  readonly attrs: Readonly<Record<string, string>>;
}

export interface UdevEvent {
  readonly action: 'add' | 'change' | 'remove';
  /** chain[0] is the device the event is for. */
  readonly chain: readonly WalkedDevice[];
  /** Properties set before our rules ran (ID_PATH from 60-serial.rules, say). */
  readonly properties: Readonly<Record<string, string>>;
}

export interface UdevOutcome {
  readonly symlinks: readonly string[];
  readonly group: string | undefined;
  readonly mode: string | undefined;
  readonly tags: readonly string[];
  readonly properties: Readonly<Record<string, string>>;
  /** file:line of every rule that matched, for messages. */
  readonly matched: readonly string[];
}

const KEY = /^\s*([A-Z_]+)(?:\{([^}]+)\})?\s*(==|!=|\+=|=)\s*"([^"]*)"\s*(?:,|$)/;

export function parseRules(text: string, file: string): Rule[] {
  const rules: Rule[] = [];
  text.split('\n').forEach((raw, index) => {
    const lineNo = index + 1;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (line.endsWith('\\')) throw new Error(`${file}:${lineNo}: line continuations are not supported`);
    const keys: RuleKey[] = [];
    let rest = line;
    while (rest.trim() !== '') {
      const m = KEY.exec(rest);
      if (m === null) throw new Error(`${file}:${lineNo}: cannot parse "${rest}"`);
      const [whole, name = '', attr, op = '', value = ''] = m;
      keys.push(toKey(name, attr, op, value, `${file}:${lineNo}`));
      rest = rest.slice(whole.length);
    }
    rules.push({ file, line: lineNo, keys });
  });
  return rules;
}

function toKey(name: string, attr: string | undefined, op: string, value: string, where: string): RuleKey {
  if (op === '==' || op === '!=') {
    const mop: MatchOp = op;
    if ((name === 'ACTION' || name === 'SUBSYSTEM' || name === 'KERNEL') && attr === undefined) {
      return { kind: 'match', key: name, op: mop, value };
    }
    // ATTRS{}!= is left out: udev's answer for a parent without the attribute is not one we need.
    if (name === 'ATTRS' && attr !== undefined && mop === '==')
      return { kind: 'match', key: name, attr, op: mop, value };
    if (name === 'ENV' && attr !== undefined) return { kind: 'match', key: name, attr, op: mop, value };
  } else {
    if ((name === 'SYMLINK' || name === 'TAG') && attr === undefined)
      return { kind: 'assign', key: name, op: op as AssignOp, value };
    if ((name === 'GROUP' || name === 'MODE') && attr === undefined && op === '=')
      return { kind: 'assign', key: name, op, value };
    if (name === 'ENV' && attr !== undefined && op === '=') return { kind: 'assign', key: 'ENV', attr, op, value };
  }
  throw new Error(
    `${where}: ${name}${attr === undefined ? '' : `{${attr}}`}${op} is outside the syntax this evaluator knows`,
  );
}

/** A udev pattern: a shell glob, or several separated by |. */
export function globMatches(pattern: string, value: string): boolean {
  return pattern.split('|').some((alternative) => globToRegExp(alternative).test(value));
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i += 1) {
    const c = glob.charAt(i);
    if (c === '*') source += '.*';
    else if (c === '?') source += '.';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) source += '\\[';
      else {
        let body = glob.slice(i + 1, end);
        if (body.startsWith('!') || body.startsWith('^')) body = `^${body.slice(1)}`;
        source += `[${body.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else source += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

function test(op: MatchOp, pattern: string, value: string | undefined): boolean {
  // udev compares a missing value as the empty string.
  const hit = globMatches(pattern, value ?? '');
  return op === '==' ? hit : !hit;
}

/** Rules in file order; pass the files sorted by name, as udev reads them. */
export function applyRules(rules: readonly Rule[], event: UdevEvent): UdevOutcome {
  const [self] = event.chain;
  if (self === undefined) throw new Error('an event needs its device');
  const properties: Record<string, string> = { ...event.properties };
  let symlinks: string[] = [];
  const tags: string[] = [];
  let group: string | undefined;
  let mode: string | undefined;
  const matched: string[] = [];

  for (const rule of rules) {
    if (!ruleMatches(rule, event, self, properties)) continue;
    matched.push(`${rule.file}:${rule.line}`);
    for (const key of rule.keys) {
      if (key.kind !== 'assign') continue;
      if (key.key === 'SYMLINK') {
        const names = key.value.split(/\s+/).filter((n) => n !== '');
        symlinks = key.op === '=' ? names : [...symlinks, ...names.filter((n) => !symlinks.includes(n))];
      } else if (key.key === 'TAG') {
        if (key.op === '=') tags.length = 0;
        if (!tags.includes(key.value)) tags.push(key.value);
      } else if (key.key === 'GROUP') group = key.value;
      else if (key.key === 'MODE') mode = key.value;
      else if (key.key === 'ENV') properties[key.attr] = key.value;
    }
  }
  return { symlinks, group, mode, tags, properties, matched };
}

function ruleMatches(rule: Rule, event: UdevEvent, self: WalkedDevice, properties: Record<string, string>): boolean {
  const parentKeys: { attr: string; op: MatchOp; value: string }[] = [];
  for (const key of rule.keys) {
    if (key.kind !== 'match') continue;
    if (key.key === 'ACTION' && !test(key.op, key.value, event.action)) return false;
    if (key.key === 'SUBSYSTEM' && !test(key.op, key.value, self.subsystem)) return false;
    if (key.key === 'KERNEL' && !test(key.op, key.value, self.kernel)) return false;
    if (key.key === 'ENV' && !test(key.op, key.value, properties[key.attr])) return false;
    if (key.key === 'ATTRS') parentKeys.push(key);
  }
  if (parentKeys.length === 0) return true;
  // udev: all parent keys of a rule must match on one device of the chain (udev(7), ATTRS).
  return event.chain.some((device) => parentKeys.every((k) => test(k.op, k.value, device.attrs[k.attr])));
}

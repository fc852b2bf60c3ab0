/**
 * What may leave the kiosk's memory in a log line or an error text (docs/privacy.md: logs hold no
 * personal data and no secrets). Two rules, both applied everywhere, at any depth:
 *
 * - by key: a field whose name says it holds a person's identity, contact, card or a secret is
 *   replaced whatever its value (`idNumber`, `applicantName`, `callbackPhone`, `address`, `token`,
 *   `authorization`, `pin` …, case and `_`/`-` insensitive);
 * - by value: anything shaped like a resident ID number (18 characters, GB 11643: six-digit
 *   region, birth date, sequence, check character) or a mainland mobile number (11 digits from
 *   13x to 19x, optionally +86), inside any string, number, error message or stack, is cut out,
 *   so a number that reaches a log through an unexpected field or an interpolated message is
 *   still not written.
 */
export const REDACTED = '[redacted]';

/** Field names (normalised: lower case, without `_`, `-` and spaces) that are never logged. */
const SENSITIVE_KEYS = new Set([
  // identity
  'idnumber',
  'idno',
  'idcard',
  'idcardno',
  'idcardnumber',
  'certno',
  'certificateno',
  'certificatenumber',
  'identitynumber',
  'passnumber',
  'card',
  'photo',
  'photowlt',
  'fingerprint',
  'birthdate',
  'dateofbirth',
  'birthday',
  // names and the people they belong to
  'name',
  'fullname',
  'realname',
  'chinesename',
  'englishname',
  'applicantname',
  'requestername',
  'agentname',
  'recipient',
  'recipientname',
  'contactname',
  'holdername',
  'personname',
  'residentname',
  'evaluatorname',
  'inspectorname',
  'person',
  'applicant',
  'agent',
  'evaluator',
  'requester',
  'inspector',
  // contact
  'phone',
  'phonenumber',
  'mobile',
  'mobilephone',
  'telephone',
  'tel',
  'callbackphone',
  'contactphone',
  'address',
  'mailingaddress',
  'homeaddress',
  'detailaddress',
  // secrets
  'token',
  'accesstoken',
  'refreshtoken',
  'sessiontoken',
  'bearertoken',
  'embeddedtoken',
  'authorization',
  'proxyauthorization',
  'cookie',
  'setcookie',
  'password',
  'passwd',
  'secret',
  'clientsecret',
  'apikey',
  'privatekey',
  'datakey',
  'pin',
  'pincode',
  'pinhash',
  'newpin',
  'oldpin',
]);

/** Endings that make any field name sensitive (`guardianPhone`, `homeAddress`, `apiToken` …). */
const SENSITIVE_SUFFIXES = ['idnumber', 'phone', 'address', 'token', 'secret', 'password'];

export function isSensitiveKey(key: string): boolean {
  const normal = key.toLowerCase().replace(/[_\-\s]/g, '');
  return SENSITIVE_KEYS.has(normal) || SENSITIVE_SUFFIXES.some((suffix) => normal.endsWith(suffix));
}

/**
 * GB 11643 resident ID number: region (6), birth date (8), sequence (3), check (digit or X),
 * optionally split into those groups by a space or hyphen, not part of a longer digit run.
 */
const ID_NUMBER =
  /(?<!\d)[1-9]\d{5}[ -]?(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[ -]?\d{3}[\dXx](?![\dXx])/g;
/** Mainland mobile number: 1[3-9]x xxxx xxxx, optionally +86 / 86 before it and split 3-4-4. */
const MOBILE = /(?<!\d)(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/g;
const FULL_WIDTH_DIGIT = /[\uff10-\uff19\uff38\uff58]/;

/** The text with every ID-number-shaped and mobile-number-shaped run replaced. */
export function redactText(text: string): string {
  // Full-width digits (０-９, Ｘ) read the same to a person; compare them as ASCII.
  const plain = FULL_WIDTH_DIGIT.test(text) ? text.normalize('NFKC') : text;
  return plain.replace(ID_NUMBER, REDACTED).replace(MOBILE, REDACTED);
}

const MAX_DEPTH = 12;
const MAX_ITEMS = 200;

/**
 * A copy of `value` safe to log: sensitive keys replaced, strings cut by shape, errors turned
 * into `{ type, message, stack, … }` (what pino's error serializer gives, redacted), bytes into
 * their length, cycles and excessive depth marked. Never throws.
 */
export function redactValue(value: unknown): unknown {
  return walk(value, 0, new WeakSet<object>());
}

function walk(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  switch (typeof value) {
    case 'string':
      return redactText(value);
    case 'number':
      return Number.isInteger(value) && redactText(String(value)) !== String(value) ? REDACTED : value;
    case 'bigint':
      return redactText(String(value));
    case 'boolean':
    case 'undefined':
      return value;
    case 'symbol':
      return value.toString();
    case 'function':
      return `[function ${value.name || 'anonymous'}]`;
  }
  if (value === null) return null;
  const object = value as object;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (seen.has(object)) return '[circular]';
  if (ArrayBuffer.isView(object)) return `[${object.byteLength} bytes]`;
  if (object instanceof ArrayBuffer) return `[${object.byteLength} bytes]`;
  if (object instanceof Date) return Number.isNaN(object.getTime()) ? 'Invalid Date' : object.toISOString();
  seen.add(object);
  try {
    if (object instanceof Error) return walkError(object, depth, seen);
    if (Array.isArray(object)) return walkArray(object, depth, seen);
    if (object instanceof Set) return walkArray([...object], depth, seen);
    if (object instanceof Map)
      return walkEntries(
        [...object.entries()].map(([k, v]) => [String(k), v]),
        depth,
        seen,
      );
    const toJSON = (object as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return walk((toJSON as () => unknown).call(object), depth + 1, seen);
    return walkEntries(Object.entries(object), depth, seen);
  } catch {
    // A getter that throws, a proxy that refuses: log that something was here, not what.
    return '[unreadable]';
  } finally {
    seen.delete(object);
  }
}

function walkArray(items: readonly unknown[], depth: number, seen: WeakSet<object>): unknown[] {
  const out = items.slice(0, MAX_ITEMS).map((item) => walk(item, depth + 1, seen));
  if (items.length > MAX_ITEMS) out.push(`[${items.length - MAX_ITEMS} more]`);
  return out;
}

function walkEntries(entries: ReadonlyArray<[string, unknown]>, depth: number, seen: WeakSet<object>) {
  const out: Record<string, unknown> = {};
  for (const [key, item] of entries) {
    const safeKey = redactText(key);
    out[safeKey] = isSensitiveKey(key) && item !== null && item !== undefined ? REDACTED : walk(item, depth + 1, seen);
  }
  return out;
}

function walkError(error: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    type: error.constructor?.name || error.name || 'Error',
    message: redactText(String(error.message)),
    stack: typeof error.stack === 'string' ? redactText(error.stack) : undefined,
  };
  for (const [key, item] of Object.entries(error)) {
    if (key in out) continue;
    out[redactText(key)] =
      isSensitiveKey(key) && item !== null && item !== undefined ? REDACTED : walk(item, depth + 1, seen);
  }
  if (error.cause !== undefined) out['cause'] = walk(error.cause, depth + 1, seen);
  if (error instanceof AggregateError) out['errors'] = walkArray(error.errors as unknown[], depth, seen);
  return out;
}

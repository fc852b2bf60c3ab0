import { randomBytes, randomUUID, scryptSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { contract } from '../../core/api/contract';
import type { MethodAccess } from '../../core/api/define';
import { baseErrorCodes } from '../../core/api/errors';
import { startTicketRangeKeeper } from '../../core/queue/ticket-range-keeper';
import { isVerified } from '../../core/session/resident-session-types';
import { recordRightPin } from '../../core/technician/lockout-store';
import { idCardFixtures, maskCard } from '../../drivers/idcard';
import { loadSeedCatalog } from '../../platform/seed';
import { startPlatformServer, type PlatformServer } from '../../platform/server/start';
import { kioskInfoFixture } from '../helpers/kiosk-info-fixture';
import { createTestCore } from '../helpers/test-core';
import { Harvest } from './harvest';
import { mutated, nastyValue, type Flavour } from './mutate';
import { check, Violation } from './target';
import { arbitraryFor, Deferred, resolveDeferred, type Hints } from './zod-arbitrary';

/**
 * The kiosk API as the hosts run it, for the fuzzer: the real dispatcher with every handler
 * (tests/helpers/test-core.ts) over an in-memory store, talking over HTTP to the real reference
 * platform, with technician mode configured. Inputs are derived from each method's zod schema
 * (the method list comes from `contract.methods`, so a method added later is fuzzed too), then
 * broken by the mutation layer, or replaced by raw garbage.
 *
 * Calls run in a chosen state (nobody signed in, a typed sign-in, a card sign-in, a technician
 * session), so the handlers behind the access guard are fuzzed as well as the guard. Ids the
 * kiosk hands out (capture ids, local references, appointment ids, slot ids, the technician
 * token …) are collected from every answer and offered back as inputs, so calls get past
 * "notFound" into the code behind it.
 */

export type KioskState = 'nobody' | 'typed' | 'card' | 'technician';
export const STATES: readonly KioskState[] = ['nobody', 'typed', 'card', 'technician'];
export const METHODS = Object.keys(contract.methods) as (keyof typeof contract.methods)[];

const TOKEN = 'fuzz-terminal-token-0123456789';
const PIN = '246813';
const TYPED_ID = '370784199001011239'; // valid check digit, nobody's
/** Well-formed, but the token of no session: what a technician call outside technician mode carries. */
const STALE_TOKEN = 'A'.repeat(43);
const LIVE_TOKEN = new Deferred('technicianToken');
/** An application.submit built at call time from the last draft and captures staged for it. */
const SUBMIT_RECIPE = new Deferred('submitRecipe');
/** A PDF as small as the staging check accepts, so captures can be staged and submitted. */
const TINY_PDF = Buffer.from(
  '%PDF-1.4\n% a fuzzer page, padded to the smallest size staging takes\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n',
).toString('base64');
const ctx = { host: 'test' as const, requestId: 'fuzz' };

export interface Call {
  readonly state: KioskState;
  readonly method: string;
  readonly input: unknown;
  /** How the input was made, for the report. */
  readonly how: 'schema' | 'mutated' | 'raw' | 'recipe';
}

export interface KioskHarness {
  readonly calls: fc.Arbitrary<Call>;
  /** Puts the kiosk in `state`, dispatches, checks every invariant of the answer; throws a Violation. */
  call(call: Call): Promise<unknown>;
  /** Dispatch only (for the WebSocket target, which brings its own connection). */
  readonly dispatch: ReturnType<typeof createTestCore>['dispatch'];
  /** Puts the kiosk in the call's state and returns its input with live values filled in. */
  prepare(call: Call): Promise<unknown>;
  readonly ensureState: (state: KioskState) => Promise<void>;
  /** Bugs reported since the last call: dispatcher log errors, platform 5xx. */
  takeBugs(): string[];
  close(): Promise<void>;
}

export async function createKioskHarness(): Promise<KioskHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'fuzz-kiosk-'));
  const bugs: string[] = [];
  const platform: PlatformServer = await startPlatformServer({
    dbPath: join(dir, 'platform.sqlite'),
    terminals: [{ id: kioskInfoFixture.terminal.id, token: TOKEN, stationId: kioskInfoFixture.station.id }],
    seedCatalog: loadSeedCatalog,
    // The fuzzer calls far faster than a kiosk; the rate limit has its own tests.
    limits: { requestsPerMinute: 10_000_000 },
    log: (level, message, fields) => {
      if (level === 'error') bugs.push(`platform: ${message} ${JSON.stringify(fields ?? {})}`);
    },
  });
  const core = createTestCore({
    platform: { baseUrl: platform.baseUrl, token: TOKEN, timeoutMs: 1500 },
    technician: {
      pinHash: cheapPinHash(PIN),
      lockoutMinutes: 15,
      lockoutMaxMinutes: 1440,
      sessionIdleMinutes: 120,
      sessionMaxMinutes: 240,
    },
    dispatchLog: {
      error: (fields, message) => bugs.push(`dispatcher: ${message} ${safeJson(fields)}`),
    },
  });
  const keeper = startTicketRangeKeeper(core.resident.deps, { intervalMs: 3_600_000 });

  const harvest = new Harvest();
  let technicianToken: string | null = null;

  const raw = async (method: string, input: unknown) => {
    const answer = await core.dispatch(method, input, ctx);
    if (answer.ok) {
      harvest.collect(answer.value);
      harvestObjects(harvest, method, answer.value);
      if (method === 'application.start') {
        lastDraft = {
          input: input as { matterCodes: string[]; lifeEventId: string | null },
          draft: answer.value as Draft,
        };
      }
    }
    return answer;
  };
  const must = async (method: string, input: unknown) => {
    const answer = await raw(method, input);
    if (!answer.ok) throw new Error(`fuzz harness: ${method} failed: ${answer.error.code} ${answer.error.message}`);
    return answer.value;
  };

  await core.catalogSync.syncOnce();
  await keeper.refresh();
  for (const method of [
    'catalog.list',
    'catalog.lifeEvents',
    'queue.overview',
    'rating.options',
    'serviceMap.points',
  ]) {
    await raw(method, method === 'catalog.list' ? { limit: 500 } : {});
  }

  const technicianLive = () =>
    technicianToken !== null &&
    core.technician.mode.current(new Date()).state === 'active' &&
    (core.technician.mode.current(new Date()) as { token?: string }).token === technicianToken;

  const ensureTechnician = async () => {
    if (technicianLive()) return;
    // Fuzzed wrong PINs lock entry; the harness plays the technician whose right PIN clears them.
    recordRightPin(core.db, new Date());
    const session = (await must('technician.enter', { pin: PIN })) as { token: string };
    technicianToken = session.token;
  };

  const ensureState = async (wanted: KioskState) => {
    const applicant = core.resident.deps.session.applicant();
    const current: KioskState | null =
      wanted === 'technician'
        ? technicianLive()
          ? 'technician'
          : null
        : applicant === null
          ? 'nobody'
          : isVerified(applicant)
            ? 'card'
            : 'typed';
    if (current === wanted && (wanted !== 'nobody' || core.resident.deps.session.agent() === null)) {
      return;
    }
    if (wanted === 'technician') {
      await ensureTechnician();
    } else {
      await must('session.end', {});
      if (wanted === 'typed') {
        await must('session.signInWithIdNumber', { role: 'applicant', idNumber: TYPED_ID, name: '张测试' });
      } else if (wanted === 'card') {
        const card = idCardFixtures.womanResident;
        core.fakeDevices.emitCard({ type: 'read', card: maskCard(card) }, card);
        await must('session.signInWithCard', { role: 'applicant' });
      }
    }
  };

  /** Offered back by property name; the technician token is filled in when the call is made. */
  const hints: Hints = {
    token: () => [LIVE_TOKEN],
    pin: () => [PIN],
    code: () => harvest.get('selfServiceCode', 'code', 'matterCode'),
    matterCode: () => harvest.get('selfServiceCode', 'matterCode', 'code'),
    matterCodes: () => harvest.get('selfServiceCode').map((code) => [code]),
    pdfBase64: () => [TINY_PDF],
    // Valid numbers (most typed ones fail the check digit), the card's among them (samePerson).
    idNumber: () => [TYPED_ID, '370784200102030055', idCardFixtures.womanResident.idNumber],
    action: () => ['insertCard', 'removeCard'],
    lifeEventId: () => harvest.get('id').filter((id) => typeof id === 'string' && !id.includes('-')),
    captureId: () => harvest.get('captureId'),
    captureIds: () => harvest.get('captureId').map((id) => [id]),
    localRef: () => harvest.get('localRef'),
    appointmentId: () => harvest.get('appointmentId'),
    slotId: () => harvest.get('slotId'),
    servicePointId: () => harvest.get('servicePointId'),
    serviceCode: () => harvest.get('serviceCode'),
    reference: () => harvest.get('caseNo', 'localRef', 'ref'),
    service: () => harvest.get('service'),
    optionsVersion: () => harvest.get('version'),
    date: () => [new Date().toISOString().slice(0, 10)],
    id: () => harvest.get('id'),
    name: () => harvest.get('name'),
  };

  const byMethod = (flavour: Flavour) =>
    METHODS.map((method) => {
      const schema = contract.methods[method].input;
      const valid = arbitraryFor(schema, { hints });
      const recipe = method === 'application.submit' ? 3 : 0;
      return fc.oneof(
        { weight: recipe, arbitrary: fc.constant({ method, input: SUBMIT_RECIPE, how: 'recipe' as const }) },
        { weight: 6, arbitrary: valid.map((input) => ({ method, input, how: 'schema' as const })) },
        { weight: 3, arbitrary: mutated(valid, flavour).map((input) => ({ method, input, how: 'mutated' as const })) },
        {
          weight: 1,
          arbitrary: fc
            .oneof(fc.jsonValue(), nastyValue(flavour))
            .map((input) => ({ method, input, how: 'raw' as const })),
        },
      );
    });
  const methodCalls = fc.oneof(...byMethod('structured'));
  const unknownMethod = fc
    .oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'catalog.', ''))
    .map((method) => ({ method, input: {}, how: 'raw' as const }));
  const calls: fc.Arbitrary<Call> = fc
    .tuple(
      fc.constantFrom(...STATES),
      fc.oneof({ weight: 30, arbitrary: methodCalls }, { weight: 1, arbitrary: unknownMethod }),
    )
    .map(([s, c]) => ({ state: s, ...c }));

  /** The last application.start that answered, to build a submission the handler gets deep into. */
  let lastDraft: { input: { matterCodes: string[]; lifeEventId: string | null }; draft: Draft } | null = null;
  const submitFromLastDraft = async (): Promise<unknown> => {
    if (!lastDraft) return {};
    const materials = [];
    for (const material of lastDraft.draft.materials.filter((m) => m.required)) {
      const staged = await raw('capture.stage', { materialName: material.name, pageCount: 1, pdfBase64: TINY_PDF });
      if (staged.ok)
        materials.push({ name: material.name, captureIds: [(staged.value as { captureId: string }).captureId] });
    }
    return {
      confirmationId: randomUUID(),
      ...lastDraft.input,
      form: Object.fromEntries(lastDraft.draft.fields.map((field) => [field.name, fill(field)])),
      materials,
      delivery: { method: 'pickUp' },
    };
  };

  const prepare = async (c: Call) => {
    await ensureState(c.state);
    if (c.input === SUBMIT_RECIPE) return submitFromLastDraft();
    return resolveDeferred(c.input, () =>
      c.state === 'technician' && technicianToken ? technicianToken : STALE_TOKEN,
    );
  };

  return {
    calls,
    dispatch: core.dispatch,
    prepare,
    ensureState,
    takeBugs: () => bugs.splice(0),
    async call(c) {
      const input = await prepare(c);
      const spec = (contract.methods as Record<string, { access: MethodAccess; errors: readonly string[] }>)[c.method];
      const liveToken = technicianToken;
      const applicant = core.resident.deps.session.applicant();
      const answer = await raw(c.method, input);
      checkAnswer(answer, spec, c.method);
      if (spec && !answer.ok && answer.error.code !== 'invalidInput') {
        // The guard, whatever state the fuzzer left the session in.
        if (spec.access === 'person' && applicant === null) {
          check(answer.error.code === 'notSignedIn', `${c.method} with nobody signed in answered ${answer.error.code}`);
        }
        if (spec.access === 'person' && applicant !== null && !isVerified(applicant)) {
          check(
            answer.error.code === 'cardRequired',
            `${c.method} after a typed sign-in answered ${answer.error.code}`,
          );
        }
      }
      if (spec?.access === 'technician') {
        const token = (input as { token?: unknown } | null)?.token;
        if (token !== liveToken || liveToken === null) {
          check(
            !answer.ok && (answer.error.code === 'invalidInput' || answer.error.code === 'notAuthorised'),
            `${c.method} ran without the live technician token`,
          );
        }
      }
      if (spec?.access === 'person' && answer.ok) {
        check(applicant !== null && isVerified(applicant), `${c.method} answered without a card sign-in`);
      }
      const reported = bugs.splice(0);
      if (reported.length > 0) throw new Violation(`a bug was reported during ${c.method}:\n${reported.join('\n')}`);
      return answer;
    },
    async close() {
      await keeper.stop();
      await core.close();
      await platform.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface DraftField {
  readonly name: string;
  readonly kind: string;
  readonly value: string;
  readonly options?: readonly { value: string }[];
}
interface Draft {
  readonly fields: readonly DraftField[];
  readonly materials: readonly { name: string; required: boolean }[];
}

/** A value a resident could type into this field (the pre-filled one when there is one). */
function fill(field: DraftField): string {
  if (field.value) return field.value;
  switch (field.kind) {
    case 'phone':
      return '13800138000';
    case 'idNumber':
      return TYPED_ID;
    case 'date':
      return '2026-01-01';
    case 'number':
      return '1';
    case 'select':
      return field.options?.[0]?.value ?? '';
    default:
      return '测试';
  }
}

/**
 * Values the generic harvest cannot pick out by name: which matters can be applied for here, the
 * services just completed (to rate them), the service points (to book at).
 */
function harvestObjects(harvest: Harvest, method: string, value: unknown): void {
  if (method === 'catalog.list') {
    for (const matter of (value as { matters: { code: string; channels: string[] }[] }).matters) {
      if (matter.channels.includes('selfService')) harvest.add('selfServiceCode', matter.code);
    }
  } else if (method === 'session.completedServices') {
    for (const done of value as { kind: string; ref: string }[])
      harvest.add('service', { kind: done.kind, ref: done.ref });
  } else if (method === 'serviceMap.points') {
    for (const point of (value as { servicePoints: { id: string }[] }).servicePoints)
      harvest.add('servicePointId', point.id);
  }
}

/** Every answer is a Result: ok with a value, or an error with a declared or base code and a message. */
export function checkAnswer(
  answer: unknown,
  spec: { readonly errors: readonly string[] } | undefined,
  method: string,
): void {
  check(typeof answer === 'object' && answer !== null, `${method}: the answer is not an object`);
  const result = answer as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } };
  check(result.ok === true || result.ok === false, `${method}: the answer has no ok flag`);
  if (result.ok === false) {
    const code = result.error?.code;
    check(typeof code === 'string', `${method}: an error without a code`);
    check(typeof result.error?.message === 'string', `${method}: an error without a message`);
    check(code !== 'internal', `${method}: answered internal (a bug: the host log has the details)`);
    const allowed = [...baseErrorCodes, ...(spec?.errors ?? [])] as readonly string[];
    check(allowed.includes(code), `${method}: error code ${code} is not declared`);
    if (!spec) check(code === 'unknownMethod', `unknown method ${method} answered ${code}`);
  }
  let text: string | undefined;
  try {
    text = JSON.stringify(answer);
  } catch (error) {
    throw new Violation(`${method}: the answer cannot be sent as JSON: ${String(error)}`);
  }
  check(text !== undefined, `${method}: the answer is not JSON`);
}

/**
 * A PIN hash in the format of core/technician/pin-hash.ts (scrypt$N$r$p$salt$key) at N = 2^10
 * rather than 2^15: the fuzzer tries PINs by the thousand, and verifyPin reads the cost from the
 * hash, so the code under test is the same.
 */
function cheapPinHash(pin: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(pin, salt, 32, { N: 1024, r: 8, p: 1 });
  return ['pin', pin.length, 'scrypt', 1024, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, item: unknown) => (item instanceof Error ? item.stack : item));
  } catch {
    return String(value);
  }
}

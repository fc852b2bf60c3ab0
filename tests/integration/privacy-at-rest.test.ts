import { randomUUID } from 'node:crypto';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApplicationDraft } from '../../core/api/applications';
import type { CompletedService } from '../../core/api/resident';
import { startKioskCore } from '../../core/app/start';
import type { KioskCore } from '../../core/app/types';
import { createLogger, type Logger } from '../../core/logging/logger';
import { withCheckCharacter } from '../../core/pure/id-number';
import { maskName } from '../../drivers/idcard/mask';
import type { LoadedConfig } from '../../kiosk-config/load';
import { kioskConfigIn } from '../helpers/kiosk-config-on-disk';
import { nextWorkingDayAt } from '../helpers/staffed-clock';
import type { RatingOptionSet } from '../../platform/contract/ratings';

/**
 * The proof of "sealed at rest, kept no longer than needed": 100 residents, each a different
 * made-up person, go through the real kiosk core (real store on disk, the embedded reference
 * platform over HTTP, emulated devices at the byte level): card sign-in, an application with a
 * material and a mailing address, a 不满意 rating with a callback phone, a home-visit help request,
 * a ticket, a progress lookup, every fifth an appointment; the outbox delivers; each visit ends.
 * Then the kiosk starts again with the clock moved past the retention (the purge runs at start).
 *
 * Every byte of the data folder (store, WAL, SHM, logs, receipts, speech cache, the platform's
 * database) is searched, before and after the purge, for every name, ID number, phone and address
 * used, in UTF-8, UTF-16LE, UTF-16BE and GB18030. Sealed bytes are AES-GCM ciphertext: a search
 * over all bytes finds a plaintext only where it was stored in clear. Names have three characters
 * so that a chance match in random bytes (6 bytes and more) is negligible.
 */
const VISITS = 100;
const PRINTED_VISITS = 10;
const RETENTION_DAYS = 30;
const DAY = 24 * 60 * 60_000;
/**
 * Visits are two minutes apart on the kiosk's clock, from 09:00 China time on the next working
 * day (by the shipped calendar: not a Sunday, not 国庆): a station's pace (the reference platform
 * also allows a terminal 600 requests a minute, which back-to-back visits would exceed) with the
 * windows calling, whatever time the test runs.
 */
const VISIT_SPACING_MS = 2 * 60_000;
const opening = nextWorkingDayAt('09:00');
const ctx = { host: 'test' as const, requestId: 'privacy' };

interface Person {
  readonly name: string;
  readonly idNumber: string;
  readonly phone: string;
  readonly address: string;
}

/** 100 distinct made-up people: names from uncommon characters, valid check characters. */
function people(count: number): Person[] {
  const surnames = [...'赵钱孙周吴郑冯陈褚卫蒋沈韩杨朱秦尤许何吕'];
  const given = [...'涵熙梓萱浩宇欣怡博嘉懿瑾瑜璐琪睿晗昕珂婕'];
  const villages = [...'东西南北前后上下'];
  const result: Person[] = [];
  for (let i = 0; i < count; i += 1) {
    // (surname, first given character) differs for every i below 400.
    const name = `${surnames[i % surnames.length]}${given[Math.floor(i / surnames.length) % given.length]}${given[(i * 7 + 3) % given.length]}`;
    const year = 1940 + ((i * 3) % 65);
    const month = String((i % 12) + 1).padStart(2, '0');
    const day = String((i % 28) + 1).padStart(2, '0');
    const idNumber = withCheckCharacter(`370784${year}${month}${day}${String(100 + i).padStart(3, '0')}`);
    const phone = `1${3 + (i % 7)}${String(52_000_000 + i * 7_919).padStart(9, '0')}`;
    const address = `景芝镇${villages[i % villages.length]}埠村${(i % 9) + 1}组${200 + i}号`;
    result.push({ name, idNumber, phone, address });
  }
  if (new Set(result.map((p) => p.name)).size !== count) throw new Error('names are not distinct');
  return result;
}

const residents = people(VISITS);
const encodings = ['utf8', 'utf16le', 'utf16be', 'gb18030'] as const;

/** Every personal value in every encoding, with what it is for the failure message. */
const needles = residents.flatMap((person, index) =>
  (['name', 'idNumber', 'phone', 'address'] as const).flatMap((field) =>
    encodings.map((encoding) => ({
      label: `visit ${index} ${field} ${person[field]} (${encoding})`,
      bytes:
        encoding === 'utf16be'
          ? Buffer.from(iconv.encode(person[field], 'utf16le')).swap16()
          : Buffer.from(iconv.encode(person[field], encoding)),
    })),
  ),
);

let root: string;
let dataDir: string;
let logger: Logger;
let loaded: LoadedConfig;
const measured: Record<string, number | string> = {};
const findingsBeforePurge: Finding[] = [];
const findingsAfterPurge: Finding[] = [];
let purgeLine: Record<string, unknown> | null = null;
/** The text of every receipt the emulated printer cut, read before the purge. */
const printed: string[] = [];

interface Finding {
  readonly file: string;
  readonly what: string;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const stat = lstatSync(path);
    if (stat.isDirectory()) return filesUnder(path);
    return stat.isFile() ? [path] : [];
  });
}

/** Reads every byte of the data folder and looks for every needle. */
function search(): { findings: Finding[]; files: number; bytes: number } {
  const findings: Finding[] = [];
  let bytes = 0;
  const files = filesUnder(dataDir);
  for (const file of files) {
    const content = readFileSync(file);
    bytes += content.length;
    for (const needle of needles) {
      if (content.includes(needle.bytes)) findings.push({ file: relative(dataDir, file), what: needle.label });
    }
  }
  return { findings, files: files.length, bytes };
}

const isPlatformFile = (finding: Finding) => finding.file.startsWith('platform.sqlite');

/** Whether a card lies on the (emulated) reader as the reader last reported it. */
let cardOnReader = false;

async function start(): Promise<KioskCore> {
  const started = await startKioskCore({
    loaded,
    host: 'browser',
    appVersion: 'test',
    buildKind: 'development',
    devMode: true,
    logger,
    logDir: join(dataDir, 'logs'),
  });
  if (!started.ok) throw new Error(started.error.message);
  started.value.events.subscribe((event, payload) => {
    if (event !== 'idCard.event') return;
    const type = (payload as { type: string }).type;
    if (type === 'present') cardOnReader = true;
    if (type === 'removed') cardOnReader = false;
  });
  return started.value;
}

/**
 * Places a card and signs in with it, then takes the card away at once (the session keeps who
 * signed in): the reader reads a placement once and must see the field empty before the next.
 */
async function signInWithCard(core: KioskCore, argument: string): Promise<void> {
  for (let waited = 0; cardOnReader && waited < 5_000; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await call(core, 'dev.emulator', { device: 'idCardReader', action: 'insertCard', argument });
  await call(core, 'session.signInWithCard', { role: 'applicant' });
  await call(core, 'dev.emulator', { device: 'idCardReader', action: 'removeCard' });
}

async function call<T>(core: KioskCore, method: string, input: unknown = {}): Promise<T> {
  const answer = await core.dispatch(method, input, ctx);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
  return answer.value as T;
}

/** A material scan that carries the person's name and number in its bytes, as a photographed card would. */
function scanOf(person: Person): string {
  return Buffer.concat([
    Buffer.from('%PDF-1.4\n% '),
    Buffer.from(`${person.name} ${person.idNumber} ${person.address}`),
    Buffer.from('\n'),
    Buffer.alloc(200, 0x20),
    Buffer.from('\n%%EOF\n'),
  ]).toString('base64');
}

/** A plausible answer for every required field the card did not fill. */
function formFor(draft: ApplicationDraft, person: Person): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of draft.fields) {
    if (field.value !== '') {
      values[field.name] = field.value;
      continue;
    }
    const answer: Record<string, string> = {
      phone: person.phone,
      idNumber: person.idNumber,
      number: '1',
      date: '2020-01-01',
      select: field.options?.[0]?.value ?? '',
      multiline: person.address,
    };
    const value = field.name.toLowerCase().includes('address') ? person.address : (answer[field.kind] ?? person.name);
    if (field.required || field.kind === 'phone') values[field.name] = value;
  }
  return values;
}

async function visit(
  core: KioskCore,
  person: Person,
  index: number,
  setting: { matterCode: string; options: RatingOptionSet; serviceCode: string; slots: string[] },
): Promise<void> {
  // The first visits print their receipt, slips and ticket (what a printout shows is the same for
  // everyone); then the paper runs out and the rest get them on screen, which keeps the run short
  // (the emulated printer prints at the serial line's real speed).
  if (index === PRINTED_VISITS) await call(core, 'dev.emulator', { device: 'printer', action: 'paperOut' });
  await signInWithCard(core, JSON.stringify({ name: person.name, idNumber: person.idNumber, address: person.address }));

  const draft = await call<ApplicationDraft>(core, 'application.start', {
    matterCodes: [setting.matterCode],
    lifeEventId: null,
  });
  const material = draft.materials[0]!;
  const staged = await call<{ captureId: string }>(core, 'capture.stage', {
    materialName: material.name,
    pageCount: 1,
    pdfBase64: scanOf(person),
  });
  const receipt = await call<{ localRef: string; status: string; matters: Array<{ caseNo: string | null }> }>(
    core,
    'application.submit',
    {
      confirmationId: randomUUID(),
      matterCodes: [setting.matterCode],
      lifeEventId: null,
      form: formFor(draft, person),
      materials: [{ name: material.name, captureIds: [staged.captureId] }],
      delivery: {
        method: 'mail',
        recipient: person.name,
        phone: person.phone,
        address: { ...draft.delivery.mailDefaults, detail: person.address },
      },
    },
  );

  const completed = await call<CompletedService[]>(core, 'session.completedServices');
  const application = completed.find((service) => service.kind === 'application')!;
  const level = setting.options.levels.find((entry) => entry.level === 2)!;
  await call(core, 'rating.submit', {
    confirmationId: randomUUID(),
    service: { kind: application.kind, ref: application.ref },
    level: 2,
    optionsVersion: setting.options.version,
    optionCodes: level.options.slice(0, 1).map((option) => option.code),
    comment: `请打${person.phone}找${person.name}`,
    callbackPhone: person.phone,
  });

  await call(core, 'assistance.request', {
    confirmationId: randomUUID(),
    kind: 'homeVisit',
    phone: person.phone,
    address: person.address,
    needs: ['elderly'],
    note: `${person.name}住在${person.address}`,
    matterCode: setting.matterCode,
  });

  await call(core, 'queue.takeTicket', {
    confirmationId: randomUUID(),
    serviceCode: setting.serviceCode,
    priority: 'elderly',
    matterCode: null,
  });

  await call(core, 'progress.lookup', { reference: receipt.matters[0]?.caseNo ?? receipt.localRef });
  await call(core, 'progress.mine');

  if (index % 5 === 0) {
    // Appointments need the platform and keep nothing on the kiosk; their phone must not leak either.
    for (;;) {
      const slotId = setting.slots[0];
      if (!slotId) throw new Error('no appointment slots left');
      const booked = await core.dispatch(
        'appointment.book',
        { confirmationId: randomUUID(), slotId, matterCode: setting.matterCode, phone: person.phone },
        ctx,
      );
      if (booked.ok) break;
      if (booked.error.code !== 'slotFull') throw new Error(`appointment.book: ${booked.error.message}`);
      setting.slots.shift();
    }
  }
  if (index % 25 === 0) {
    // What is said to a resident (their name) is synthesised in memory only.
    await call(core, 'speech.say', { text: `${person.name}，您好`, locale: 'zh-CN', rate: 'slow' });
  }

  await call(core, 'session.end');
}

/** Polls the kiosk's own store (read-only) until every outbox item is delivered. */
async function outboxDrained(core: KioskCore): Promise<void> {
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(join(dataDir, 'kiosk.sqlite'), { readonly: true });
  try {
    for (let waited = 0; waited < 30_000; waited += 200) {
      const left = db.prepare(`SELECT count(*) FROM outbox WHERE state != 'sent'`).pluck().get() as number;
      if (left === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const states = db.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all();
    throw new Error(`the outbox did not drain: ${JSON.stringify(states)}`);
  } finally {
    db.close();
    void core;
  }
}

beforeAll(async () => {
  const began = performance.now();
  // Only Date is faked, and it runs on from where it is set: timers and I/O stay real.
  vi.useFakeTimers({ toFake: ['Date'], now: opening, shouldAdvanceTime: true });
  root = mkdtempSync(join(tmpdir(), 'kiosk-privacy-'));
  dataDir = join(root, 'data');
  loaded = kioskConfigIn(root, (config) => {
    config['data'] = { dir: 'data', keyFile: 'keys/data-key' };
    config['retention'] = { deliveredDays: RETENTION_DAYS, printerOutputDays: 1, logDays: 14 };
    // A quicker card poll: 100 visits each place a card.
    (config['devices'] as Record<string, unknown>)['idCardReader'] = {
      mode: 'emulated',
      link: 'memory',
      pollIntervalMs: 100,
    };
    // Names are spoken in some visits: the speech cache must not keep them.
    config['speech'] = { engine: 'espeak-ng', prepareAtStart: false };
  });
  // Debug level: the most a station could be made to log, the embedded platform's requests included.
  logger = await createLogger({ level: 'debug', dir: join(dataDir, 'logs') });

  const core = await start();
  try {
    await call(core, 'catalog.syncNow');
    const setting = await visitSetting(core);
    measured['matter'] = setting.matterCode;
    const visitsBegan = performance.now();
    for (const [index, person] of residents.entries()) {
      vi.setSystemTime(opening + (index + 1) * VISIT_SPACING_MS);
      await visit(core, person, index, setting);
    }
    measured['visitsMs'] = Math.round(performance.now() - visitsBegan);
    await outboxDrained(core);
    // Searched while the kiosk runs: its WAL and SHM files are there, as on a station.
    logger.flush();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const before = search();
    findingsBeforePurge.push(...before.findings);
    measured['filesBeforePurge'] = before.files;
    measured['bytesBeforePurge'] = before.bytes;
    measured['walFilesBeforePurge'] = filesUnder(dataDir).filter((file) => /-(wal|shm)$/.test(file)).length;
  } finally {
    await core.close();
  }
  const printerDir = join(dataDir, 'emulated-printer');
  for (const file of readdirSync(printerDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()) {
    printed.push(readFileSync(join(printerDir, file), 'utf8'));
  }
  measured['kioskSqliteBytesBeforePurge'] = statSync(join(dataDir, 'kiosk.sqlite')).size;

  // The clock moves past the retention; the purge runs when the kiosk starts.
  vi.setSystemTime(Date.now() + (RETENTION_DAYS + 1) * DAY);
  const restarted = await start();
  await restarted.close();
  vi.useRealTimers();
  logger.flush();
  await new Promise((resolve) => setTimeout(resolve, 200));
  purgeLine = purgeReport();
  const searchBegan = performance.now();
  const after = search();
  measured['searchMs'] = Math.round(performance.now() - searchBegan);
  findingsAfterPurge.push(...after.findings);
  measured['filesAfterPurge'] = after.files;
  measured['bytesAfterPurge'] = after.bytes;
  measured['kioskSqliteBytesAfterPurge'] = statSync(join(dataDir, 'kiosk.sqlite')).size;
  measured['totalMs'] = Math.round(performance.now() - began);
  // What the embedded platform's database still holds in clear (sealed by its own change).
  const platform = findingsAfterPurge.filter(isPlatformFile);
  measured['platformFindings'] = platform.length;
  measured['platformFindingFiles'] = [...new Set(platform.map((finding) => finding.file))].join(', ');
  measured['platformFindingKinds'] = [
    ...new Set(platform.map((finding) => finding.what.replace(/^visit \d+ (\w+) .* \((\w+)\)$/, '$1 $2'))),
  ].join(', ');
}, 240_000);

afterAll(() => {
  vi.useRealTimers();
  console.info('privacy-at-rest measurements', { ...measured, purge: purgeLine });
  if (root) rmSync(root, { recursive: true, force: true });
});

/** The emulated devices connect in the background after start; sign-in needs the reader online. */
async function readerOnline(core: KioskCore): Promise<void> {
  for (let waited = 0; waited < 20_000; waited += 100) {
    const snapshot = await call<{ journeys: { idCardSignIn: boolean } }>(core, 'devices.snapshot');
    if (snapshot.journeys.idCardSignIn) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the emulated card reader did not come online');
}

async function visitSetting(core: KioskCore) {
  await readerOnline(core);
  const list = await call<{ matters: Array<{ code: string }> }>(core, 'catalog.list', { limit: 500 });
  let matterCode: string | null = null;
  // Sign-in is needed to open a form: a self-service matter of the seed with a material and mailing.
  await signInWithCard(core, 'residentYoung');
  for (const { code } of list.matters) {
    const draft = await core.dispatch('application.start', { matterCodes: [code], lifeEventId: null }, ctx);
    if (draft.ok) {
      const value = draft.value as ApplicationDraft;
      if (value.delivery.mail && value.materials.length > 0) {
        matterCode = code;
        break;
      }
    }
  }
  await call(core, 'session.end');
  if (!matterCode) throw new Error('no self-service matter with materials and mailing in the seed catalog');
  const options = await call<RatingOptionSet>(core, 'rating.options');
  const queue = await call<{ services: Array<{ serviceCode: string }> }>(core, 'queue.overview');
  const serviceCode = queue.services[0]!.serviceCode;
  const slots: string[] = [];
  const days = await call<{ days: Array<{ date: string; remaining: number }> }>(core, 'appointment.days', {
    servicePointId: 'aq-zwfw-centre',
    matterCode,
  });
  // Days after the visits' own: a slot of that morning would begin while the visits go on.
  for (const day of days.days.slice(1).filter((d) => d.remaining > 0)) {
    const list = await call<{ slots: Array<{ slotId: string; remaining: number }> }>(core, 'appointment.slots', {
      servicePointId: 'aq-zwfw-centre',
      matterCode,
      date: day.date,
    });
    for (const slot of list.slots) for (let n = 0; n < slot.remaining; n += 1) slots.push(slot.slotId);
  }
  return { matterCode, options, serviceCode, slots: [...new Set(slots)] };
}

/** The purge's own report, from the log of the restart. */
function purgeReport(): Record<string, unknown> | null {
  const lines = filesUnder(join(dataDir, 'logs'))
    .flatMap((file) => readFileSync(file, 'utf8').split('\n'))
    .filter((line) => line.includes('retention purge done'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return lines.at(-1) ?? null;
}

describe('personal data at rest, 100 visits through the real kiosk core', () => {
  it('ran every visit and delivered it, then purged what was past the retention', () => {
    // The first search saw the store as it is while the kiosk runs: WAL and SHM included.
    expect(measured['walFilesBeforePurge']).toBeGreaterThanOrEqual(2);
    expect(purgeLine).toMatchObject({
      applications: VISITS,
      ratings: VISITS,
      assistanceRequests: VISITS,
      walFramesLeft: 0,
    });
  });

  it('printed receipts, slips and tickets that show a masked name at most', () => {
    expect(printed.filter((text) => text.includes('自助申报回执'))).toHaveLength(PRINTED_VISITS);
    expect(printed.filter((text) => text.includes('帮办代办求助单'))).toHaveLength(PRINTED_VISITS);
    const slips = printed.filter((text) => text.includes('预约凭条'));
    expect(slips.length).toBeGreaterThanOrEqual(PRINTED_VISITS / 5);
    for (const [index, slip] of slips.entries()) expect(slip).toContain(maskName(residents[index * 5]!.name));
  });

  it("finds no name, ID number, phone or address in the kiosk's own files, before or after the purge", () => {
    const kiosk = (findings: Finding[]) => findings.filter((finding) => !isPlatformFile(finding));
    expect(kiosk(findingsBeforePurge)).toEqual([]);
    expect(kiosk(findingsAfterPurge)).toEqual([]);
  });

  it('keeps the data folder owner-only and the key outside it', () => {
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    for (const file of filesUnder(dataDir)) expect(statSync(file).mode & 0o777, relative(dataDir, file)).toBe(0o600);
    expect(statSync(loaded.dataKeyPath).mode & 0o777).toBe(0o600);
    expect(relative(dataDir, loaded.dataKeyPath).startsWith('..')).toBe(true);
  });

  // The embedded reference platform seals its own records under its own key (platform/server/sealing).
  it("finds none in the embedded platform's database either, and its key is outside the data folder too", () => {
    expect(findingsBeforePurge.filter(isPlatformFile)).toEqual([]);
    expect(findingsAfterPurge.filter(isPlatformFile)).toEqual([]);
    const platformKey = loaded.embeddedPlatformKeyPath ?? '';
    expect(statSync(platformKey).mode & 0o777).toBe(0o600);
    expect(relative(dataDir, platformKey).startsWith('..')).toBe(true);
  });
});

import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredRecords } from '../../contract/admin';
import type { ApplicationAccepted, ApplicationSubmission, CaseProgress } from '../../contract/applications';
import type { Appointment } from '../../contract/appointments';
import type { AssistanceRequest } from '../../contract/assistance';
import { applicationBody, bookingBody, inspectionBody, ratingBody } from '../testing/bodies';
import { databaseFiles, ENCODINGS, encode, findValues, type Finding } from '../testing/byte-search';
import {
  ADMIN_TOKEN,
  KIOSK_1,
  makeTempDir,
  manualClock,
  startTestServer,
  type CheckedResponse,
  type TestServer,
} from '../testing/harness';
import { testEngine } from '../testing/test-database';

/**
 * The proof that the platform keeps residents' data sealed: every kind of record is written
 * through the HTTP API, then every byte of the database, its WAL and its shared-memory file is
 * searched for the names, ID numbers, phones and addresses used, in UTF-8, UTF-16LE/BE and
 * GB18030, both while the server runs (the WAL holds the fresh pages) and after it closed.
 */

const MONDAY_10 = '2026-03-02T10:00:00+08:00';
const SLOT = 'aq-jingzhi-centre.20260302T1030';

// Made-up people (valid shapes, no real person); each value is used in one place only, so a
// finding says which record leaked.
const PEOPLE = {
  applicant: { name: '王秀兰', idNumber: '370784195803120035', phone: '13800010001' },
  agent: { name: '李建国', idNumber: '37078419620415002X', phone: '13900020002' },
  recipient: { name: '赵桂英', phone: '13600060006', address: '景芝镇东景芝村三组十二号' },
  booker: { name: '周淑珍', idNumber: '370784194411230021', phone: '13500050005' },
  requester: { name: '孙德胜', phone: '13700030003', address: '凌河街道南逯村五组八号' },
  rater: { phone: '13300040004', comment: '请钱玉梅回电' },
  formOnly: { name: '郑春花', address: '兴安街道西关社区七号楼' },
  inspector: { name: '陈卫东' },
} as const;

const SECRETS: string[] = Object.values(PEOPLE).flatMap((person) => Object.values(person) as string[]);

let platform: TestServer | undefined;
let temp: { remove(): void } | undefined;
afterEach(async () => {
  await platform?.cleanUp();
  platform = undefined;
  temp?.remove();
  temp = undefined;
});

function scan(dbPath: string): Finding[] {
  return databaseFiles(dbPath).flatMap(({ file, bytes }) => findValues(file, bytes, SECRETS));
}

async function writeEveryKindOfRecord(server: TestServer): Promise<CheckedResponse[]> {
  const answers: CheckedResponse[] = [];
  const send = async (method: string, path: string, body: unknown, contentType?: string) => {
    const answer = await server.request(method, path, { body, contentType });
    expect(answer.status, `${method} ${path}: ${answer.text}`).toBeLessThan(300);
    answers.push(answer);
    return answer;
  };

  // A scan of the ID card, naming the applicant.
  const scanBytes = Buffer.from(`%PDF-1.4 居民身份证 ${PEOPLE.applicant.name} ${PEOPLE.applicant.idNumber}`, 'utf8');
  const scanSha = createHash('sha256').update(scanBytes).digest('hex');
  await send('PUT', `/api/v1/materials/${scanSha}`, new Uint8Array(scanBytes), 'application/pdf');

  const submission: ApplicationSubmission = applicationBody({
    applicant: { kind: 'naturalPerson', person: { ...PEOPLE.applicant, idType: 'residentIdCard' } },
    agent: {
      person: { ...PEOPLE.agent, idType: 'residentIdCard' },
      relation: 'family',
      authorisation: { kind: 'consentStatement', materialSha256: null },
    },
    form: { applicantName: PEOPLE.formOnly.name, homeAddress: PEOPLE.formOnly.address },
    materials: [
      { name: '居民身份证', pages: [{ sha256: scanSha, contentType: 'application/pdf', size: scanBytes.length }] },
    ],
    delivery: {
      method: 'mail',
      recipient: PEOPLE.recipient.name,
      phone: PEOPLE.recipient.phone,
      address: {
        regionCode: '370784',
        province: '山东省',
        city: '潍坊市',
        county: '安丘市',
        detail: PEOPLE.recipient.address,
      },
    },
    identity: { applicant: 'typedNumber', agent: 'idCardChip' },
  });
  const accepted = (await send('POST', '/api/v1/applications', submission)).json<ApplicationAccepted>();
  await send('GET', `/api/v1/cases/${accepted.caseNo}`, undefined);
  for (const idNumber of [PEOPLE.applicant.idNumber, PEOPLE.agent.idNumber])
    await send('POST', '/api/v1/case-searches', { idType: 'residentIdCard', idNumber });

  const booked = await send(
    'POST',
    '/api/v1/appointments',
    bookingBody(SLOT, { applicant: { ...PEOPLE.booker, idType: 'residentIdCard' } }),
  );
  await send('POST', '/api/v1/appointment-searches', {
    idType: 'residentIdCard',
    idNumber: PEOPLE.booker.idNumber,
  });
  await send('POST', `/api/v1/appointments/${booked.json<Appointment>().appointmentId}/cancellations`, {
    reason: 'cannotAttend',
    cancelledAt: MONDAY_10,
  });

  const homeVisit: AssistanceRequest = {
    kind: 'homeVisit',
    stationId: KIOSK_1.stationId,
    requesterName: PEOPLE.requester.name,
    matter: null,
    caseNo: accepted.caseNo,
    needs: ['elderly'],
    requestedAt: MONDAY_10,
    offline: false,
    phone: PEOPLE.requester.phone,
    address: PEOPLE.requester.address,
    preferredDate: null,
  };
  await send('POST', '/api/v1/assistance-requests', homeVisit);

  await send(
    'POST',
    '/api/v1/ratings',
    ratingBody({
      subject: { kind: 'application', ref: accepted.caseNo },
      level: 1,
      optionCodes: ['longWait'],
      callbackPhone: PEOPLE.rater.phone,
      comment: PEOPLE.rater.comment,
    }),
  );
  await send(
    'POST',
    `/api/v1/terminals/${KIOSK_1.id}/inspections`,
    inspectionBody({ inspector: { name: PEOPLE.inspector.name, staffId: 'T-0042' } }),
  );
  answers.push(await server.request('GET', '/_admin/records', { token: ADMIN_TOKEN }));
  return answers;
}

describe('residents’ data at rest in the platform database', { timeout: 60_000 }, () => {
  it('finds a value in each encoding when it is there (the search itself works)', () => {
    for (const encoding of ENCODINGS) {
      const haystack = Buffer.concat([Buffer.from('header'), encode(PEOPLE.recipient.address, encoding)]);
      expect(findValues('control', haystack, SECRETS)).toContainEqual({
        file: 'control',
        value: PEOPLE.recipient.address,
        encoding,
      });
    }
  });

  // The files are SQLite's; on PostgreSQL the next test reads every row instead.
  it.skipIf(testEngine() === 'postgres')(
    'holds no name, ID number, phone or address in the database, its WAL or shm, running or closed',
    async () => {
      const dir = makeTempDir();
      temp = dir;
      const dbPath = join(dir.dir, 'platform.db');
      platform = await startTestServer({ dbPath, now: manualClock(MONDAY_10).now });
      const answers = await writeEveryKindOfRecord(platform);

      const running = databaseFiles(dbPath);
      expect(running.map(({ file }) => file.slice(dbPath.length))).toEqual(['', '-wal', '-shm']);
      expect(running.find(({ file }) => file.endsWith('-wal'))?.bytes.length).toBeGreaterThan(0);
      expect(scan(dbPath)).toEqual([]);

      await platform.close();
      expect(scan(dbPath)).toEqual([]);

      // Nor did any answer carry them back, to the kiosk or to staff: only masked forms.
      const leaked = answers.flatMap((answer) => SECRETS.filter((secret) => answer.text.includes(secret)));
      expect(leaked).toEqual([]);
    },
  );

  it('holds none of them in any row of any table, on either engine', async () => {
    platform = await startTestServer({ now: manualClock(MONDAY_10).now });
    await writeEveryKindOfRecord(platform);
    const { sql } = platform.server;
    const tables =
      sql.engine === 'sqlite'
        ? await sql.all<{ name: string }>(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
          )
        : await sql.all<{ name: string }>(
            `SELECT table_name AS name FROM information_schema.tables
             WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
          );
    expect(tables.map((table) => table.name)).toEqual(expect.arrayContaining(['applications', 'ratings', 'materials']));
    const findings: Finding[] = [];
    for (const { name } of tables) {
      for (const row of await sql.all(`SELECT * FROM "${name}"`)) {
        for (const [column, value] of Object.entries(row)) {
          const bytes = Buffer.isBuffer(value) ? value : Buffer.from(String(value), 'utf8');
          findings.push(...findValues(`${name}.${column}`, bytes, SECRETS));
        }
      }
    }
    expect(findings).toEqual([]);
  });

  it('still answers from the sealed rows: progress masked, searches by ID number, records masked for staff', async () => {
    platform = await startTestServer({ now: manualClock(MONDAY_10).now });
    await writeEveryKindOfRecord(platform);

    const found = await platform.request('POST', '/api/v1/case-searches', {
      body: { idType: 'residentIdCard', idNumber: PEOPLE.agent.idNumber },
    });
    const [summary] = found.json<{ cases: Array<{ caseNo: string }> }>().cases;
    expect(summary?.caseNo).toBeDefined();
    const progress = (await platform.request('GET', `/api/v1/cases/${summary?.caseNo}`)).json<CaseProgress>();
    expect(progress.delivery).toEqual({
      method: 'mail',
      recipient: '赵*英',
      phone: '136****0006',
      region: { regionCode: '370784', province: '山东省', city: '潍坊市', county: '安丘市' },
    });

    const appointments = await platform.request('POST', '/api/v1/appointment-searches', {
      body: { idType: 'residentIdCard', idNumber: PEOPLE.booker.idNumber },
    });
    expect(appointments.json<{ appointments: Appointment[] }>().appointments).toMatchObject([
      { applicantName: '周*珍', status: 'cancelled' },
    ]);

    const records = (await platform.request('GET', '/_admin/records', { token: ADMIN_TOKEN })).json<StoredRecords>();
    expect(records.applications).toMatchObject([
      {
        caseNo: summary?.caseNo,
        applicant: { name: '王*兰', idNumber: '3707**********0035' },
        agent: { name: '李*国', idNumber: '3707**********002X' },
        identity: { applicant: 'typedNumber', agent: 'idCardChip' },
        identityCheckNeeded: true,
      },
    ]);
  });
});

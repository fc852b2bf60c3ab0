import { createHash, randomUUID } from 'node:crypto';
import type { ApplicationSubmission } from '../../../platform/contract/applications';
import type { AssistanceRequest } from '../../../platform/contract/assistance';
import type { Catalog } from '../../../platform/contract/catalog';
import type { Heartbeat } from '../../../platform/contract/terminals';
import type { RatingSubmission } from '../../../platform/contract/ratings';

/**
 * What one simulated kiosk does in a staffed hour, in simulated time (docs/county-scale.md
 * "The fleet simulation" says where the figures come from). The seed documents give the station
 * network and its 62 village matters but no daily volumes; these are a village station's busy
 * day, rounded up so the platform is not flattered:
 *
 * - 4 queue tickets an hour (about 30 in a staffed day, the sample services' daily caps are
 *   100–300 numbers at a town centre);
 * - 1 application an hour with one small scanned page (20 KB) uploaded first, and a 好差评 rating
 *   of it from 7 in 10 applicants;
 * - 1 help request (帮办代办 callback) every two hours;
 * - a heartbeat every 60 s (the platform's default interval, ±20 % jitter as the kiosk does it).
 *
 * A county of 1,000 kiosks is then about 17 heartbeats and 2.2 business requests a second; time
 * compression multiplies both.
 */
export const PER_KIOSK_PER_HOUR = {
  tickets: 4,
  applications: 1,
  ratingShare: 0.7,
  helpRequests: 0.5,
} as const;

export const MATERIAL_PAGE_BYTES = 20 * 1024;

/** Seconds to the next event of a Poisson process with `perHour` events an hour. */
export function nextArrivalSeconds(perHour: number, random: () => number): number {
  return (-Math.log(1 - random()) * 3600) / perHour;
}

/** A page of scan-like bytes, distinct per kiosk and sequence (so its sha256 is too). */
export function materialPage(terminalId: string, seq: number): { bytes: Buffer; sha256: string } {
  const bytes = Buffer.alloc(MATERIAL_PAGE_BYTES);
  const seed = createHash('sha256').update(`${terminalId}/${seq}`).digest();
  for (let i = 0; i < bytes.length; i += seed.length) seed.copy(bytes, i);
  // A JPEG's start and end markers, as a document camera's page has.
  bytes[0] = 0xff;
  bytes[1] = 0xd8;
  bytes[bytes.length - 2] = 0xff;
  bytes[bytes.length - 1] = 0xd9;
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The catalog's first matter any kiosk may take an application for. */
export function benchMatter(catalog: Catalog): ApplicationSubmission['matter'] & { catalogVersion: string } {
  const matter = catalog.matters[0];
  if (!matter) throw new Error('the seed catalog has no matters');
  return {
    matterCode: matter.code,
    matterVersion: matter.version,
    matterName: matter.name,
    catalogVersion: catalog.version,
  };
}

export function applicationSubmission(
  stationId: string,
  matter: ReturnType<typeof benchMatter>,
  page: { sha256: string },
  at: Date,
): ApplicationSubmission {
  const { catalogVersion, ...named } = matter;
  return {
    localRef: randomUUID(),
    matter: named,
    catalogVersion,
    stationId,
    applicant: {
      kind: 'naturalPerson',
      // Made up (valid shape, no real person).
      person: { name: '张三丰', idType: 'residentIdCard', idNumber: '370784195001011234', phone: '13800001234' },
    },
    agent: null,
    form: { phone: '13800001234' },
    materials: [
      { name: '居民身份证', pages: [{ sha256: page.sha256, contentType: 'image/jpeg', size: MATERIAL_PAGE_BYTES }] },
    ],
    delivery: { method: 'pickUp', servicePointId: 'aq-jingzhi-centre' },
    confirmedAt: at.toISOString(),
    offline: false,
    bundle: null,
  };
}

export function ratingOfApplication(
  stationId: string,
  localRef: string,
  optionsVersion: string,
  at: Date,
): RatingSubmission {
  return {
    subject: { kind: 'application', ref: localRef },
    matter: null,
    stationId,
    channel: 'selfServiceTerminal',
    level: 5,
    optionsVersion,
    optionCodes: [],
    evaluator: 'applicant',
    ratedAt: at.toISOString(),
    offline: false,
  };
}

export function callbackRequest(stationId: string, at: Date): AssistanceRequest {
  return {
    kind: 'callback',
    stationId,
    requesterName: '李大爷',
    matter: null,
    caseNo: null,
    needs: ['elderly'],
    requestedAt: at.toISOString(),
    offline: false,
    phone: '13800001234',
    preferredTime: 'morning',
  };
}

/** What a healthy kiosk reports, with its own outbox figures. */
export function heartbeatOf(at: Date, startedAt: Date, catalogVersion: string, outbox: Heartbeat['outbox']): Heartbeat {
  return {
    sentAt: at.toISOString(),
    appVersion: '0.1.0',
    catalogVersion,
    host: 'browser',
    uptimeSeconds: Math.max(0, Math.round((at.getTime() - startedAt.getTime()) / 1000)),
    catalogConfirmedAt: startedAt.toISOString(),
    catalogAgeSeconds: 60,
    catalogStale: false,
    ratingOptionsVersion: null,
    devices: [],
    paper: null,
    outbox,
    disk: { freeBytes: 20_000_000_000, totalBytes: 64_000_000_000 },
    lastInspection: null,
    residentSessionActive: false,
  };
}

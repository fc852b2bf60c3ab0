import type Database from 'better-sqlite3';
import type { ApplicationSubmission, Delivery, FormValues } from '../../platform/contract/applications';
import type { Agent, Applicant, MatterRef } from '../../platform/contract/common';
import type { DataSealer } from '../outbox/data-sealer';
import { enqueueBinary } from '../outbox/outbox-store';
import type { SealedForm, SealedPeople } from './application-store';

/** Which bundle (一件事) a submission belongs to; the platform links the cases by `bundleRef`. */
export type BundleInfo = NonNullable<ApplicationSubmission['bundle']>;

/** What one POST /applications carries, byte for byte on every attempt. */
export type SubmissionBody = ApplicationSubmission;

export interface NewApplication {
  readonly localRef: string;
  readonly confirmationId: string;
  readonly applicantKey: string;
  readonly lifeEventId: string | null;
  readonly catalogVersion: string;
  readonly stationId: string;
  readonly submittedAt: string;
  readonly offline: boolean;
  readonly applicant: Applicant;
  readonly agent: Agent | null;
  readonly form: FormValues;
  readonly delivery: Delivery;
  readonly matters: ReadonlyArray<{
    readonly submissionRef: string;
    readonly matter: MatterRef;
    readonly promisedWorkingDays: number | null;
    readonly body: SubmissionBody;
  }>;
  /** Distinct material bytes, by sha256 of the plain bytes. */
  readonly blobs: ReadonlyArray<{
    readonly sha256: string;
    readonly contentType: 'application/pdf';
    readonly bytes: Buffer;
  }>;
  readonly pages: ReadonlyArray<{ readonly materialName: string; readonly seq: number; readonly sha256: string }>;
}

/**
 * Idempotency-Keys come from what the resident confirmed, never from a fresh random value: a
 * second press, or a retry after a crash, lands on the same keys (and the UNIQUE confirmation id),
 * so the platform can never receive the application twice under different keys.
 */
export const applicationKey = (confirmationId: string, index: number) => `${confirmationId}:application:${index}`;
export const materialKey = (confirmationId: string, sha256: string) => `${confirmationId}:material:${sha256}`;

/**
 * Stores the application, its material bytes and its outbox rows in ONE transaction: either all of
 * it is on disk (synchronous=FULL) or none of it. Materials are queued before the applications
 * that refer to them, so the in-order outbox uploads every page before the case that needs it.
 * When the confirmation id is already stored, nothing is written and its local reference answers.
 */
export function commitApplication(
  db: Database.Database,
  sealer: DataSealer,
  application: NewApplication,
  now: Date,
): { created: boolean; localRef: string } {
  return db.transaction(() => {
    const existing = db
      .prepare('SELECT local_ref FROM application WHERE confirmation_id = ?')
      .pluck()
      .get(application.confirmationId);
    if (typeof existing === 'string') return { created: false, localRef: existing };

    const seal = (value: unknown) => sealer.seal(Buffer.from(JSON.stringify(value), 'utf8'));
    const people: SealedPeople = { applicant: application.applicant, agent: application.agent };
    const form: SealedForm = { form: application.form, delivery: application.delivery };
    db.prepare(
      `INSERT INTO application (local_ref, confirmation_id, applicant_key, life_event_id, catalog_version, station_id,
         submitted_at, offline, delivery_method, sealed_people, sealed_form)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      application.localRef,
      application.confirmationId,
      application.applicantKey,
      application.lifeEventId,
      application.catalogVersion,
      application.stationId,
      application.submittedAt,
      application.offline ? 1 : 0,
      application.delivery.method,
      seal(people),
      seal(form),
    );

    const insertBlob = db.prepare(
      `INSERT INTO application_blob (local_ref, sha256, content_type, size, sealed_bytes, outbox_id)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    for (const blob of application.blobs) {
      const sealed = sealer.seal(blob.bytes);
      const { id } = enqueueBinary(
        db,
        {
          kind: 'material',
          operation: 'putMaterial',
          params: { sha256: blob.sha256 },
          idempotencyKey: materialKey(application.confirmationId, blob.sha256),
          bytes: sealed,
          contentType: blob.contentType,
          sealed: true,
        },
        now,
      );
      insertBlob.run(application.localRef, blob.sha256, blob.contentType, blob.bytes.length, sealed, id);
    }
    const insertPage = db.prepare(
      'INSERT INTO application_page (local_ref, material_name, seq, sha256) VALUES (?, ?, ?, ?)',
    );
    for (const page of application.pages)
      insertPage.run(application.localRef, page.materialName, page.seq, page.sha256);

    const insertMatter = db.prepare(
      `INSERT INTO application_matter (local_ref, idx, submission_ref, matter_code, matter_version, matter_name,
         promised_working_days, outbox_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    application.matters.forEach((matter, index) => {
      const { id } = enqueueBinary(
        db,
        {
          kind: 'application',
          operation: 'submitApplication',
          idempotencyKey: applicationKey(application.confirmationId, index),
          bytes: seal(matter.body),
          contentType: null,
          sealed: true,
        },
        now,
      );
      insertMatter.run(
        application.localRef,
        index,
        matter.submissionRef,
        matter.matter.matterCode,
        matter.matter.matterVersion,
        matter.matter.matterName,
        matter.promisedWorkingDays,
        id,
      );
    });
    return { created: true, localRef: application.localRef };
  })();
}

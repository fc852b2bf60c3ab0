import { randomUUID } from 'node:crypto';
import { type z } from 'zod';
import type { ApplicationReceipt, SubmitApplicationInput } from '../api/applications';
import type { PrintResult } from '../api/resident';
import { err, ok, type Result } from '../pure/result';
import type { ServiceDeps } from '../app/service-deps';
import { printOrScreen } from '../devices/print-result';
import type { DataSealer } from '../outbox/data-sealer';
import type { ProofKind, SignedIn } from '../session/resident-session-types';
import type { ReceiptDocument } from '../../drivers/printer/receipt-document';
import type {
  Delivery,
  IdentityAssurance,
  IdentityEvidence,
  LicenceReference,
  SubmittedMaterial,
} from '../../platform/contract/applications';
import { acceptsLicenceCode } from '../api/licence-materials';
import type { LicenceScans } from '../scan/licence-scans';
import { PhoneNumber, type Agent, type Person } from '../../platform/contract/common';
import {
  loadApplication,
  localRefOfConfirmation,
  recordPrint,
  statusOf,
  type StoredApplication,
} from './application-store';
import { commitApplication, type NewApplication } from './commit';
import { applicableMatters } from './matters';
import { formOfMatter, validateForm, valuesForForm } from './matter-form';
import { applicationReceipt, progressQrOf } from './receipt';

export type SubmitInput = z.output<typeof SubmitApplicationInput>;

export type SubmitError = {
  code:
    | 'notSignedIn'
    | 'notSelfService'
    | 'invalidForm'
    | 'materialMissing'
    | 'captureMissing'
    | 'catalogStale'
    | 'notFound';
  message: string;
};

export interface SubmitOptions {
  /** How long the resident waits for the platform's 办件编号 before the receipt says 已保存在本机. */
  readonly deliveryWaitMs: number;
  /** Reads of the QR scanner held for this visit: a 亮证码 given for a material is taken from here. */
  readonly licenceScans: LicenceScans;
}

/**
 * application.submit: validate, commit everything in one transaction, try to deliver at once,
 * print the receipt. The same confirmationId always answers the same application: a second
 * press while the first is still running waits for it, a later one (even after a restart) reads
 * it back from the store.
 */
export function createSubmitter(deps: ServiceDeps, options: SubmitOptions) {
  const log = deps.logger.child({ component: 'applications' });
  const inFlight = new Map<string, Promise<Result<ApplicationReceipt, SubmitError>>>();
  /** Local references submitted in this resident session (reprint is allowed for these only). */
  const ofThisSession = new Set<string>();
  deps.session.onEnd(() => ofThisSession.clear());

  const print = async (document: ReceiptDocument, reprint: boolean): Promise<PrintResult> => {
    try {
      return await printOrScreen(deps.devices, document, { reprint });
    } catch (error) {
      // The application is saved whatever the printer did; the receipt goes to the screen.
      log.error({ err: error }, 'printing the receipt failed unexpectedly');
      return { output: 'screen', problem: 'printFailed' };
    }
  };

  /** The receipt of a stored application; prints it first if it never reached paper or screen. */
  const answer = async (localRef: string): Promise<ApplicationReceipt> => {
    let application = mustLoad(localRef);
    if (application.print === null) {
      const printed = await print(applicationReceipt(deps.info, application), false);
      recordPrint(deps.db, localRef, printed);
      application = mustLoad(localRef);
    }
    return receiptOf(
      application,
      application.print ?? { output: 'screen', problem: 'printFailed' },
      deps.info.station.progressPageUrl ?? null,
    );
  };

  const mustLoad = (localRef: string): StoredApplication => {
    const application = loadApplication(deps.db, localRef);
    if (!application) throw new Error(`application ${localRef} vanished from the store`);
    return application;
  };

  const waitForDelivery = async (application: StoredApplication) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const gaveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, options.deliveryWaitMs)));
    await Promise.race([deps.outbox.kick(), gaveUp]);
    clearTimeout(timer);
    const refreshed = mustLoad(application.localRef);
    log.info(
      { localRef: application.localRef, status: statusOf(refreshed), matters: refreshed.matters.length },
      'application committed',
    );
    return refreshed;
  };

  const submitOnce = async (input: SubmitInput): Promise<Result<ApplicationReceipt, SubmitError>> => {
    const applicant = deps.session.applicant();
    if (!applicant) return err({ code: 'notSignedIn', message: 'sign in as the applicant first' });
    const stored = localRefOfConfirmation(deps.db, input.confirmationId);
    if (stored) return ok(await answer(stored));

    const prepared = prepare(deps, deps.sealer, input, applicant, options.licenceScans);
    if (!prepared.ok) return prepared;
    const committed = commitApplication(deps.db, deps.sealer, prepared.value.application, deps.now());
    if (!committed.created) return ok(await answer(committed.localRef));
    // The bytes are in the store now; the staged copies are wiped.
    for (const captureId of prepared.value.captureIds) deps.captures.discard(captureId);
    ofThisSession.add(committed.localRef);

    const application = await waitForDelivery(mustLoad(committed.localRef));
    const printed = await print(applicationReceipt(deps.info, application), false);
    recordPrint(deps.db, application.localRef, printed);
    for (const matter of application.matters) {
      deps.session.recordCompleted({
        kind: 'application',
        ref: matter.accepted?.caseNo ?? (matter.index === 0 ? application.localRef : matter.submissionRef),
        title: matter.matter.matterName.slice(0, 128),
        matterCode: matter.matter.matterCode,
      });
    }
    return ok(receiptOf(application, printed, deps.info.station.progressPageUrl ?? null));
  };

  return {
    submit(input: SubmitInput): Promise<Result<ApplicationReceipt, SubmitError>> {
      const running = inFlight.get(input.confirmationId);
      if (running) return running;
      const work = submitOnce(input).finally(() => inFlight.delete(input.confirmationId));
      inFlight.set(input.confirmationId, work);
      return work;
    },
    async reprint(localRef: string): Promise<Result<PrintResult, { code: 'notFound'; message: string }>> {
      const application = ofThisSession.has(localRef) ? loadApplication(deps.db, localRef) : null;
      if (!application) return err({ code: 'notFound', message: 'no application of this session has that reference' });
      return ok(await print(applicationReceipt(deps.info, application), true));
    },
  };
}

function receiptOf(application: StoredApplication, print: PrintResult, pageUrl: string | null): ApplicationReceipt {
  return {
    localRef: application.localRef,
    status: statusOf(application) === 'delivered' ? 'delivered' : 'savedOffline',
    matters: application.matters.map((m) => ({
      matter: m.matter,
      caseNo: m.accepted?.caseNo ?? null,
      promisedBy: m.accepted?.promisedBy ?? null,
    })),
    submittedAt: application.submittedAt,
    receiptLines: application.matters.flatMap((m) => m.accepted?.receiptLines ?? []),
    progressQr: progressQrOf(application, pageUrl),
    print,
  };
}

type Prepared = { application: NewApplication; captureIds: string[] };

/**
 * How the platform contract names each way the kiosk identifies a person, so staff check the ID
 * document at 受理 when it was only typed. A new kind of proof must be named here (the Record
 * makes that a type error until it is).
 */
const EVIDENCE_OF_PROOF: Readonly<Record<ProofKind, IdentityEvidence>> = {
  card: 'idCardChip',
  typed: 'typedNumber',
};

function identityOf(applicant: SignedIn, agent: SignedIn | null): IdentityAssurance {
  return {
    applicant: EVIDENCE_OF_PROOF[applicant.proof.kind],
    agent: agent === null ? null : EVIDENCE_OF_PROOF[agent.proof.kind],
  };
}

/** Everything checked and built before the transaction, so the transaction itself only writes. */
function prepare(
  deps: ServiceDeps,
  sealer: DataSealer,
  input: SubmitInput,
  applicant: SignedIn,
  licenceScans: LicenceScans,
): Result<Prepared, SubmitError> {
  const applicable = applicableMatters(deps.db, deps.catalogSync, input.matterCodes);
  if (!applicable.ok) {
    const { code, message } = applicable.error;
    return err({ code: code === 'catalogEmpty' ? 'notFound' : code, message });
  }
  const { matters, forms, form, materials, catalogVersion } = applicable.value;

  const problems = validateForm(form, input.form);
  if (problems.length > 0) {
    // The dispatcher passes only code and message: the fields are named in the message.
    return err({
      code: 'invalidForm',
      message: `fields: ${problems.map((p) => `${p.field} (${p.problem})`).join(', ')}`,
    });
  }

  const licences = input.licences ?? [];
  for (const licence of licences) {
    if (!materials.some((m) => m.name === licence.materialName) || !acceptsLicenceCode(licence.materialName)) {
      return err({ code: 'materialMissing', message: `a 亮证码 cannot stand for ${licence.materialName}` });
    }
    if (!licenceScans.has(licence.scanId, deps.now())) {
      return err({ code: 'captureMissing', message: 'the 亮证码 read is no longer held (scan it again)' });
    }
  }
  for (const requirement of materials) {
    const given = input.materials.find((m) => m.name === requirement.name);
    const byLicence = licences.some((licence) => licence.materialName === requirement.name);
    if (requirement.required && (!given || given.captureIds.length === 0) && !byLicence) {
      return err({ code: 'materialMissing', message: `material required: ${requirement.name}` });
    }
  }
  const blobs = new Map<string, { sha256: string; contentType: 'application/pdf'; bytes: Buffer }>();
  const pages: Array<{ materialName: string; seq: number; sha256: string }> = [];
  const submitted: Array<{ name: string; material: SubmittedMaterial }> = [];
  const captureIds: string[] = [];
  for (const material of input.materials) {
    const materialPages: SubmittedMaterial['pages'] = [];
    for (const [seq, captureId] of material.captureIds.entries()) {
      const capture = deps.captures.get(captureId);
      if (!capture) return err({ code: 'captureMissing', message: `capture ${captureId} is not staged (retake it)` });
      // Copied: the staged buffer is wiped once the application holds the bytes.
      if (!blobs.has(capture.sha256)) {
        blobs.set(capture.sha256, {
          sha256: capture.sha256,
          contentType: 'application/pdf',
          bytes: Buffer.from(capture.pdf),
        });
      }
      pages.push({ materialName: material.name, seq, sha256: capture.sha256 });
      materialPages.push({ sha256: capture.sha256, contentType: 'application/pdf', size: capture.pdf.length });
      captureIds.push(captureId);
    }
    if (materialPages.length > 0)
      submitted.push({ name: material.name, material: { name: material.name, pages: materialPages } });
  }

  // Taken last, once everything else is known to be right: the texts then live only in the sealed
  // submission (and its outbox row), not in memory.
  const references: LicenceReference[] = [];
  for (const licence of licences) {
    const read = licenceScans.take(licence.scanId, deps.now());
    if (read) references.push({ materialName: licence.materialName, code: read.text, scannedAt: read.scannedAt });
  }

  const localRef = randomUUID();
  const submittedAt = deps.now().toISOString();
  const offline = deps.platformReachability() === 'unreachable';
  const phone = PhoneNumber.safeParse(typeof input.form['phone'] === 'string' ? input.form['phone'].trim() : '');
  const person: Person = { ...applicant.person, ...(phone.success ? { phone: phone.data } : {}) };
  const agent = agentOf(deps, submitted);
  const identity = identityOf(applicant, deps.session.agent());
  const delivery: Delivery =
    input.delivery.method === 'pickUp' ? { method: 'pickUp', servicePointId: deps.info.station.id } : input.delivery;
  const lifeEventId = input.lifeEventId;

  return ok({
    captureIds,
    application: {
      localRef,
      confirmationId: input.confirmationId,
      applicantKey: sealer.indexKey(person.idType, person.idNumber),
      lifeEventId: input.lifeEventId,
      catalogVersion,
      stationId: deps.info.station.id,
      submittedAt,
      offline,
      applicant: { kind: 'naturalPerson', person },
      agent,
      form: input.form,
      delivery,
      blobs: [...blobs.values()],
      pages,
      matters: matters.map((matter, index) => {
        const submissionRef = index === 0 ? localRef : randomUUID();
        const ref = { matterCode: matter.code, matterVersion: matter.version, matterName: matter.name };
        const needed = new Set(materials.filter((m) => m.matterCodes.includes(matter.code)).map((m) => m.name));
        const known = new Set(materials.map((m) => m.name));
        return {
          submissionRef,
          matter: ref,
          promisedWorkingDays: matter.promisedWorkingDays,
          body: {
            localRef: submissionRef,
            matter: ref,
            catalogVersion,
            stationId: deps.info.station.id,
            applicant: { kind: 'naturalPerson', person },
            agent,
            form: valuesForForm(forms[index] ?? formOfMatter(matter), input.form),
            // Its own materials, and any extra the resident added that no guide names.
            materials: submitted.filter((s) => needed.has(s.name) || !known.has(s.name)).map((s) => s.material),
            delivery,
            confirmedAt: submittedAt,
            offline,
            bundle: lifeEventId === null ? null : { lifeEventId, bundleRef: localRef, index, count: matters.length },
            ...licenceReferencesFor(references, needed, known),
            identity,
          },
        };
      }),
    },
  });
}

/** The 亮证码 of the materials this matter needs; the field is left out when there are none. */
function licenceReferencesFor(
  references: readonly LicenceReference[],
  needed: ReadonlySet<string>,
  known: ReadonlySet<string>,
): { licenceReferences?: LicenceReference[] } {
  const mine = references.filter((r) => needed.has(r.materialName) || !known.has(r.materialName));
  return mine.length > 0 ? { licenceReferences: mine } : {};
}

/** The 经办人 as the platform records them; a captured 委托书 is the letter of authority. */
function agentOf(
  deps: ServiceDeps,
  submitted: ReadonlyArray<{ name: string; material: SubmittedMaterial }>,
): Agent | null {
  const agent = deps.session.agent();
  if (!agent) return null;
  const letter = submitted.find((s) => s.name.includes('委托书'))?.material.pages[0];
  return {
    person: agent.person,
    relation: agent.relation,
    authorisation: letter
      ? { kind: 'letterOfAuthority', materialSha256: letter.sha256 }
      : { kind: 'consentStatement', materialSha256: null },
  };
}

import type { SqlQueries } from '../db/sql';
import type { IdentityOnRecord, StoredRecords } from '../../contract/admin';
import type { Person } from '../../contract/common';
import type { z } from 'zod';
import { maskIdNumber, maskName } from '../privacy/mask';
import type { PlatformSealer } from '../sealing/sealer';
import { applicantPerson, openSubmission } from './applications';

/**
 * What kiosks delivered, for `GET /_admin/records`: each record with its global arrival number
 * and the count of rows sharing its natural key (1 = stored exactly once). Applications also show
 * who applied, masked, and how the kiosk identified them, so staff know whose ID document to
 * check at 受理. Nothing here is a full name, number, phone or address.
 */

type Identified = z.infer<typeof IdentityOnRecord>;

interface ApplicationListRow {
  arrival: number;
  receivedAt: string;
  terminalId: string;
  localRef: string;
  caseNo: string;
  rows: number;
  applicantBy: Identified;
  agentBy: Identified | null;
  sealed: Buffer;
}

const masked = (person: Person) => ({ name: maskName(person.name), idNumber: maskIdNumber(person.idNumber) });
const verified = (evidence: Identified | null) => evidence === null || evidence === 'idCardChip';

export async function storedRecords(db: SqlQueries, sealer: PlatformSealer): Promise<StoredRecords> {
  const applicationRows = await db.all<ApplicationListRow>(
    `SELECT a.arrival, a.received_at AS "receivedAt", p.terminal_id AS "terminalId", p.local_ref AS "localRef",
         p.case_no AS "caseNo", p.applicant_identified_by AS "applicantBy", p.agent_identified_by AS "agentBy",
         p.sealed_submission AS sealed,
         (SELECT count(*) FROM applications q WHERE q.terminal_id = p.terminal_id AND q.local_ref = p.local_ref) AS "rows"
       FROM applications p JOIN record_arrivals a ON a.kind = 'application' AND a.record_id = p.case_no
       ORDER BY a.arrival`,
  );
  const applications = applicationRows.map(({ sealed, applicantBy, agentBy, ...row }) => {
    const submission = openSubmission(sealer, row.caseNo, sealed);
    return {
      ...row,
      applicant: masked(applicantPerson(submission.applicant)),
      agent: submission.agent ? masked(submission.agent.person) : null,
      identity: { applicant: applicantBy, agent: agentBy },
      identityCheckNeeded: !verified(applicantBy) || !verified(agentBy),
      licencesToVerify: (submission.licenceReferences ?? []).map((licence) => licence.materialName),
    };
  });
  const tickets = await db.all<StoredRecords['tickets'][number]>(
    `SELECT a.arrival, a.received_at AS "receivedAt", t.terminal_id AS "terminalId", t.ticket_id AS "ticketId", t.source,
         t.range_id AS "rangeId", t.station_id AS "stationId", t.service_code AS "serviceCode", t.day AS "date", t.number,
         t.ticket_no AS "ticketNo",
         (SELECT count(*) FROM tickets u WHERE u.station_id = t.station_id AND u.service_code = t.service_code
            AND u.day = t.day AND u.number = t.number) AS "rows"
       FROM tickets t JOIN record_arrivals a ON a.kind = 'ticket' AND a.record_id = t.ticket_id
       ORDER BY a.arrival`,
  );
  const ratings = await db.all<StoredRecords['ratings'][number]>(
    `SELECT a.arrival, a.received_at AS "receivedAt", r.terminal_id AS "terminalId", r.rating_id AS "ratingId",
         r.subject_kind AS "subjectKind", r.subject_ref AS "subjectRef", r.submitted_ref AS "submittedRef",
         w.work_order_no AS "workOrderNo",
         (SELECT count(*) FROM ratings s WHERE s.subject_kind = r.subject_kind AND s.subject_ref = r.subject_ref) AS "rows"
       FROM ratings r JOIN record_arrivals a ON a.kind = 'rating' AND a.record_id = r.rating_id
         LEFT JOIN work_orders w ON w.rating_id = r.rating_id
       ORDER BY a.arrival`,
  );
  const assistanceRequests = await db.all<StoredRecords['assistanceRequests'][number]>(
    `SELECT a.arrival, a.received_at AS "receivedAt", x.terminal_id AS "terminalId", x.request_id AS "requestId", x.kind,
         x.requested_at AS "requestedAt",
         (SELECT count(*) FROM assistance_requests y WHERE y.terminal_id = x.terminal_id AND y.kind = x.kind
            AND y.requested_at = x.requested_at) AS "rows"
       FROM assistance_requests x JOIN record_arrivals a ON a.kind = 'assistanceRequest' AND a.record_id = x.request_id
       ORDER BY a.arrival`,
  );
  return { applications, tickets, ratings, assistanceRequests };
}

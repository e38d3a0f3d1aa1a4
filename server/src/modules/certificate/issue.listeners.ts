import { sql } from 'kysely';
import { db } from '../../shared/db/kysely.js';
import { EnrolmentStatus, type OutcomeTransaction } from '../enrolment/index.js';
import { CertificateSource } from './certificate.entity.js';
import { enrolmentRefs, issueCertificates, revokeCertificatesForSources } from './issue.service.js';

/** Shown on the public page beside "Dicabut" when the organiser's correction took a completion back. */
export const COMPLETION_WITHDRAWN_REASON = 'Kelulusan dibatalkan oleh koreksi penyelenggara';

/**
 * Course runs and workshops: registered with the enrolment module's outcome listeners, so a certificate is issued
 * in the very transaction that completes an enrolment (or settles a workshop), and revoked in the one that takes
 * the completion back. A completion whose JP changed is re-issued (issueCertificates supersedes).
 */
export async function certifyEnrolmentOutcomes(tx: OutcomeTransaction, enrolmentIds: string[]): Promise<void> {
  await issueCertificates(tx, enrolmentRefs(enrolmentIds));
  const withdrawn = await db(tx).selectFrom('enrolment').select('id')
    .where('id', '=', sql<string>`any(${enrolmentIds}::uuid[])`).where('status', '<>', EnrolmentStatus.COMPLETED).execute();
  await revokeCertificatesForSources(tx, enrolmentRefs(withdrawn.map((w) => w.id)), COMPLETION_WITHDRAWN_REASON);
}

/** Programmes: registered with the programme module's completion listeners (a participant completed or taken back). */
export async function certifyProgrammeOutcomes(tx: OutcomeTransaction, changes: { completed: string[]; revoked: string[] }): Promise<void> {
  const refs = (ids: string[]) => ids.map((sourceId) => ({ source: CertificateSource.PROGRAMME, sourceId }));
  await issueCertificates(tx, refs(changes.completed));
  await revokeCertificatesForSources(tx, refs(changes.revoked), COMPLETION_WITHDRAWN_REASON);
}

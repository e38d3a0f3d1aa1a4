import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { SignedInOperationContext } from '../../app/context.js';
import { db, inTransaction } from '../../shared/db/kysely.js';
import { AppError } from '../../shared/errors.js';
import { isUuid } from '../../shared/util/ids.js';
import { CertificateSource, CertificateStatus } from './certificate.entity.js';
import type { CertificateTransaction } from './certificate.hooks.js';
import { certificateColumns, toCertificate } from './certificate.sql.js';
import type { Certificate } from './certificate.types.js';
import type { CertificateFactsRow } from './issue.facts.js';
import { issueCertificates } from './issue.service.js';
import { mayManageCertificate } from './lifecycle.policy.js';

/**
 * EXTERNAL_ACTIVITY's facts: a VERIFIED activity of the learning-hours record (its id is the source), issued under the
 * agency that verified it (the activity's agency), with the title, form, organiser's dates and the JP its standing
 * ledger line credited. Read with SQL, not through the learning-hours module: it sits below this one.
 */
export async function externalActivityFacts(tx: CertificateTransaction, ids: string[]): Promise<CertificateFactsRow[]> {
  const { rows } = await sql<CertificateFactsRow>`
    select 'EXTERNAL_ACTIVITY' as source, x.id as source_id, x.person_id, p.full_name as recipient_name, p.nip as recipient_nip,
           x.agency_id as issuing_agency_id, null::uuid as partner_id, x.title, x.form, '{}'::text[] as competencies,
           x.starts_on::text as starts_on, x.ends_on::text as ends_on, coalesce(x.decided_at, now()) as completed_at,
           coalesce((select sum(lr.jp) from learning_record lr
                      where lr.source = 'EXTERNAL_ACTIVITY' and lr.source_id = x.id
                        and lr.reverses_id is null and lr.status = 'CREDITED'), 0)::text as jp
      from external_activity x join person p on p.id = x.person_id
     where x.id = any(${ids}::uuid[]) and x.status = 'VERIFIED' and x.agency_id is not null`.execute(db(tx));
  return rows;
}

/**
 * An agency admin issues the certificate of a verified external activity of a person of their agency (platform
 * admins: any). Exactly once: a second call answers the certificate already issued. The activity must be VERIFIED
 * (EXTERNAL_ACTIVITY_NOT_VERIFIED); an admin never issues for a person holding a role beyond what they could grant
 * (the certificates' management rule); everyone else gets NOT_FOUND, as the activity's own reads answer.
 */
export async function issueExternalActivityCertificate(ctx: SignedInOperationContext, activityId: string): Promise<Certificate> {
  if (!isUuid(activityId)) throw new AppError('NOT_FOUND', { what: 'externalActivity' });
  return inTransaction(ctx, async (tx) => {
    const activity = await db(tx).selectFrom('external_activity as x').innerJoin('person as p', 'p.id', 'x.person_id')
      .select((eb) => ['x.id', 'x.status', 'x.agency_id', 'x.person_id', 'p.partner_id', 'p.supervisor_id', 'p.agency_id as holder_agency_id',
        jsonArrayFrom(eb.selectFrom('role_grant as g').select(['g.role', 'g.agency_id', 'g.partner_id']).whereRef('g.person_id', '=', 'p.id')).as('grants')])
      .where('x.id', '=', activityId).executeTakeFirst();
    if (!activity?.agency_id || !tx.viewer.administersAgency(activity.agency_id)) throw new AppError('NOT_FOUND', { what: 'externalActivity' });
    const holder = { person_id: activity.person_id, agency_id: activity.holder_agency_id, partner_id: activity.partner_id, supervisor_id: activity.supervisor_id, grants: activity.grants };
    if (!mayManageCertificate(tx.viewer, { issuingAgencyId: activity.agency_id }, holder)) throw new AppError('FORBIDDEN');
    if (activity.status !== 'VERIFIED') throw new AppError('EXTERNAL_ACTIVITY_NOT_VERIFIED');
    await issueCertificates(tx, [{ source: CertificateSource.EXTERNAL_ACTIVITY, sourceId: activityId }]);
    const row = await db(tx).selectFrom('certificate as c').select(certificateColumns)
      .where('c.source', '=', CertificateSource.EXTERNAL_ACTIVITY).where('c.source_id', '=', activityId)
      .where('c.status', '=', CertificateStatus.VALID).executeTakeFirstOrThrow();
    return toCertificate(row);
  });
}

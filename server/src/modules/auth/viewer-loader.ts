import type { EntityManager } from '@mikro-orm/postgresql';
import { Viewer, type RoleScope } from '../../shared/auth/viewer.js';
import { preparedRows } from '../../shared/db/prepared.js';

interface ViewerRow {
  person_id: string;
  full_name: string;
  agency_id: string | null;
  partner_id: string | null;
  employment_type: string;
  locale: string;
  is_supervisor: boolean;
  grants: RoleScope[] | null;
}

/**
 * One statement per request (prepared: it runs on every request): the session, its person, their
 * grants and whether anyone reports to them. Expired sessions and deactivated people yield no viewer.
 */
export async function loadViewer(em: EntityManager, tokenHash: string): Promise<Viewer | null> {
  const rows = await preparedRows<ViewerRow>(em,
    `select p.id as person_id, p.full_name, p.agency_id, p.partner_id, p.employment_type, p.locale,
            exists (select 1 from person s where s.supervisor_id = p.id and s.active) as is_supervisor,
            (select json_agg(json_build_object('role', g.role, 'agencyId', g.agency_id, 'partnerId', g.partner_id))
               from role_grant g where g.person_id = p.id) as grants
       from session ss join person p on p.id = ss.person_id
      where ss.token_hash = $1 and ss.expires_at > now() and p.active`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row) return null;
  return new Viewer(
    row.person_id,
    row.full_name,
    row.agency_id,
    row.partner_id,
    (row.grants ?? []).map((g) => ({ role: g.role, agencyId: g.agencyId, partnerId: g.partnerId })),
    row.is_supervisor,
    row.employment_type !== 'NON_ASN',
    row.locale === 'en' ? 'en' : 'id',
  );
}

import type { Viewer } from '../../shared/auth/viewer.js';
import { canManageGrant, type GrantScope } from '../person/index.js';

/** What the ledger's policies need about the person a line belongs to (as they are now). */
export interface LedgerPerson {
  person_id: string;
  supervisor_id: string | null;
  agency_id: string | null;
  partner_id: string | null;
}

/**
 * Who may see a person's learning: the person, their supervisor, the admins of their agency, and platform
 * admins (also of people with no agency, such as partner staff, whom only platform admins administer).
 */
export function seesPersonLearning(viewer: Viewer, person: Omit<LedgerPerson, 'partner_id'>): boolean {
  return person.person_id === viewer.personId || person.supervisor_id === viewer.personId
    || viewer.isPlatformAdmin || viewer.administersAgency(person.agency_id);
}

/**
 * Who may take a ledger line back. A platform admin: any line, including lines with no agency (credited while
 * the person had none, or partner staff), which are nobody else's. An agency admin: only lines credited while
 * the person was in an agency they administer, and only of a person holding no role beyond what the admin could
 * grant them (issue 5's rule: an agency admin never acts on a platform admin, or on an admin of another agency,
 * even one who learned in theirs). `grants` are the person's role grants now.
 */
export function mayRevokeLine(
  viewer: Viewer, line: { agency_id: string | null }, person: LedgerPerson, grants: readonly GrantScope[],
): boolean {
  if (viewer.isPlatformAdmin) return true;
  if (!line.agency_id || !viewer.adminAgencyIds.includes(line.agency_id)) return false;
  const scope = { id: person.person_id, agency_id: person.agency_id, partner_id: person.partner_id, supervisor_id: person.supervisor_id };
  return grants.every((grant) => canManageGrant(viewer, scope, grant));
}

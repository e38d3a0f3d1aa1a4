import type { Viewer } from '../../shared/auth/viewer.js';

/** Who asks for an export: a viewer, or the requester of a stored export as the job sees them. */
export type Exporter = Pick<Viewer, 'personId' | 'isPlatformAdmin' | 'adminAgencyIds'>;

/**
 * An agency's training history: its admins and platform admins. Someone who administers no agency at all is
 * refused outright (FORBIDDEN, as a role check answers); an admin of another agency sees NOT_FOUND.
 */
export function mayExportAgencies(viewer: Exporter): boolean {
  return viewer.isPlatformAdmin || viewer.adminAgencyIds.length > 0;
}

export function mayExportAgency(viewer: Exporter, agencyId: string): boolean {
  return viewer.isPlatformAdmin || viewer.adminAgencyIds.includes(agencyId);
}

/**
 * Whether a line's NIP is written in full: the person themself, their supervisor, the admins of their agency now
 * and platform admins (person.policy's canSeeIdentityNumbers). An agency's export also holds the lines of people
 * who have since moved on; their admin then reads the NIP masked, as the API shows it.
 */
export function showsNipOf(viewer: Exporter, person: { person_id: string; supervisor_id: string | null; person_agency_id: string | null }): boolean {
  return person.person_id === viewer.personId || person.supervisor_id === viewer.personId || viewer.isPlatformAdmin
    || (!!person.person_agency_id && viewer.adminAgencyIds.includes(person.person_agency_id));
}

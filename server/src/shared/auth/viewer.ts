import { Role } from './roles.js';

export interface RoleScope {
  role: Role;
  agencyId: string | null;
  partnerId: string | null;
}

/** Who is calling: loaded once per request from the session. Policies take it as their first argument. */
export class Viewer {
  constructor(
    readonly personId: string,
    readonly fullName: string,
    readonly agencyId: string | null,
    readonly partnerId: string | null,
    readonly grants: RoleScope[],
    readonly isSupervisor: boolean,
    readonly isAsn: boolean,
    readonly locale: 'id' | 'en',
  ) {}

  get roles(): Role[] {
    const roles = new Set<Role>(this.grants.map((g) => g.role));
    if (this.isAsn) roles.add(Role.LEARNER);
    if (this.isSupervisor) roles.add(Role.SUPERVISOR);
    return [...roles];
  }

  hasRole(role: Role): boolean {
    return this.roles.includes(role);
  }

  get isPlatformAdmin(): boolean {
    return this.grants.some((g) => g.role === Role.PLATFORM_ADMIN);
  }

  /** Agencies this viewer administers. */
  get adminAgencyIds(): string[] {
    return this.grants.filter((g) => g.role === Role.AGENCY_ADMIN && g.agencyId).map((g) => g.agencyId!);
  }

  administersAgency(agencyId: string | null | undefined): boolean {
    return !!agencyId && (this.isPlatformAdmin || this.adminAgencyIds.includes(agencyId));
  }
}

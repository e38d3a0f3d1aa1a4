import { PersonResolver, RoleGrantResolver } from './person.resolver.js';

export { EmploymentType, Person, RoleGrant } from './person.entity.js';
export { checkNip, checkNipFor, maskNip, normalizeNip, nipProblemText } from './nip.js';
export { shownIdentity, type IdentityHolder } from './identity.js';
/** Issue 5's rule for the ledger's revocations (learning-hours): what an admin could grant a person. */
export { canManageGrant, type GrantScope } from './person.policy.js';
export const personResolvers = [PersonResolver, RoleGrantResolver] as const;

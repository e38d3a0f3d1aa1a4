import { PersonResolver, RoleGrantResolver } from './person.resolver.js';

export { EmploymentType, Person, RoleGrant } from './person.entity.js';
export { checkNip, checkNipFor, normalizeNip, nipProblemText } from './nip.js';
export { shownIdentity, type IdentityHolder } from './identity.js';
export const personResolvers = [PersonResolver, RoleGrantResolver] as const;

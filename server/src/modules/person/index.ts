import { PersonResolver, RoleGrantResolver } from './person.resolver.js';

export { EmploymentType, Person, RoleGrant } from './person.entity.js';
export { MIN_PASSWORD } from './person.inputs.js';
export { checkNip, checkNipFor, maskNip, normalizeNip, nipProblemText, type NipProblem } from './nip.js';
export { canAdministerPerson, canSeeIdentityNumbers, canViewPerson } from './person.policy.js';
export { shownIdentity, type IdentityHolder } from './identity.js';
export { PersonNode } from './person.types.js';
export const personResolvers = [PersonResolver, RoleGrantResolver] as const;

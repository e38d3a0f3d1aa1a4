import { registerEnumType } from 'type-graphql';

/**
 * What a person may do. LEARNER and SUPERVISOR are derived (an active ASN is a learner; whoever has
 * subordinates in the org chart is a supervisor); the others are granted per agency or partner.
 */
export enum Role {
  LEARNER = 'LEARNER',
  SUPERVISOR = 'SUPERVISOR',
  AGENCY_ADMIN = 'AGENCY_ADMIN',
  INSTRUCTOR = 'INSTRUCTOR',
  PARTNER_ADMIN = 'PARTNER_ADMIN',
  PLATFORM_ADMIN = 'PLATFORM_ADMIN',
}
registerEnumType(Role, { name: 'Role', description: 'What a person may do on the platform' });

/** Marker for operations anyone may call, signed in or not (sign-in itself, public verification). */
export const PUBLIC = 'PUBLIC';

import { sql } from 'kysely';
import type { SignedInOperationContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import { db, inTransaction } from '../../shared/db/kysely.js';
import { AppError } from '../../shared/errors.js';
import { writeAudit } from '../audit/index.js';
import { isUuid } from '../../shared/util/ids.js';
import type { GrantRoleInput } from './person.inputs.js';
import { selectGrants, toGrantNode } from './person.loaders.js';
import { canManageGrant } from './person.policy.js';
import type { RoleGrantNode } from './person.types.js';
import { findManagedPerson } from './person.service.js';

/** Which scope each grantable role takes. */
function assertScopeFits(role: Role, agencyId: string | null, partnerId: string | null): void {
  const bad = (field: string, reason: string) => new AppError('BAD_USER_INPUT', { reason }, field);
  switch (role) {
    case Role.LEARNER:
    case Role.SUPERVISOR:
      throw bad('role', 'LEARNER and SUPERVISOR are derived, never granted');
    case Role.AGENCY_ADMIN:
      if (!agencyId || partnerId) throw bad('agencyId', 'AGENCY_ADMIN is granted for one agency');
      return;
    case Role.INSTRUCTOR:
      if (!agencyId === !partnerId) throw bad('agencyId', 'INSTRUCTOR is granted for one agency or one partner');
      return;
    case Role.PARTNER_ADMIN:
      if (!partnerId || agencyId) throw bad('partnerId', 'PARTNER_ADMIN is granted for one partner');
      return;
    case Role.PLATFORM_ADMIN:
      if (agencyId || partnerId) throw bad('agencyId', 'PLATFORM_ADMIN has no scope');
      return;
  }
}

async function loadGrant(ctx: SignedInOperationContext, id: string): Promise<RoleGrantNode> {
  return toGrantNode(await selectGrants(ctx).where('g.id', '=', id).executeTakeFirstOrThrow());
}

/** Idempotent: granting what the person already holds returns the existing grant. */
export async function grantRole(ctx: SignedInOperationContext, input: GrantRoleInput): Promise<RoleGrantNode> {
  const { viewer } = ctx;
  const agencyId = input.agencyId ?? null;
  const partnerId = input.partnerId ?? null;
  assertScopeFits(input.role, agencyId, partnerId);
  const person = await findManagedPerson(ctx, input.personId);
  if (agencyId) {
    const agency = isUuid(agencyId) ? await db(ctx).selectFrom('agency').select('id').where('id', '=', agencyId).executeTakeFirst() : undefined;
    if (!agency) throw new AppError('NOT_FOUND', { what: 'agency' }, 'agencyId');
  }
  if (partnerId) {
    const partner = isUuid(partnerId)
      ? await db(ctx).selectFrom('partner_institution').select('id').where('id', '=', partnerId).executeTakeFirst()
      : undefined;
    if (!partner) throw new AppError('NOT_FOUND', { what: 'partner' }, 'partnerId');
  }
  if (!canManageGrant(viewer, person, { role: input.role, agency_id: agencyId, partner_id: partnerId })) throw new AppError('FORBIDDEN');

  const scopeKey = agencyId ?? partnerId ?? 'platform';
  const id = await inTransaction(ctx, async (tx) => {
    // The person's row stays locked to commit: a concurrent change to them sees this grant or waits.
    await findManagedPerson(tx, person.id, { lock: true });
    // ON CONFLICT makes a double click (or two admins at once) return the one grant, never an error.
    const inserted = await db(tx).insertInto('role_grant')
      .values({
        id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`,
        person_id: person.id, role: input.role, agency_id: agencyId, partner_id: partnerId, scope_key: scopeKey, granted_by_id: viewer.personId,
      })
      .onConflict((oc) => oc.constraint('role_grant_once').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) {
      writeAudit(tx, 'role.grant', 'Person', person.id, { grantId: inserted.id, role: input.role, agencyId, partnerId });
      await tx.em.flush();
      return inserted.id;
    }
    const existing = await db(tx).selectFrom('role_grant').select('id')
      .where('person_id', '=', person.id).where('role', '=', input.role).where('scope_key', '=', scopeKey)
      .executeTakeFirstOrThrow();
    return existing.id;
  });
  return loadGrant(ctx, id);
}

/** Returns the id of the revoked grant. A platform admin cannot drop their own PLATFORM_ADMIN. */
export async function revokeRole(ctx: SignedInOperationContext, grantId: string): Promise<string> {
  const { viewer } = ctx;
  const grant = isUuid(grantId)
    ? await db(ctx).selectFrom('role_grant').select(['id', 'person_id', 'role', 'agency_id', 'partner_id']).where('id', '=', grantId).executeTakeFirst()
    : undefined;
  if (!grant) throw new AppError('NOT_FOUND', { what: 'roleGrant' });
  let person;
  try {
    person = await findManagedPerson(ctx, grant.person_id);
  } catch (error) {
    // A grant of someone the viewer cannot see does not exist for them either.
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw new AppError('NOT_FOUND', { what: 'roleGrant' });
    throw error;
  }
  if (grant.role === Role.PLATFORM_ADMIN && grant.person_id === viewer.personId) throw new AppError('FORBIDDEN');
  if (!canManageGrant(viewer, person, grant)) throw new AppError('FORBIDDEN');
  await inTransaction(ctx, async (tx) => {
    await findManagedPerson(tx, grant.person_id, { lock: true });
    await db(tx).deleteFrom('role_grant').where('id', '=', grant.id).execute();
    writeAudit(tx, 'role.revoke', 'Person', grant.person_id, {
      grantId: grant.id, role: grant.role, agencyId: grant.agency_id, partnerId: grant.partner_id,
    });
    await tx.em.flush();
  });
  return grant.id;
}

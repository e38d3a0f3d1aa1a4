import type { SignedInContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import { AppError } from '../../shared/errors.js';
import { writeAudit } from '../audit/index.js';
import { isUuid } from '../../shared/util/ids.js';
import type { GrantRoleInput } from './person.inputs.js';
import { GRANT_SELECT, toGrantNode, type GrantRow } from './person.loaders.js';
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

async function loadGrant(ctx: SignedInContext, id: string): Promise<RoleGrantNode> {
  const [row] = await ctx.em.execute<GrantRow[]>(`${GRANT_SELECT} where g.id = ?`, [id]);
  return toGrantNode(row);
}

/** Idempotent: granting what the person already holds returns the existing grant. */
export async function grantRole(ctx: SignedInContext, input: GrantRoleInput): Promise<RoleGrantNode> {
  const { em, viewer } = ctx;
  const agencyId = input.agencyId ?? null;
  const partnerId = input.partnerId ?? null;
  assertScopeFits(input.role, agencyId, partnerId);
  const person = await findManagedPerson(em, viewer, input.personId);
  if (agencyId) {
    const [agency] = isUuid(agencyId) ? await em.execute(`select 1 from agency where id = ?`, [agencyId]) : [];
    if (!agency) throw new AppError('NOT_FOUND', { what: 'agency' }, 'agencyId');
  }
  if (partnerId) {
    const [partner] = isUuid(partnerId) ? await em.execute(`select 1 from partner_institution where id = ?`, [partnerId]) : [];
    if (!partner) throw new AppError('NOT_FOUND', { what: 'partner' }, 'partnerId');
  }
  if (!canManageGrant(viewer, person, { role: input.role, agency_id: agencyId, partner_id: partnerId })) throw new AppError('FORBIDDEN');

  const id = await em.transactional(async (tx) => {
    // The person's row stays locked to commit: a concurrent change to them sees this grant or waits.
    await findManagedPerson(tx, viewer, person.id, { lock: true });
    // ON CONFLICT makes a double click (or two admins at once) return the one grant, never an error.
    const inserted = await tx.execute<{ id: string }[]>(
      `insert into role_grant (person_id, role, agency_id, partner_id, scope_key, granted_by_id)
       values (?, ?, ?, ?, ?, ?)
       on conflict on constraint role_grant_once do nothing
       returning id`,
      [person.id, input.role, agencyId, partnerId, agencyId ?? partnerId ?? 'platform', viewer.personId],
    );
    if (inserted[0]) {
      writeAudit(tx, viewer, 'role.grant', 'Person', person.id, { grantId: inserted[0].id, role: input.role, agencyId, partnerId });
      await tx.flush();
      return inserted[0].id;
    }
    const [existing] = await tx.execute<{ id: string }[]>(
      `select id from role_grant where person_id = ? and role = ? and scope_key = ?`,
      [person.id, input.role, agencyId ?? partnerId ?? 'platform'],
    );
    return existing.id;
  });
  return loadGrant(ctx, id);
}

/** Returns the id of the revoked grant. A platform admin cannot drop their own PLATFORM_ADMIN. */
export async function revokeRole(ctx: SignedInContext, grantId: string): Promise<string> {
  const { em, viewer } = ctx;
  const [grant] = isUuid(grantId)
    ? await em.execute<{ id: string; person_id: string; role: Role; agency_id: string | null; partner_id: string | null }[]>(
        `select id, person_id, role, agency_id, partner_id from role_grant where id = ?`,
        [grantId],
      )
    : [];
  if (!grant) throw new AppError('NOT_FOUND', { what: 'roleGrant' });
  let person;
  try {
    person = await findManagedPerson(em, viewer, grant.person_id);
  } catch (error) {
    // A grant of someone the viewer cannot see does not exist for them either.
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw new AppError('NOT_FOUND', { what: 'roleGrant' });
    throw error;
  }
  if (grant.role === Role.PLATFORM_ADMIN && grant.person_id === viewer.personId) throw new AppError('FORBIDDEN');
  if (!canManageGrant(viewer, person, grant)) throw new AppError('FORBIDDEN');
  await em.transactional(async (tx) => {
    await findManagedPerson(tx, viewer, grant.person_id, { lock: true });
    await tx.execute(`delete from role_grant where id = ?`, [grant.id]);
    writeAudit(tx, viewer, 'role.revoke', 'Person', grant.person_id, {
      grantId: grant.id, role: grant.role, agencyId: grant.agency_id, partnerId: grant.partner_id,
    });
    await tx.flush();
  });
  return grant.id;
}

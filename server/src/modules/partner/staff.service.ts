import { sql } from 'kysely';
import type { SignedInOperationContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import { db, inTransaction } from '../../shared/db/kysely.js';
import { escapeLike } from '../../shared/db/sql-helpers.js';
import { AppError, isUniqueViolation, rejectNulls } from '../../shared/errors.js';
import { nameIdCursor, toPage, type Page } from '../../shared/graphql/pagination.js';
import { isUuid } from '../../shared/util/ids.js';
import { writeAudit } from '../audit/index.js';
import type { PartnerStaffArgs, UpdatePartnerStaffInput } from './partner.inputs.js';
import { administersPartner, mayChangeStaff, type StaffScope } from './partner.policy.js';
import type { PartnerStaffNode } from './partner.types.js';

/** A staff member's partner roles, aggregated into their row (no statement per person). */
const partnerRoles = sql<Role[]>`array(select g.role from role_grant g where g.person_id = p.id and g.partner_id = p.partner_id order by g.role)`;

function selectStaff(ctx: SignedInOperationContext) {
  return db(ctx).selectFrom('person as p')
    .select(['p.id', 'p.partner_id', 'p.full_name', 'p.email', 'p.nidn', 'p.position_title', 'p.active', partnerRoles.as('roles')]);
}

type StaffRow = Awaited<ReturnType<ReturnType<typeof selectStaff>['executeTakeFirstOrThrow']>>;

const toStaff = (r: StaffRow): PartnerStaffNode => ({
  id: r.id, partnerId: r.partner_id!, fullName: r.full_name, email: r.email, nidn: r.nidn,
  positionTitle: r.position_title, active: r.active, roles: r.roles,
});

/** A partner's staff by name: count and page, two statements whatever the page size. */
export async function listStaff(ctx: SignedInOperationContext, args: PartnerStaffArgs): Promise<Page<PartnerStaffNode>> {
  if (!administersPartner(ctx.viewer, args.partnerId) || !isUuid(args.partnerId)) throw new AppError('NOT_FOUND', { what: 'partner' });
  const search = args.search?.trim();
  const filtered = db(ctx).selectFrom('person as p')
    .where('p.partner_id', '=', args.partnerId)
    .$if(!!search, (q) => q.where((eb) => eb.or([
      eb('p.full_name', 'ilike', `%${escapeLike(search!)}%`),
      eb('p.email', 'like', `${escapeLike(search!.toLowerCase())}%`),
      eb('p.nidn', 'like', `${escapeLike(search!)}%`),
    ])));
  const { n } = await filtered.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n')).executeTakeFirstOrThrow();
  const cursor = nameIdCursor.decode(args.after);
  const rows = await filtered
    .select(['p.id', 'p.partner_id', 'p.full_name', 'p.email', 'p.nidn', 'p.position_title', 'p.active', partnerRoles.as('roles')])
    .$if(!!cursor, (q) => q.where((eb) => eb(eb.refTuple('p.full_name', 'p.id'), '>', eb.tuple(cursor![0], cursor![1]))))
    .orderBy('p.full_name').orderBy('p.id')
    .limit(args.first + 1)
    .execute();
  return toPage(rows, args.first, n, toStaff, (r) => nameIdCursor.encode([r.full_name, r.id]));
}

/**
 * The gate of every change to a staff member: not staff of a partner the viewer administers is NOT_FOUND; staff
 * whose roles the viewer could not grant (another partner admin, themselves) FORBIDDEN. Locks the person's row.
 */
async function findChangeableStaff(tx: SignedInOperationContext, id: string): Promise<StaffRow> {
  const row = isUuid(id) ? await selectStaff(tx).where('p.id', '=', id).where('p.partner_id', 'is not', null).forUpdate('p').executeTakeFirst() : undefined;
  if (!row || !administersPartner(tx.viewer, row.partner_id)) throw new AppError('NOT_FOUND', { what: 'person' });
  const grants = await db(tx).selectFrom('role_grant').select(['role', 'partner_id', 'agency_id']).where('person_id', '=', row.id).execute();
  const scope: StaffScope = { partner_id: row.partner_id!, grants };
  if (!mayChangeStaff(tx.viewer, scope)) throw new AppError('FORBIDDEN');
  return row;
}

async function reload(ctx: SignedInOperationContext, id: string): Promise<PartnerStaffNode> {
  return toStaff(await selectStaff(ctx).where('p.id', '=', id).executeTakeFirstOrThrow());
}

export async function updateStaff(ctx: SignedInOperationContext, id: string, input: UpdatePartnerStaffInput): Promise<PartnerStaffNode> {
  rejectNulls(input, ['fullName']);
  try {
    await inTransaction(ctx, async (tx) => {
      const row = await findChangeableStaff(tx, id);
      const changes: Record<string, string | null> = {};
      if (input.fullName !== undefined && input.fullName.trim() !== row.full_name) changes.full_name = input.fullName.trim();
      if (input.nidn !== undefined && (input.nidn ?? null) !== row.nidn) {
        if (input.nidn) {
          const taken = await db(tx).selectFrom('person').select('id').where('nidn', '=', input.nidn).where('id', '<>', row.id).executeTakeFirst();
          if (taken) throw new AppError('DUPLICATE_NIDN', {}, 'nidn');
        }
        changes.nidn = input.nidn ?? null;
      }
      const title = input.positionTitle?.trim() ? input.positionTitle.trim() : null;
      if (input.positionTitle !== undefined && title !== row.position_title) changes.position_title = title;
      if (!Object.keys(changes).length) return;
      await db(tx).updateTable('person').set({ ...changes, updated_at: sql<Date>`now()` }).where('id', '=', row.id).execute();
      writeAudit(tx, 'partner.updateStaff', 'Person', row.id, changes);
      await tx.em.flush();
    });
  } catch (error) {
    if (isUniqueViolation(error, 'person_nidn_unique')) throw new AppError('DUPLICATE_NIDN', {}, 'nidn');
    throw error;
  }
  return reload(ctx, id);
}

/** Deactivating signs the person out everywhere (their sessions end) and keeps them from signing in again. */
export async function setStaffActive(ctx: SignedInOperationContext, id: string, active: boolean): Promise<PartnerStaffNode> {
  await inTransaction(ctx, async (tx) => {
    const row = await findChangeableStaff(tx, id);
    if (row.active === active) return;
    await db(tx).updateTable('person').set({ active, updated_at: sql<Date>`now()` }).where('id', '=', row.id).execute();
    const ended = active ? 0 : Number((await db(tx).deleteFrom('session').where('person_id', '=', row.id).executeTakeFirst()).numDeletedRows);
    writeAudit(tx, active ? 'partner.activateStaff' : 'partner.deactivateStaff', 'Person', row.id, active ? null : { sessionsEnded: ended });
    await tx.em.flush();
  });
  return reload(ctx, id);
}

/**
 * Platform admins appoint a partner admin from the institution's staff (invite them first if they are not staff
 * yet) and remove one; both leave their other roles alone. Idempotent.
 */
export async function setPartnerAdmin(ctx: SignedInOperationContext, personId: string, admin: boolean): Promise<PartnerStaffNode> {
  if (!ctx.viewer.isPlatformAdmin) throw new AppError('FORBIDDEN');
  await inTransaction(ctx, async (tx) => {
    const row = isUuid(personId)
      ? await db(tx).selectFrom('person').select(['id', 'partner_id']).where('id', '=', personId).forUpdate().executeTakeFirst()
      : undefined;
    if (!row) throw new AppError('NOT_FOUND', { what: 'person' });
    if (!row.partner_id) throw new AppError('NOT_PARTNER_STAFF', {}, 'personId');
    if (admin) {
      const added = await db(tx).insertInto('role_grant')
        .values({
          id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`,
          person_id: row.id, role: Role.PARTNER_ADMIN, partner_id: row.partner_id, agency_id: null, scope_key: row.partner_id, granted_by_id: tx.viewer.personId })
        .onConflict((oc) => oc.constraint('role_grant_once').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (added) writeAudit(tx, 'partner.appointAdmin', 'Person', row.id, { partnerId: row.partner_id });
    } else {
      const removed = await db(tx).deleteFrom('role_grant')
        .where('person_id', '=', row.id).where('role', '=', Role.PARTNER_ADMIN).where('partner_id', '=', row.partner_id)
        .executeTakeFirst();
      if (Number(removed.numDeletedRows)) writeAudit(tx, 'partner.removeAdmin', 'Person', row.id, { partnerId: row.partner_id });
    }
    await tx.em.flush();
  });
  return reload(ctx, personId);
}

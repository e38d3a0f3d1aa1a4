import { expressionBuilder, sql, type Expression, type SqlBool } from 'kysely';
import type { SignedInContext, SignedInOperationContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import { db, inTransaction, type Database } from '../../shared/db/kysely.js';
import { escapeLike, lockScope } from '../../shared/db/sql-helpers.js';
import { AppError, isUniqueViolation, rejectNulls } from '../../shared/errors.js';
import { nameIdCursor, toPage, type Page } from '../../shared/graphql/pagination.js';
import type { Locale } from '../../shared/i18n/messages.js';
import { Agency, assertAdministersAgency, OrgUnit } from '../agency/index.js';
import { writeAudit } from '../audit/index.js';
import { isUuid } from '../../shared/util/ids.js';
import { hashPassword, liftAccountLimit } from '../auth/index.js';
import { PartnerInstitution } from '../partner/index.js';
import { isIndonesianTimeZone } from '../../shared/util/time-zones.js';
import { inIdentityCircle } from './identity.js';
import { checkNipFor, normalizeNip } from './nip.js';
import { EmploymentType, Person } from './person.entity.js';
import type { CreatePersonInput, PeopleArgs, UpdatePersonInput } from './person.inputs.js';
import { canAdministerPerson, canChangePerson, canViewPerson, type GrantScope } from './person.policy.js';
import { findPersonRow, selectPeople, toPersonNode, type PersonRow } from './person.read.js';
import type { PersonNode } from './person.types.js';

/**
 * The enrolment module, loaded when a supervisor changes: enrolment depends on person (its screens show
 * people through the identity policy), so a static import would close a cycle at start-up.
 */
const enrolmentModule = () => import('../enrolment/index.js');

// ---------------------------------------------------------------- reads

/** Count plus one shaped page query (the admin check needs no SQL for an agency's own admins). */
export async function listPeople(ctx: SignedInOperationContext, args: PeopleArgs): Promise<Page<PersonNode>> {
  const { viewer } = ctx;
  if ((args.agencyId == null) === (args.partnerId == null)) {
    throw new AppError('BAD_USER_INPUT', { reason: 'exactly one of agencyId and partnerId' }, 'agencyId');
  }
  if (args.agencyId) await assertAdministersAgency(ctx, args.agencyId);
  else {
    if (!viewer.isPlatformAdmin) throw new AppError('FORBIDDEN');
    if (!isUuid(args.partnerId)) throw new AppError('NOT_FOUND', { what: 'partner' }, 'partnerId');
  }
  const search = args.search?.trim();
  const digits = search ? normalizeNip(search) : '';

  const eb = expressionBuilder<Database & { p: Database['person'] }, 'p'>();
  const filter = (() => {
    const where: Expression<SqlBool>[] = [
      args.agencyId ? eb('p.agency_id', '=', args.agencyId) : eb('p.partner_id', '=', args.partnerId!),
    ];
    if (search && /^\d+$/.test(digits)) where.push(eb('p.nip', 'like', `${digits}%`));
    else if (search) {
      // Substring match, plus trigram word similarity for typos (both served by the trigram index).
      const alternatives: Expression<SqlBool>[] = [
        eb('p.full_name', 'ilike', `%${escapeLike(search)}%`),
        eb('p.email', 'like', `${escapeLike(search.toLowerCase())}%`),
      ];
      if (search.length >= 4) alternatives.push(sql<boolean>`${search} <% p.full_name`);
      where.push(eb.or(alternatives));
    }
    if (args.orgUnitId != null) {
      where.push(!isUuid(args.orgUnitId) ? eb.lit(false) : eb('p.org_unit_id', 'in', eb.selectFrom('org_unit as r')
        .innerJoin('org_unit as d', 'd.agency_id', 'r.agency_id')
        .select('d.id')
        .where('r.id', '=', args.orgUnitId)
        .where((w) => w.or([w('d.id', '=', w.ref('r.id')), w('d.path', 'like', sql<string>`r.path || '/%'`)]))));
    }
    if (args.active != null) where.push(eb('p.active', '=', args.active));
    if (args.role === Role.LEARNER) where.push(eb('p.employment_type', '<>', EmploymentType.NON_ASN));
    else if (args.role === Role.SUPERVISOR) {
      where.push(eb.exists(eb.selectFrom('person as s').select(eb.lit(1).as('one')).whereRef('s.supervisor_id', '=', 'p.id').where('s.active', '=', true)));
    } else if (args.role) {
      where.push(eb.exists(eb.selectFrom('role_grant as g').select(eb.lit(1).as('one')).whereRef('g.person_id', '=', 'p.id').where('g.role', '=', args.role)));
    }
    return eb.and(where);
  })();

  const { n } = await db(ctx).selectFrom('person as p').where(filter)
    .select(eb.cast<number>(eb.fn.countAll(), 'integer').as('n')).executeTakeFirstOrThrow();
  const cursor = nameIdCursor.decode(args.after);
  const rows = await selectPeople(ctx)
    .where(filter)
    .$if(!!cursor, (q) => q.where((eb) => eb(eb.refTuple('p.full_name', 'p.id'), '>', eb.tuple(cursor![0], cursor![1]))))
    .orderBy('p.full_name').orderBy('p.id')
    .limit(args.first + 1)
    .execute();
  return toPage(rows, args.first, n, (r) => toPersonNode(r, viewer), (r) => nameIdCursor.encode([r.full_name, r.id]));
}

/**
 * The person's circle opens their record: the person, their supervisor chain, their admins (the same
 * circle that sees the NIP in full). To anyone else it does not exist.
 */
export async function getPerson(ctx: SignedInOperationContext, id: string): Promise<PersonNode> {
  const row = isUuid(id) ? await findPersonRow(ctx, id) : null;
  if (!row) throw new AppError('NOT_FOUND', { what: 'person' });
  const node = toPersonNode(row, ctx.viewer);
  if (!canViewPerson(ctx.viewer, row) && !(await inIdentityCircle(ctx, node.identity))) throw new AppError('NOT_FOUND', { what: 'person' });
  return node;
}

/**
 * The one gate of every operation that changes a person: invisible is NOT_FOUND, visible but not theirs
 * to change (`canChangePerson`: outside their agency, or holding a role beyond what the viewer could
 * grant) FORBIDDEN. Called once before the work for an early answer, and again with `lock` inside the
 * change's transaction: the person's row stays locked until commit and `grantRole` takes the same lock,
 * so a role granted concurrently cannot slip in between the check and the write.
 */
export async function findManagedPerson(ctx: SignedInOperationContext, id: string, opts: { lock?: boolean } = {}): Promise<PersonRow> {
  const { viewer } = ctx;
  const row = isUuid(id) ? await findPersonRow(ctx, id, opts.lock) : null;
  if (!row || !canViewPerson(viewer, row)) throw new AppError('NOT_FOUND', { what: 'person' });
  if (!canAdministerPerson(viewer, row)) throw new AppError('FORBIDDEN');
  const grants: GrantScope[] = await db(ctx).selectFrom('role_grant').select(['role', 'agency_id', 'partner_id']).where('person_id', '=', row.id).execute();
  if (!canChangePerson(viewer, row, grants)) throw new AppError('FORBIDDEN');
  return row;
}

// ---------------------------------------------------------------- field rules

interface PersonFields {
  fullName: string;
  nip: string | null;
  nidn: string | null;
  employmentType: EmploymentType;
  email: string | null;
  orgUnitId: string | null;
  supervisorId: string | null;
  positionTitle: string | null;
  rank: string | null;
}

/** Where the person belongs: exactly one of an agency or a partner institution. */
interface PersonHome {
  agencyId: string | null;
  partnerId: string | null;
}

const blankToNull = (s: string | null | undefined): string | null => (s?.trim() ? s.trim() : null);
const GOLONGAN = /^(I|II|III)\/[a-d]$|^IV\/[a-e]$/;
const PPPK_GRADES = new Set(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII']);

/**
 * The rules of a person record that need no database: PNS and PPPK have a valid NIP of their kind,
 * non-ASN staff an e-mail, ranks fit the employment type. `checkNip` is false when neither the NIP
 * nor the employment type changed, so an old record can still be edited.
 */
function validateFields(f: PersonFields, locale: Locale, checkNip: boolean): void {
  if (f.nip && checkNip) {
    const check = checkNipFor(f.nip, f.employmentType);
    if (!check.ok) throw new AppError('INVALID_NIP', { reason: check.text[locale], problem: check.problem }, 'nip');
    f.nip = check.nip;
  }
  if (f.employmentType !== EmploymentType.NON_ASN && !f.nip) throw new AppError('NIP_REQUIRED', {}, 'nip');
  if (f.employmentType === EmploymentType.NON_ASN && !f.email) throw new AppError('EMAIL_REQUIRED', {}, 'email');
  if (f.rank) {
    const ok = f.employmentType === EmploymentType.PNS ? GOLONGAN.test(f.rank)
      : f.employmentType === EmploymentType.PPPK ? PPPK_GRADES.has(f.rank) : true;
    if (!ok) throw new AppError('INVALID_RANK', {}, 'rank');
  }
}

function normalizeNipInput(raw: string | null | undefined): string | null {
  const nip = raw == null ? '' : normalizeNip(raw.trim());
  return nip === '' ? null : nip;
}

/** The unit must belong to the person's agency (partner staff have none). */
async function checkOrgUnit(tx: SignedInOperationContext, home: PersonHome, orgUnitId: string): Promise<void> {
  const unit = isUuid(orgUnitId) ? await db(tx).selectFrom('org_unit').select('agency_id').where('id', '=', orgUnitId).executeTakeFirst() : undefined;
  if (!unit || !home.agencyId || unit.agency_id !== home.agencyId) throw new AppError('INVALID_ORG_UNIT', {}, 'orgUnitId');
}

/**
 * The supervisor is an active person of the same agency (or partner), not the person, and not
 * someone who already reports to the person, directly or not (walked up the chain in one query).
 */
async function checkSupervisor(tx: SignedInOperationContext, home: PersonHome, supervisorId: string, personId: string | null): Promise<void> {
  if (!isUuid(supervisorId) || supervisorId === personId) throw new AppError('INVALID_SUPERVISOR', {}, 'supervisorId');
  // A recursive walk reads plainest as SQL.
  const { rows: [row] } = await sql<{ agency_id: string | null; partner_id: string | null; active: boolean; cycle: boolean }>`
    with recursive chain (id, supervisor_id, depth) as (
      select id, supervisor_id, 0 from person where id = ${supervisorId}
      union all
      select p.id, p.supervisor_id, c.depth + 1 from person p join chain c on p.id = c.supervisor_id where c.depth < 200
    )
    select s.agency_id, s.partner_id, s.active, exists (select 1 from chain where chain.id = ${personId}::uuid) as cycle
      from person s where s.id = ${supervisorId}`.execute(db(tx));
  const sameHome = row && (home.agencyId ? row.agency_id === home.agencyId : !row.agency_id && row.partner_id === home.partnerId);
  if (!row || !row.active || !sameHome || row.cycle) throw new AppError('INVALID_SUPERVISOR', {}, 'supervisorId');
}

/** Checked first for a clear answer; the unique constraints still catch a concurrent insert. */
async function checkDuplicates(tx: SignedInOperationContext, nip: string | null, email: string | null, exceptId: string | null): Promise<void> {
  const taken = (column: 'nip' | 'email', value: string | null) => db(tx).selectFrom('person').select('id')
    .where(column, '=', value).where('id', 'is distinct from', exceptId);
  const dup = await db(tx).selectNoFrom((eb) => [eb.exists(taken('nip', nip)).as('nip'), eb.exists(taken('email', email)).as('email')])
    .executeTakeFirstOrThrow();
  if (nip && dup.nip) throw new AppError('DUPLICATE_NIP', {}, 'nip');
  if (email && dup.email) throw new AppError('DUPLICATE_EMAIL', {}, 'email');
}

function mapUniqueViolation(error: unknown): unknown {
  if (isUniqueViolation(error, 'person_nip_unique')) return new AppError('DUPLICATE_NIP', {}, 'nip');
  if (isUniqueViolation(error, 'person_email_unique')) return new AppError('DUPLICATE_EMAIL', {}, 'email');
  if (isUniqueViolation(error, 'person_nidn_unique')) return new AppError('DUPLICATE_NIDN', {}, 'nidn');
  return error;
}

/** Who may add people where: an agency's admins to it; platform admins to partner institutions. */
async function assertCanAddTo(ctx: SignedInOperationContext, home: PersonHome): Promise<void> {
  const { viewer } = ctx;
  if ((home.agencyId == null) === (home.partnerId == null)) {
    throw new AppError('BAD_USER_INPUT', { reason: 'exactly one of agencyId and partnerId' }, 'agencyId');
  }
  if (home.agencyId) return assertAdministersAgency(ctx, home.agencyId);
  if (!viewer.isPlatformAdmin) throw new AppError('FORBIDDEN');
  const partner = isUuid(home.partnerId)
    ? await db(ctx).selectFrom('partner_institution').select('id').where('id', '=', home.partnerId).executeTakeFirst()
    : undefined;
  if (!partner) throw new AppError('NOT_FOUND', { what: 'partner' }, 'partnerId');
}

// ---------------------------------------------------------------- writes

export async function createPerson(ctx: SignedInOperationContext, input: CreatePersonInput): Promise<PersonNode> {
  const { viewer } = ctx;
  const home: PersonHome = { agencyId: input.agencyId ?? null, partnerId: input.partnerId ?? null };
  await assertCanAddTo(ctx, home);
  const fields: PersonFields = {
    fullName: input.fullName.trim(),
    nip: normalizeNipInput(input.nip),
    nidn: blankToNull(input.nidn),
    employmentType: input.employmentType,
    email: blankToNull(input.email)?.toLowerCase() ?? null,
    orgUnitId: input.orgUnitId ?? null,
    supervisorId: input.supervisorId ?? null,
    positionTitle: blankToNull(input.positionTitle),
    rank: blankToNull(input.rank),
  };
  validateFields(fields, ctx.locale, true);
  // Hashing is slow on purpose: done before the transaction so no locks are held meanwhile.
  const passwordHash = await hashPassword(input.initialPassword);
  let id: string;
  try {
    id = await inTransaction(ctx, async (tx) => {
      if (fields.orgUnitId) await checkOrgUnit(tx, home, fields.orgUnitId);
      if (fields.supervisorId) {
        await checkSupervisor(tx, home, fields.supervisorId, null);
        await findManagedPerson(tx, fields.supervisorId, { lock: true });
      }
      await checkDuplicates(tx, fields.nip, fields.email, null);
      const person = new Person(fields.fullName, fields.employmentType);
      person.nip = fields.nip;
      person.nidn = fields.nidn;
      person.email = fields.email;
      person.agency = home.agencyId ? tx.em.getReference(Agency, home.agencyId) : null;
      person.partner = home.partnerId ? tx.em.getReference(PartnerInstitution, home.partnerId) : null;
      person.orgUnit = fields.orgUnitId ? tx.em.getReference(OrgUnit, fields.orgUnitId) : null;
      person.supervisor = fields.supervisorId ? tx.em.getReference(Person, fields.supervisorId) : null;
      // Times are shown in the agency's zone until the person picks another on their account page.
      const agencyZone = home.agencyId ? await db(tx).selectFrom('agency').select('time_zone').where('id', '=', home.agencyId).executeTakeFirst() : undefined;
      if (agencyZone && isIndonesianTimeZone(agencyZone.time_zone)) person.timeZone = agencyZone.time_zone;
      person.positionTitle = fields.positionTitle;
      person.rank = fields.rank;
      person.passwordHash = passwordHash;
      tx.em.persist(person);
      const { fullName, nip, email, employmentType, orgUnitId, supervisorId } = fields;
      writeAudit(tx, 'person.create', 'Person', person.id, { ...home, fullName, nip, email, employmentType, orgUnitId, supervisorId });
      await tx.em.flush();
      return person.id;
    });
  } catch (error) {
    throw mapUniqueViolation(error);
  }
  return toPersonNode((await findPersonRow(ctx, id))!, viewer);
}

export async function updatePerson(ctx: SignedInOperationContext, id: string, input: UpdatePersonInput): Promise<PersonNode> {
  const { viewer } = ctx;
  rejectNulls(input, ['fullName', 'employmentType']);
  const row = await findManagedPerson(ctx, id);
  const home: PersonHome = { agencyId: row.agency_id, partnerId: row.partner_id };
  const next: PersonFields = {
    fullName: input.fullName !== undefined ? input.fullName.trim() : row.full_name,
    nip: input.nip !== undefined ? normalizeNipInput(input.nip) : row.nip,
    nidn: input.nidn !== undefined ? blankToNull(input.nidn) : row.nidn,
    employmentType: input.employmentType ?? row.employment_type,
    email: input.email !== undefined ? (blankToNull(input.email)?.toLowerCase() ?? null) : row.email,
    orgUnitId: input.orgUnitId !== undefined ? input.orgUnitId : row.org_unit_id,
    supervisorId: input.supervisorId !== undefined ? input.supervisorId : row.supervisor_id,
    positionTitle: input.positionTitle !== undefined ? blankToNull(input.positionTitle) : row.position_title,
    rank: input.rank !== undefined ? blankToNull(input.rank) : row.rank,
  };
  validateFields(next, ctx.locale, next.nip !== row.nip || next.employmentType !== row.employment_type);
  const before: Record<string, unknown> = {
    fullName: row.full_name, nip: row.nip, nidn: row.nidn, employmentType: row.employment_type, email: row.email,
    orgUnitId: row.org_unit_id, supervisorId: row.supervisor_id, positionTitle: row.position_title, rank: row.rank,
  };
  const changes = Object.fromEntries(Object.entries(next).filter(([k, v]) => before[k] !== v)) as Partial<PersonFields>;
  if (Object.keys(changes).length === 0) return toPersonNode(row, viewer);

  try {
    await inTransaction(ctx, async (tx) => {
      if (changes.supervisorId) {
        // Two concurrent changes could each be valid alone and form a cycle together.
        await lockScope(tx, `supervisors:${home.agencyId ?? home.partnerId}`);
      }
      await findManagedPerson(tx, row.id, { lock: true });
      if (changes.supervisorId) {
        await checkSupervisor(tx, home, changes.supervisorId, row.id);
        // Becoming someone's supervisor is a change to the supervisor too (they decide the person's requests).
        await findManagedPerson(tx, changes.supervisorId, { lock: true });
      }
      if (changes.orgUnitId) await checkOrgUnit(tx, home, changes.orgUnitId);
      if (changes.nip || changes.email) await checkDuplicates(tx, changes.nip ?? null, changes.email ?? null, row.id);
      const requestsMoved = 'supervisorId' in changes ? await (await enrolmentModule()).moveRequestsToSupervisor(tx, row.id, next.supervisorId) : 0;
      const person = await tx.em.findOneOrFail(Person, { id: row.id });
      if ('fullName' in changes) person.fullName = next.fullName;
      if ('nip' in changes) person.nip = next.nip;
      if ('nidn' in changes) person.nidn = next.nidn;
      if ('employmentType' in changes) person.employmentType = next.employmentType;
      if ('email' in changes) person.email = next.email;
      if ('orgUnitId' in changes) person.orgUnit = next.orgUnitId ? tx.em.getReference(OrgUnit, next.orgUnitId) : null;
      if ('supervisorId' in changes) person.supervisor = next.supervisorId ? tx.em.getReference(Person, next.supervisorId) : null;
      if ('positionTitle' in changes) person.positionTitle = next.positionTitle;
      if ('rank' in changes) person.rank = next.rank;
      writeAudit(tx, 'person.update', 'Person', row.id, requestsMoved ? { changes, requestsMoved } : { changes });
      await tx.em.flush();
    });
  } catch (error) {
    throw mapUniqueViolation(error);
  }
  return toPersonNode((await findPersonRow(ctx, id))!, viewer);
}

/** Deactivation ends the person's sessions in the same transaction: they are signed out at once. */
export async function setPersonActive(ctx: SignedInOperationContext, id: string, active: boolean): Promise<PersonNode> {
  const { viewer } = ctx;
  const row = await findManagedPerson(ctx, id);
  // An admin locking themselves out is never what they meant; another admin can do it.
  if (!active && row.id === viewer.personId) throw new AppError('FORBIDDEN');
  if (row.active !== active) {
    await inTransaction(ctx, async (tx) => {
      await findManagedPerson(tx, row.id, { lock: true });
      await db(tx).updateTable('person').set({ active, updated_at: sql<Date>`now()` }).where('id', '=', row.id).execute();
      let sessionsEnded = 0;
      if (!active) {
        const res = await db(tx).deleteFrom('session').where('person_id', '=', row.id).executeTakeFirst();
        sessionsEnded = Number(res.numDeletedRows);
      }
      writeAudit(tx, active ? 'person.activate' : 'person.deactivate', 'Person', row.id, active ? null : { sessionsEnded });
      await tx.em.flush();
    });
  }
  return toPersonNode((await findPersonRow(ctx, id))!, viewer);
}

/**
 * Sets a new password, ends the person's other sessions (a reset usually means the old one leaked)
 * and lifts a sign-in lock on their NIP/e-mail.
 */
export async function resetPersonPassword(ctx: SignedInContext, id: string, newPassword: string): Promise<boolean> {
  const row = await findManagedPerson(ctx, id);
  const passwordHash = await hashPassword(newPassword);
  await inTransaction(ctx, async (tx) => {
    await findManagedPerson(tx, row.id, { lock: true });
    await db(tx).updateTable('person').set({ password_hash: passwordHash, updated_at: sql<Date>`now()` }).where('id', '=', row.id).execute();
    // This request's own session stays (an admin resetting their own password is not signed out).
    await db(tx).deleteFrom('session').where('person_id', '=', row.id).where('token_hash', 'is distinct from', ctx.sessionTokenHash).execute();
    await liftAccountLimit(tx, row.id);
    writeAudit(tx, 'person.resetPassword', 'Person', row.id);
    await tx.em.flush();
  });
  return true;
}

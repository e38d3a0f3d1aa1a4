import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { OperationContext, SignedInOperationContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import { db, inTransaction } from '../../shared/db/kysely.js';
import { AppError, isUniqueViolation } from '../../shared/errors.js';
import { keysetCursor } from '../../shared/graphql/cursor.js';
import { toPage, type Page } from '../../shared/graphql/pagination.js';
import type { Locale } from '../../shared/i18n/messages.js';
import { isUuid } from '../../shared/util/ids.js';
import { writeAudit } from '../audit/index.js';
import { hashPassword, hashToken } from '../auth/index.js';
import { EmploymentType, Person, RoleGrant } from '../person/index.js';
import { PartnerInstitution } from './partner.entity.js';
import { enqueueMail, layout, type MailComposer } from '../mail/index.js';
import type { AcceptPartnerInvitationInput, InvitePartnerStaffInput, PartnerInvitationsArgs } from './partner.inputs.js';
import { administersPartner, mayInviteAs } from './partner.policy.js';
import { PartnerInvitationStatus, type AcceptedPartnerInvitation, type PartnerInvitationNode, type PartnerInvitationPreview } from './partner.types.js';

/** How long an invitation link works: long enough for a lecturer who reads mail weekly. */
const INVITATION_DAYS = 7;
/** The client's page that reads the token from the link's fragment (never sent to servers or in Referer). */
const INVITATION_PAGE_PATH = '/undangan-mitra';

const newestFirst = keysetCursor('timestamp', 'uuid');

/** The key and timestamps of a row inserted in SQL, as the entities' defaults would write them. */
const freshRow = () => ({ id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()` });

/** The status, derived in SQL so that lists can filter on it: revoked and accepted are final, then time decides. */
const statusOf = sql<PartnerInvitationStatus>`case
  when i.revoked_at is not null then 'REVOKED'
  when i.accepted_at is not null then 'ACCEPTED'
  when i.expires_at <= now() then 'EXPIRED'
  else 'PENDING' end`;

function selectInvitations(ctx: OperationContext) {
  return db(ctx).selectFrom('partner_invitation as i')
    .leftJoin('person as b', 'b.id', 'i.invited_by_id')
    .select(['i.id', 'i.partner_id', 'i.email', 'i.full_name', 'i.nidn', 'i.role', 'i.created_at', 'i.expires_at', 'b.full_name as invited_by_name', statusOf.as('status'),
      // The cursor keeps the microseconds a JavaScript Date would drop.
      sql<string>`to_char(i.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('created_key')]);
}

type InvitationRow = Awaited<ReturnType<ReturnType<typeof selectInvitations>['executeTakeFirstOrThrow']>>;

const toInvitation = (r: InvitationRow): PartnerInvitationNode => ({
  id: r.id, partnerId: r.partner_id, email: r.email, fullName: r.full_name, nidn: r.nidn, role: r.role,
  status: r.status, createdAt: new Date(r.created_at), expiresAt: new Date(r.expires_at), invitedByName: r.invited_by_name,
});

const loadInvitation = async (ctx: OperationContext, id: string) => toInvitation(await selectInvitations(ctx).where('i.id', '=', id).executeTakeFirstOrThrow());

/** A partner's invitations, newest first, optionally of one status: count and page, two statements. */
export async function listInvitations(ctx: SignedInOperationContext, args: PartnerInvitationsArgs): Promise<Page<PartnerInvitationNode>> {
  if (!administersPartner(ctx.viewer, args.partnerId) || !isUuid(args.partnerId)) throw new AppError('NOT_FOUND', { what: 'partner' });
  const cursor = newestFirst.decode(args.after);
  const status = args.status ?? null;
  const base = db(ctx).selectFrom('partner_invitation as i')
    .where('i.partner_id', '=', args.partnerId)
    .$if(!!status, (q) => q.where(statusOf, '=', status!));
  const { n } = await base.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n')).executeTakeFirstOrThrow();
  const rows = await selectInvitations(ctx)
    .where('i.partner_id', '=', args.partnerId)
    .$if(!!status, (q) => q.where(statusOf, '=', status!))
    .$if(!!cursor, (q) => q.where((eb) => eb(eb.refTuple('i.created_at', 'i.id'), '<', eb.tuple(sql<Date>`${cursor![0]}::timestamptz`, sql<string>`${cursor![1]}::uuid`))))
    .orderBy('i.created_at', 'desc').orderBy('i.id', 'desc')
    .limit(args.first + 1)
    .execute();
  return toPage(rows, args.first, n, toInvitation, (r) => newestFirst.encode([r.created_key, r.id]));
}

/**
 * Invites someone to the institution's staff. An address that already signs in is refused: their own staff by
 * ALREADY_STAFF; anyone else by EMAIL_NOT_INVITABLE, which names nobody (whose address it is, and where they
 * work, is not the inviter's to learn). An open invitation to the same address is resent, not duplicated.
 */
export async function invite(ctx: SignedInOperationContext, input: InvitePartnerStaffInput): Promise<PartnerInvitationNode> {
  const { viewer } = ctx;
  if (!administersPartner(viewer, input.partnerId) || !isUuid(input.partnerId)) throw new AppError('NOT_FOUND', { what: 'partner' });
  if (input.role !== Role.INSTRUCTOR && input.role !== Role.PARTNER_ADMIN) {
    throw new AppError('BAD_USER_INPUT', { reason: 'INSTRUCTOR or PARTNER_ADMIN' }, 'role');
  }
  if (!mayInviteAs(viewer, input.partnerId, input.role)) throw new AppError('FORBIDDEN');
  const email = input.email.trim().toLowerCase();
  const nidn = input.nidn ?? null;
  try {
    const id = await inTransaction(ctx, async (tx) => {
      const partner = await db(tx).selectFrom('partner_institution').select('id').where('id', '=', input.partnerId).executeTakeFirst();
      if (!partner) throw new AppError('NOT_FOUND', { what: 'partner' });
      const holder = await db(tx).selectFrom('person').select('partner_id').where('email', '=', email).executeTakeFirst();
      if (holder) throw new AppError(holder.partner_id === input.partnerId ? 'ALREADY_STAFF' : 'EMAIL_NOT_INVITABLE', {}, 'email');
      if (nidn && await db(tx).selectFrom('person').select('id').where('nidn', '=', nidn).executeTakeFirst()) throw new AppError('DUPLICATE_NIDN', {}, 'nidn');
      const open = await db(tx).selectFrom('partner_invitation').select('id')
        .where('partner_id', '=', input.partnerId).where('email', '=', email).where('accepted_at', 'is', null).where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (open) throw new AppError('INVITATION_PENDING', {}, 'email');
      const row = await db(tx).insertInto('partner_invitation')
        .values({
          ...freshRow(), generation: 1, partner_id: input.partnerId, email, full_name: input.fullName.trim(), nidn, role: input.role,
          expires_at: sql<Date>`now() + make_interval(days => ${INVITATION_DAYS})`, invited_by_id: viewer.personId,
        })
        .returning('id').executeTakeFirstOrThrow();
      writeAudit(tx, 'partner.invite', 'PartnerInvitation', row.id, { partnerId: input.partnerId, email, role: input.role, nidn });
      await enqueueMail(tx.em, { kind: 'partner-invitation', invitationId: row.id, generation: 1, locale: ctx.locale });
      await tx.em.flush();
      return row.id;
    });
    return loadInvitation(ctx, id);
  } catch (error) {
    if (isUniqueViolation(error, 'partner_invitation_open_once')) throw new AppError('INVITATION_PENDING', {}, 'email');
    throw error;
  }
}

/** The invitation, locked, if the viewer may act on it (else NOT_FOUND / FORBIDDEN) and it is still open. */
async function findOpenInvitation(tx: SignedInOperationContext, id: string) {
  const row = isUuid(id)
    ? await db(tx).selectFrom('partner_invitation').select(['id', 'partner_id', 'role', 'accepted_at', 'revoked_at', 'generation'])
      .where('id', '=', id).forUpdate().executeTakeFirst()
    : undefined;
  if (!row || !administersPartner(tx.viewer, row.partner_id)) throw new AppError('NOT_FOUND', { what: 'invitation' });
  if (!mayInviteAs(tx.viewer, row.partner_id, row.role)) throw new AppError('FORBIDDEN');
  if (row.accepted_at || row.revoked_at) throw new AppError('INVITATION_CLOSED');
  return row;
}

/** A new link, valid for another week: the old token dies here (its hash is cleared), the new one is made by the mail. */
export async function resend(ctx: SignedInOperationContext, id: string): Promise<PartnerInvitationNode> {
  await inTransaction(ctx, async (tx) => {
    const row = await findOpenInvitation(tx, id);
    const generation = row.generation + 1;
    await db(tx).updateTable('partner_invitation')
      .set({ token_hash: null, generation, expires_at: sql<Date>`now() + make_interval(days => ${INVITATION_DAYS})`, updated_at: sql<Date>`now()` })
      .where('id', '=', row.id).execute();
    writeAudit(tx, 'partner.resendInvitation', 'PartnerInvitation', row.id, { generation });
    await enqueueMail(tx.em, { kind: 'partner-invitation', invitationId: row.id, generation, locale: ctx.locale });
    await tx.em.flush();
  });
  return loadInvitation(ctx, id);
}

export async function revoke(ctx: SignedInOperationContext, id: string): Promise<PartnerInvitationNode> {
  await inTransaction(ctx, async (tx) => {
    const row = await findOpenInvitation(tx, id);
    await db(tx).updateTable('partner_invitation')
      .set({ token_hash: null, revoked_at: sql<Date>`now()`, updated_at: sql<Date>`now()` }).where('id', '=', row.id).execute();
    writeAudit(tx, 'partner.revokeInvitation', 'PartnerInvitation', row.id, null);
    await tx.em.flush();
  });
  return loadInvitation(ctx, id);
}

/** The open, unexpired invitation a token belongs to (null for a made-up, used, revoked, replaced or expired one). */
function openByToken(ctx: OperationContext, token: string) {
  return db(ctx).selectFrom('partner_invitation as i')
    .innerJoin('partner_institution as pi', 'pi.id', 'i.partner_id')
    .select(['i.id', 'i.email', 'i.full_name', 'i.expires_at', 'pi.name as partner_name'])
    .where('i.token_hash', '=', hashToken(token))
    .where('i.accepted_at', 'is', null).where('i.revoked_at', 'is', null).where('i.expires_at', '>', sql<Date>`now()`);
}

export async function preview(ctx: OperationContext, token: string): Promise<PartnerInvitationPreview> {
  const row = await openByToken(ctx, token).executeTakeFirst();
  if (!row) throw new AppError('INVITATION_INVALID');
  return { email: row.email, fullName: row.full_name, partnerName: row.partner_name, expiresAt: new Date(row.expires_at) };
}

/**
 * The invitee sets their name and password: the person (partner staff, no agency, signing in with the invited
 * e-mail) and their role grant are created, and the invitation is used up, in one transaction. The conditional
 * update is what makes the link single-use when two tabs submit at once.
 */
export async function accept(ctx: OperationContext, input: AcceptPartnerInvitationInput): Promise<AcceptedPartnerInvitation> {
  // Checked before hashing the password: a made-up token costs no argon2 run.
  if (!(await openByToken(ctx, input.token).executeTakeFirst())) throw new AppError('INVITATION_INVALID');
  const passwordHash = await hashPassword(input.password);
  try {
    return await inTransaction(ctx, async (tx) => {
      const used = await db(tx).updateTable('partner_invitation')
        .set({ accepted_at: sql<Date>`now()`, token_hash: null, updated_at: sql<Date>`now()` })
        .where('token_hash', '=', hashToken(input.token))
        .where('accepted_at', 'is', null).where('revoked_at', 'is', null).where('expires_at', '>', sql<Date>`now()`)
        .returning(['id', 'partner_id', 'email', 'nidn', 'role', 'invited_by_id'])
        .executeTakeFirst();
      if (!used) throw new AppError('INVITATION_INVALID');
      const person = new Person(input.fullName.trim(), EmploymentType.NON_ASN);
      person.email = used.email;
      person.nidn = used.nidn;
      person.partner = tx.em.getReference(PartnerInstitution, used.partner_id);
      person.passwordHash = passwordHash;
      person.locale = ctx.locale;
      const grant = new RoleGrant(person, used.role, null, person.partner);
      if (used.invited_by_id) grant.grantedBy = tx.em.getReference(Person, used.invited_by_id);
      tx.em.persist([person, grant]);
      await tx.em.flush();
      await db(tx).updateTable('partner_invitation').set({ accepted_person_id: person.id }).where('id', '=', used.id).execute();
      // The invitee acts on themselves, signed in nowhere yet: they are the actor of the audit row.
      writeAudit({ ...tx, viewer: { personId: person.id } }, 'partner.acceptInvitation', 'PartnerInvitation', used.id, { personId: person.id, role: used.role });
      await tx.em.flush();
      return { email: used.email };
    });
  } catch (error) {
    // Someone took the address (or the NIDN) after the invitation was sent.
    if (isUniqueViolation(error, 'person_email_unique')) throw new AppError('DUPLICATE_EMAIL', {}, 'email');
    if (isUniqueViolation(error, 'person_nidn_unique')) throw new AppError('DUPLICATE_NIDN', {}, 'nidn');
    throw error;
  }
}

const words = {
  id: {
    subject: (partner: string) => `Undangan bergabung di Lentera sebagai staf ${partner}`,
    greeting: (name: string) => `Yth. ${name},`,
    invited: (partner: string, role: Role) => role === Role.PARTNER_ADMIN
      ? `Anda diundang menjadi admin ${partner} di Lentera, platform pengembangan kompetensi ASN.`
      : `Anda diundang menjadi pengajar ${partner} di Lentera, platform pengembangan kompetensi ASN.`,
    action: 'Terima undangan dan atur kata sandi',
    expires: (days: number) => `Tautan ini berlaku ${days} hari dan hanya dapat dipakai sekali. Anda masuk dengan alamat e-mail ini.`,
    notYou: 'Jika Anda tidak mengenal pengundang, abaikan e-mail ini.',
  },
  en: {
    subject: (partner: string) => `Invitation to join Lentera as staff of ${partner}`,
    greeting: (name: string) => `Dear ${name},`,
    invited: (partner: string, role: Role) => role === Role.PARTNER_ADMIN
      ? `You are invited to be an admin of ${partner} on Lentera, the civil service learning platform.`
      : `You are invited to teach for ${partner} on Lentera, the civil service learning platform.`,
    action: 'Accept the invitation and set a password',
    expires: (days: number) => `This link works for ${days} days and only once. You sign in with this e-mail address.`,
    notYou: 'If you do not know who invited you, ignore this e-mail.',
  },
} satisfies Record<Locale, unknown>;

/**
 * Runs in the mail job: makes the link's token and stores its hash, only while the invitation is open and still of
 * the generation the job was enqueued for (a resend enqueues a newer one: an older mail, retried late, sends
 * nothing and cannot replace the newer token). Written in the inviter's language.
 */
export const composePartnerInvitationMail: MailComposer<'partner-invitation'> = async (ctx, request, links) => {
  const token = randomBytes(32).toString('base64url');
  const row = await db(ctx).updateTable('partner_invitation as i')
    .from('partner_institution as pi')
    .set({ token_hash: hashToken(token) })
    .whereRef('pi.id', '=', 'i.partner_id')
    .where('i.id', '=', request.invitationId).where('i.generation', '=', request.generation)
    .where('i.accepted_at', 'is', null).where('i.revoked_at', 'is', null).where('i.expires_at', '>', sql<Date>`now()`)
    .returning(['i.email', 'i.full_name', 'i.role', 'pi.name as partner_name'])
    .executeTakeFirst();
  if (!row) return null;
  const locale: Locale = request.locale === 'en' ? 'en' : 'id';
  const w = words[locale];
  return layout(row.email, locale, {
    subject: w.subject(row.partner_name),
    greeting: w.greeting(row.full_name),
    paragraphs: [w.invited(row.partner_name, row.role)],
    action: { label: w.action, url: `${links.publicUrl}${INVITATION_PAGE_PATH}#token=${token}` },
    after: [w.expires(INVITATION_DAYS), w.notYou],
  });
};

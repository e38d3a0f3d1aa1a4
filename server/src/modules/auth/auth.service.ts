import { sql } from 'kysely';
import { AppError } from '../../shared/errors.js';
import type { Context, SignedInContext, SignedInOperationContext } from '../../app/context.js';
import { db, inTransaction } from '../../shared/db/kysely.js';
import { writeAudit } from '../audit/index.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { normalizeNip, Person } from '../person/index.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password.js';
import { Session } from './session.entity.js';
import { clearSessionCookie, newSessionToken, SESSION_COOKIE, setSessionCookie } from './session-cookie.js';
import { accountKey, addressKey, takeAttempt } from './sign-in-limits.js';
import { loadViewer } from './viewer-loader.js';
import type { Me } from './auth.types.js';

/**
 * NIPs arrive as typed or pasted: "19850312 201001 1 003", "19850312.201001.1.003" or
 * "19850312-201001-1-003" (any dash a phone keyboard or a word processor makes) all mean the digits.
 */
function normalizeLogin(login: string): { identifier: string; byNip: boolean } {
  const trimmed = login.trim();
  const nip = normalizeNip(trimmed);
  if (/^\d+$/.test(nip)) return { identifier: nip, byNip: true };
  return { identifier: trimmed.toLowerCase(), byNip: false };
}

export async function signIn(ctx: Context, login: string, password: string): Promise<Viewer> {
  const em = ctx.em;
  const { identifier, byNip } = normalizeLogin(login);
  const person = await em.findOne(Person, byNip ? { nip: identifier } : { email: identifier }, { populate: ['passwordHash'] });
  // Counted before the password is looked at: a burst of parallel guesses gets no more than the limit checked.
  const attempt = await takeAttempt(ctx, accountKey(person?.id ?? null, identifier), addressKey(ctx.req.ip));
  const ok = person?.passwordHash
    ? await verifyPassword(person.passwordHash, password)
    : (await verifyPassword(await dummyPasswordHash(), password), false);
  if (!person || !ok) throw new AppError('INVALID_CREDENTIALS');
  await attempt.refund();
  if (!person.active) throw new AppError('PERSON_INACTIVE');

  const { token, tokenHash } = newSessionToken();
  const expiresAt = new Date(Date.now() + ctx.config.sessionDays * 86_400_000);
  await em.transactional(async (tx) => {
    // Rotation: the session the browser had before (if any) ends; a fresh id is issued.
    if (ctx.sessionTokenHash) await tx.nativeDelete(Session, { tokenHash: ctx.sessionTokenHash });
    const session = new Session(tokenHash, tx.getReference(Person, person.id), expiresAt);
    session.userAgent = ctx.req.get('user-agent')?.slice(0, 300) ?? null;
    tx.persist(session);
  });
  setSessionCookie(ctx.res, ctx.config, token, expiresAt);
  const viewer = await loadViewer(em, tokenHash);
  ctx.viewer = viewer;
  ctx.sessionTokenHash = tokenHash;
  return viewer!;
}

/**
 * The signed-in person sets a new password. The current one is required and guessed at under the
 * same limits as sign-in (same account counter); every other session of theirs ends, this one stays.
 */
export async function changeMyPassword(ctx: SignedInContext, currentPassword: string, newPassword: string): Promise<void> {
  const { viewer } = ctx;
  const row = await db(ctx).selectFrom('person').select('password_hash').where('id', '=', viewer.personId).executeTakeFirst();
  const attempt = await takeAttempt(ctx, accountKey(viewer.personId, ''), addressKey(ctx.req.ip));
  const ok = row?.password_hash ? await verifyPassword(row.password_hash, currentPassword) : false;
  if (!ok) throw new AppError('WRONG_CURRENT_PASSWORD', {}, 'currentPassword');
  await attempt.refund();
  if (newPassword === currentPassword) throw new AppError('PASSWORD_UNCHANGED', {}, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  await inTransaction(ctx, async (tx) => {
    await db(tx).updateTable('person').set({ password_hash: passwordHash, updated_at: sql<Date>`now()` }).where('id', '=', viewer.personId).execute();
    // Whoever else holds a session (a leaked password, a forgotten shared computer) is signed out.
    const ended = await db(tx).deleteFrom('session')
      .where('person_id', '=', viewer.personId).where('token_hash', 'is distinct from', ctx.sessionTokenHash)
      .executeTakeFirst();
    writeAudit(tx, 'auth.changePassword', 'Person', viewer.personId, { otherSessionsEnded: Number(ended.numDeletedRows) });
    await tx.em.flush();
  });
}

/**
 * The request carries a session cookie that opens no session: it expired, was signed out elsewhere,
 * ended by a password change or reset, or its person was deactivated. The cookie outlives the session
 * (see session-cookie.ts), so an expired session is told apart from never having signed in.
 */
export function sessionEnded(ctx: Context): boolean {
  const token: unknown = ctx.req.cookies?.[SESSION_COOKIE];
  return !ctx.viewer && typeof token === 'string' && token.length > 0;
}

export async function signOut(ctx: Context): Promise<void> {
  if (ctx.sessionTokenHash) await ctx.em.nativeDelete(Session, { tokenHash: ctx.sessionTokenHash });
  clearSessionCookie(ctx.res, ctx.config);
  ctx.viewer = null;
  ctx.sessionTokenHash = null;
}

/** The signed-in person with the names of their agency, unit, partner and supervisor: one statement. */
export async function me(ctx: SignedInOperationContext): Promise<Me> {
  const { viewer } = ctx;
  const row = await db(ctx).selectFrom('person as p')
    .leftJoin('agency as a', 'a.id', 'p.agency_id')
    .leftJoin('org_unit as u', 'u.id', 'p.org_unit_id')
    .leftJoin('partner_institution as pi', 'pi.id', 'p.partner_id')
    .leftJoin('person as s', 's.id', 'p.supervisor_id')
    .select([
      'p.id', 'p.full_name', 'p.nip', 'p.email', 'p.agency_id', 'a.name as agency_name', 'u.name as org_unit_name',
      'p.partner_id', 'pi.name as partner_name', 's.full_name as supervisor_name', 'p.position_title', 'p.locale', 'p.time_zone',
    ])
    .where('p.id', '=', viewer.personId)
    .executeTakeFirstOrThrow();
  return {
    id: row.id, fullName: row.full_name, nip: row.nip, email: row.email, roles: viewer.roles,
    agencyId: row.agency_id, agencyName: row.agency_name, orgUnitName: row.org_unit_name,
    partnerId: row.partner_id, partnerName: row.partner_name, supervisorName: row.supervisor_name,
    positionTitle: row.position_title, adminAgencyIds: viewer.isPlatformAdmin ? [] : viewer.adminAgencyIds,
    locale: row.locale, timeZone: row.time_zone,
  };
}

export async function setLocale(ctx: SignedInOperationContext, locale: 'id' | 'en'): Promise<void> {
  await ctx.em.nativeUpdate(Person, { id: ctx.viewer.personId }, { locale });
}

/** The zone the viewer reads times in (one of WIB, WITA, WIT; the input is validated, the column checked). */
export async function setTimeZone(ctx: SignedInOperationContext, timeZone: string): Promise<void> {
  await ctx.em.nativeUpdate(Person, { id: ctx.viewer.personId }, { timeZone });
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../shared/errors.js';
import type { Context } from '../../app/context.js';
import type { Viewer } from '../../shared/auth/viewer.js';
import { Person } from '../person/person.entity.js';
import { normalizeNip } from '../person/nip.js';
import { dummyPasswordHash, verifyPassword } from './password.js';
import { LoginThrottle, Session } from './session.entity.js';
import { clearSessionCookie, newSessionToken, setSessionCookie } from './session-cookie.js';
import { loadViewer } from './viewer-loader.js';
import type { Me } from './auth.types.js';

/** After this many failures in a row an identifier is locked for LOCK_MINUTES. */
export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

function normalizeLogin(login: string): { identifier: string; byNip: boolean } {
  const trimmed = login.trim();
  const nip = normalizeNip(trimmed);
  if (/^\d+$/.test(nip)) return { identifier: nip, byNip: true };
  return { identifier: trimmed.toLowerCase(), byNip: false };
}

async function recordFailure(em: EntityManager, identifier: string): Promise<void> {
  // One statement, so parallel guesses cannot lose a count.
  await em.getConnection().execute(
    `insert into login_throttle (identifier, failures, last_failure_at) values (?, 1, now())
     on conflict (identifier) do update set
       failures = case when login_throttle.failures + 1 >= ? then 0 else login_throttle.failures + 1 end,
       locked_until = case when login_throttle.failures + 1 >= ? then now() + make_interval(mins => ?) else login_throttle.locked_until end,
       last_failure_at = now()`,
    [identifier, MAX_FAILURES, MAX_FAILURES, LOCK_MINUTES],
  );
}

export async function signIn(ctx: Context, login: string, password: string): Promise<Viewer> {
  const em = ctx.em;
  const { identifier, byNip } = normalizeLogin(login);
  const throttle = await em.findOne(LoginThrottle, { identifier });
  if (throttle?.lockedUntil && throttle.lockedUntil > new Date()) {
    const minutes = Math.ceil((throttle.lockedUntil.getTime() - Date.now()) / 60_000);
    throw new AppError('ACCOUNT_LOCKED', { minutes });
  }
  const person = await em.findOne(Person, byNip ? { nip: identifier } : { email: identifier }, { populate: ['passwordHash'] });
  const ok = person?.passwordHash
    ? await verifyPassword(person.passwordHash, password)
    : (await verifyPassword(await dummyPasswordHash(), password), false);
  if (!person || !ok) {
    await recordFailure(em, identifier);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (!person.active) throw new AppError('PERSON_INACTIVE');

  const { token, tokenHash } = newSessionToken();
  const expiresAt = new Date(Date.now() + ctx.config.sessionDays * 86_400_000);
  await em.transactional(async (tx) => {
    await tx.nativeDelete(LoginThrottle, { identifier });
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

export async function signOut(ctx: Context): Promise<void> {
  if (ctx.sessionTokenHash) await ctx.em.nativeDelete(Session, { tokenHash: ctx.sessionTokenHash });
  clearSessionCookie(ctx.res, ctx.config);
  ctx.viewer = null;
  ctx.sessionTokenHash = null;
}

/** Ends every session of the viewer (e.g. "sign out on all devices"). */
export async function signOutEverywhere(ctx: Context & { viewer: Viewer }): Promise<number> {
  const count = await ctx.em.nativeDelete(Session, { person: ctx.viewer.personId });
  clearSessionCookie(ctx.res, ctx.config);
  return count;
}

interface MeRow {
  id: string; full_name: string; nip: string | null; email: string | null; agency_id: string | null; agency_name: string | null;
  org_unit_name: string | null; partner_id: string | null; partner_name: string | null; supervisor_name: string | null;
  position_title: string | null; locale: string; time_zone: string;
}

export async function me(em: EntityManager, viewer: Viewer): Promise<Me> {
  const [row] = await em.getConnection().execute<MeRow[]>(
    `select p.id, p.full_name, p.nip, p.email, p.agency_id, a.name as agency_name, u.name as org_unit_name,
            p.partner_id, pi.name as partner_name, s.full_name as supervisor_name, p.position_title, p.locale, p.time_zone
       from person p
       left join agency a on a.id = p.agency_id
       left join org_unit u on u.id = p.org_unit_id
       left join partner_institution pi on pi.id = p.partner_id
       left join person s on s.id = p.supervisor_id
      where p.id = ?`,
    [viewer.personId],
  );
  return {
    id: row.id, fullName: row.full_name, nip: row.nip, email: row.email, roles: viewer.roles,
    agencyId: row.agency_id, agencyName: row.agency_name, orgUnitName: row.org_unit_name,
    partnerId: row.partner_id, partnerName: row.partner_name, supervisorName: row.supervisor_name,
    positionTitle: row.position_title, adminAgencyIds: viewer.isPlatformAdmin ? [] : viewer.adminAgencyIds,
    locale: row.locale, timeZone: row.time_zone,
  };
}

export async function setLocale(em: EntityManager, viewer: Viewer, locale: 'id' | 'en'): Promise<void> {
  await em.nativeUpdate(Person, { id: viewer.personId }, { locale });
}

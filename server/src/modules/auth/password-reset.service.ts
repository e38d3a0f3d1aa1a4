import type { Context, OperationContext } from '../../app/context.js';
import { sql } from 'kysely';
import { db, inTransaction } from '../../shared/db/kysely.js';
import { AppError } from '../../shared/errors.js';
import type { Locale } from '../../shared/i18n/messages.js';
import { writeAudit } from '../audit/index.js';
import { enqueueMail, layout, type MailComposer } from '../mail/index.js';
import { hashPassword } from './password.js';
import { takeResetRequest } from './password-reset-limits.js';
import { hashToken, newSessionToken } from './session-cookie.js';
import { addressKey, liftAccountLimit } from './sign-in-limits.js';

/** The client's page that reads the token from the link's fragment (never sent to servers or in Referer). */
const RESET_PAGE_PATH = '/atur-ulang-kata-sandi';

/**
 * Asks for a reset link. The answer is the same whether or not anyone has this address, and so is the work
 * done for it: the allowance is taken and a mail job is enqueued either way; whether a person has the
 * address is found out by the job, outside the request, where nobody can time it.
 */
export async function requestPasswordReset(ctx: Context, email: string): Promise<void> {
  const normalized = email.trim().toLowerCase();
  await takeResetRequest(ctx.em, ctx.config.passwordReset, normalized, addressKey(ctx.req.ip));
  await ctx.em.transactional(async (tx) => {
    await enqueueMail(tx, { kind: 'password-reset', email: normalized });
  });
}

/**
 * Sets a new password with a link's token: once, before it expires. Every session of the person ends (whoever
 * knew the old password is out), their other links stop working and their sign-in limit is lifted.
 */
export async function resetPassword(ctx: OperationContext, token: string, newPassword: string): Promise<void> {
  const tokenHash = hashToken(token);
  // Checked before hashing the password: a made-up token costs no argon2 run.
  const valid = await db(ctx).selectFrom('password_reset').select('person_id')
    .where('token_hash', '=', tokenHash).where('used_at', 'is', null).where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  if (!valid) throw new AppError('RESET_LINK_INVALID');
  const passwordHash = await hashPassword(newPassword);
  await inTransaction(ctx, async (tx) => {
    const q = db(tx);
    // The conditional update is what makes the link single-use when two tabs submit at once.
    const used = await q.updateTable('password_reset').set({ used_at: sql<Date>`now()` })
      .where('token_hash', '=', tokenHash).where('used_at', 'is', null).where('expires_at', '>', sql<Date>`now()`)
      .returning('person_id').executeTakeFirst();
    if (!used) throw new AppError('RESET_LINK_INVALID');
    const personId = used.person_id;
    const person = await q.selectFrom('person').select('active').where('id', '=', personId).forUpdate().executeTakeFirst();
    if (!person?.active) throw new AppError('PERSON_INACTIVE');
    await q.updateTable('person').set({ password_hash: passwordHash, updated_at: sql<Date>`now()` }).where('id', '=', personId).execute();
    const ended = await q.deleteFrom('session').where('person_id', '=', personId).executeTakeFirst();
    await q.deleteFrom('password_reset').where('person_id', '=', personId).where('token_hash', '<>', tokenHash).execute();
    await liftAccountLimit(tx, personId);
    // The person acts on themselves, signed out: they are the actor of the audit row.
    writeAudit({ em: tx.em, viewer: { personId } }, 'auth.resetPassword', 'Person', personId, { sessionsEnded: Number(ended.numDeletedRows) });
    await tx.em.flush();
  });
}

const words = {
  id: {
    subject: 'Atur ulang kata sandi Lentera',
    greeting: (name: string) => `Yth. ${name},`,
    asked: 'Kami menerima permintaan untuk mengatur ulang kata sandi akun Lentera Anda.',
    action: 'Atur kata sandi baru',
    expires: (minutes: number) => `Tautan ini berlaku ${minutes} menit dan hanya dapat dipakai sekali.`,
    notYou: 'Jika Anda tidak memintanya, abaikan e-mail ini: kata sandi Anda tidak berubah.',
  },
  en: {
    subject: 'Reset your Lentera password',
    greeting: (name: string) => `Dear ${name},`,
    asked: 'We received a request to reset the password of your Lentera account.',
    action: 'Set a new password',
    expires: (minutes: number) => `This link works for ${minutes} minutes and only once.`,
    notYou: 'If you did not ask for it, ignore this e-mail: your password has not changed.',
  },
} satisfies Record<Locale, unknown>;

/**
 * Runs in the mail job: finds the active person with this address (none: no mail, and the asker never
 * learns it), makes the link's token, stores its hash and writes the mail in the person's language.
 * A retry after a failed send makes a new token; an unsent one expires unused.
 */
export const composePasswordResetMail: MailComposer<'password-reset'> = async (ctx, request, links) => {
  const person = await db(ctx).selectFrom('person').select(['id', 'full_name', 'email', 'locale'])
    .where('email', '=', request.email).where('active', '=', true)
    .executeTakeFirst();
  if (!person?.email) return null;
  const minutes = ctx.config.passwordReset.linkMinutes;
  const { token, tokenHash } = newSessionToken();
  await db(ctx).insertInto('password_reset')
    .values({ token_hash: tokenHash, person_id: person.id, created_at: sql<Date>`now()`, expires_at: sql<Date>`now() + make_interval(mins => ${minutes})` })
    .execute();
  const locale: Locale = person.locale === 'en' ? 'en' : 'id';
  const w = words[locale];
  return layout(person.email, locale, {
    subject: w.subject,
    greeting: w.greeting(person.full_name),
    paragraphs: [w.asked],
    action: { label: w.action, url: `${links.publicUrl}${RESET_PAGE_PATH}#token=${token}` },
    after: [w.expires(minutes), w.notYou],
  });
};

/**
 * The scheduled clean-up: sessions past their expiry, sign-in and reset-request counters whose window has
 * passed, and reset links expired or used more than a day ago.
 */
export async function purgeExpiredAuthRows(ctx: OperationContext): Promise<{ sessions: number; limits: number; resets: number }> {
  const q = db(ctx);
  const sessions = await q.deleteFrom('session').where('expires_at', '<', sql<Date>`now()`).executeTakeFirst();
  const limits = await q.deleteFrom('sign_in_limit')
    .where('expire', 'is not', null).where(sql<boolean>`expire < (extract(epoch from now()) * 1000)::bigint`)
    .executeTakeFirst();
  const dayAgo = sql<Date>`now() - interval '1 day'`;
  const resets = await q.deleteFrom('password_reset')
    .where((eb) => eb.or([eb('expires_at', '<', dayAgo), eb('used_at', '<', dayAgo)]))
    .executeTakeFirst();
  return { sessions: Number(sessions.numDeletedRows), limits: Number(limits.numDeletedRows), resets: Number(resets.numDeletedRows) };
}

import type { Context, OperationContext } from '../../app/context.js';
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
  const [valid] = await ctx.em.execute<{ person_id: string }[]>(
    `select person_id from password_reset where token_hash = ? and used_at is null and expires_at > now()`, [tokenHash]);
  if (!valid) throw new AppError('RESET_LINK_INVALID');
  const passwordHash = await hashPassword(newPassword);
  await ctx.em.transactional(async (tx) => {
    // The conditional update is what makes the link single-use when two tabs submit at once.
    const [used] = await tx.execute<{ person_id: string }[]>(
      `update password_reset set used_at = now() where token_hash = ? and used_at is null and expires_at > now() returning person_id`, [tokenHash]);
    if (!used) throw new AppError('RESET_LINK_INVALID');
    const personId = used.person_id;
    const [person] = await tx.execute<{ active: boolean }[]>(`select active from person where id = ? for update`, [personId]);
    if (!person?.active) throw new AppError('PERSON_INACTIVE');
    await tx.execute(`update person set password_hash = ?, updated_at = now() where id = ?`, [passwordHash, personId]);
    const ended = await tx.execute<unknown[]>(`delete from session where person_id = ? returning 1`, [personId]);
    await tx.execute(`delete from password_reset where person_id = ? and token_hash <> ?`, [personId, tokenHash]);
    await liftAccountLimit({ em: tx }, personId);
    // The person acts on themselves, signed out: they are the actor of the audit row.
    writeAudit({ em: tx, viewer: { personId } }, 'auth.resetPassword', 'Person', personId, { sessionsEnded: ended.length });
    await tx.flush();
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
  const [person] = await ctx.em.execute<{ id: string; full_name: string; email: string; locale: string }[]>(
    `select id, full_name, email, locale from person where email = ? and active`, [request.email]);
  if (!person) return null;
  const minutes = ctx.config.passwordReset.linkMinutes;
  const { token, tokenHash } = newSessionToken();
  await ctx.em.execute(
    `insert into password_reset (token_hash, person_id, expires_at) values (?, ?, now() + make_interval(mins => ?))`, [tokenHash, person.id, minutes]);
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
  const sessions = await ctx.em.execute<unknown[]>(`delete from session where expires_at < now() returning 1`);
  const limits = await ctx.em.execute<unknown[]>(
    `delete from sign_in_limit where expire is not null and expire < (extract(epoch from now()) * 1000)::bigint returning 1`);
  const resets = await ctx.em.execute<unknown[]>(
    `delete from password_reset where expires_at < now() - interval '1 day' or used_at < now() - interval '1 day' returning 1`);
  return { sessions: sessions.length, limits: limits.length, resets: resets.length };
}

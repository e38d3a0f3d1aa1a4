import type { EntityManager } from '@mikro-orm/postgresql';
import { setTimeout as sleep } from 'node:timers/promises';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Context } from '../../app/context.js';
import { db } from '../../shared/db/kysely.js';
import { AppError } from '../../shared/errors.js';
import { addressKey } from '../auth/index.js';
import { maskNip } from '../person/index.js';
import { certificateColumns, toCertificate } from './certificate.sql.js';
import type { CertificateVerification } from './verify-page.types.js';

/** Look-ups per client address per window: a promotion board checks a stack of certificates, a guesser far more. */
export const VERIFICATIONS_PER_ADDRESS = 120;
const WINDOW_SECONDS = 10 * 60;
/**
 * Every answer takes at least this long, found or not: a revoked certificate's answer (a row to shape) and an
 * unknown code's (none) cannot be told apart by their timing. Far above the one statement's cost, far below what a
 * person notices on a phone.
 */
export const MIN_ANSWER_MS = 120;
/** Codes are 24 base64url characters (issue.service.ts); anything else is looked up as no code at all. */
const CODE = /^[A-Za-z0-9_-]{16,40}$/;

const limiters = new WeakMap<object, RateLimiterPostgres>();

async function limiterFor(em: EntityManager): Promise<RateLimiterPostgres> {
  const connection = em.getConnection();
  let limiter = limiters.get(connection);
  if (!limiter) {
    // The sign-in limits' table (rate-limiter-flexible's store, from a migration), under a prefix of its own.
    limiter = new RateLimiterPostgres({
      storeClient: await connection.getNativeClient(), storeType: 'pool', tableName: 'sign_in_limit', tableCreated: true,
      keyPrefix: 'verify', points: VERIFICATIONS_PER_ADDRESS, duration: WINDOW_SECONDS, clearExpiredByTimeout: false,
    });
    limiters.set(connection, limiter);
  }
  return limiter;
}

/** Counts one look-up for the client address before anything is read; over the limit: VERIFICATION_TOO_MANY_REQUESTS. */
async function takeLookup(ctx: Context): Promise<void> {
  try {
    await (await limiterFor(ctx.em)).consume(addressKey(ctx.req.ip));
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    throw new AppError('VERIFICATION_TOO_MANY_REQUESTS', { minutes: Math.max(1, Math.ceil(error.msBeforeNext / 60_000)) });
  }
}

/**
 * The public verification page's answer for a code (no sign-in): the certificate's facts as issued with the NIP
 * masked, its status, the revocation's date and reason, and the successor's code when superseded; null for an
 * unknown code. Whatever the code, the same one statement runs (a malformed code looks up the empty string) and the
 * answer is held to MIN_ANSWER_MS, so timing tells no one whether a code exists.
 */
export async function verifyCertificate(ctx: Context, code: string): Promise<CertificateVerification | null> {
  await takeLookup(ctx);
  const started = performance.now();
  try {
    const row = await db(ctx).selectFrom('certificate as c')
      .leftJoin('certificate as s', 's.supersedes_id', 'c.id')
      .select(certificateColumns).select('s.verification_code as superseded_by_code')
      .where('c.verification_code', '=', CODE.test(code) ? code : '')
      .executeTakeFirst();
    if (!row) return null;
    const c = toCertificate(row);
    return {
      status: c.status, serial: c.serial, recipientName: c.recipientName, recipientNipMasked: c.recipientNip ? maskNip(c.recipientNip) : null,
      title: c.title, form: c.form, jp: c.jp, competencies: c.competencies, startsOn: c.startsOn, endsOn: c.endsOn, completedAt: c.completedAt,
      issuedAt: c.issuedAt, agencyName: c.agencyName, partnerName: c.partnerName, signers: c.signers, revokedAt: c.revokedAt,
      revokedReason: c.revokedReason, supersededByCode: row.superseded_by_code,
    };
  } finally {
    const left = MIN_ANSWER_MS - (performance.now() - started);
    if (left > 0) await sleep(left);
  }
}

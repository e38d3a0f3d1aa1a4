import type { EntityManager } from '@mikro-orm/postgresql';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { PasswordResetSettings } from '../../shared/config/config.js';
import { AppError } from '../../shared/errors.js';

/**
 * How often reset mails may be asked for: per typed e-mail address (whether or not anyone has it, so the
 * refusal says nothing about the address) and per client address. Same store and table as the sign-in
 * limits (sign-in-limits.ts), under prefixes of their own.
 */
const limiters = new WeakMap<object, { email: RateLimiterPostgres; address: RateLimiterPostgres }>();

async function limitersFor(em: EntityManager, settings: PasswordResetSettings) {
  const connection = em.getConnection();
  let found = limiters.get(connection);
  if (!found) {
    const storeClient = await connection.getNativeClient();
    const common = { storeClient, storeType: 'pool', tableName: 'sign_in_limit', tableCreated: true, duration: settings.windowMinutes * 60, clearExpiredByTimeout: false } as const;
    found = {
      email: new RateLimiterPostgres({ ...common, keyPrefix: 'reset-email', points: settings.perEmail }),
      address: new RateLimiterPostgres({ ...common, keyPrefix: 'reset-address', points: settings.perAddress }),
    };
    limiters.set(connection, found);
  }
  return found;
}

/** Takes one request from both allowances or refuses with TOO_MANY_RESET_REQUESTS (and when to try again). */
export async function takeResetRequest(em: EntityManager, settings: PasswordResetSettings, email: string, address: string): Promise<void> {
  const { email: byEmail, address: byAddress } = await limitersFor(em, settings);
  const taken = await Promise.allSettled([byEmail.consume(email), byAddress.consume(address)]);
  const failure = taken.find((t): t is PromiseRejectedResult => t.status === 'rejected' && !(t.reason instanceof RateLimiterRes));
  if (failure) throw failure.reason;
  const refused = taken.filter((t): t is PromiseRejectedResult => t.status === 'rejected').map((t) => t.reason as RateLimiterRes);
  if (refused.length > 0) {
    const waitMs = Math.max(...refused.map((r) => r.msBeforeNext));
    throw new AppError('TOO_MANY_RESET_REQUESTS', { minutes: Math.max(1, Math.ceil(waitMs / 60_000)), retryAfterSeconds: Math.ceil(waitMs / 1000) });
  }
}

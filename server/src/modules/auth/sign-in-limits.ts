import { isIPv4, isIPv6 } from 'node:net';
import type { EntityManager } from '@mikro-orm/postgresql';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { OperationContext } from '../../app/context.js';
import { db } from '../../shared/db/kysely.js';
import type { SignInLimits } from '../../shared/config/config.js';
import { AppError } from '../../shared/errors.js';

/**
 * How many password guesses are allowed, per account and per client address (password spraying:
 * one address trying one password on many NIPs). Counters are rate-limiter-flexible's PostgreSQL
 * store, so they are shared by every server instance, and each guess is counted by one atomic
 * upsert BEFORE the password is checked: of a burst of parallel guesses, only as many as the limit
 * are ever verified, the rest are refused unseen. Windows are fixed and decay: once a window has
 * passed, the count starts again, so nobody is locked out for ever.
 *
 * A guess that turns out right gives its point back, so signing in often (many people behind one
 * office address, or the same person on several devices) never counts; wrong guesses do.
 */
interface Limiters {
  account: RateLimiterPostgres;
  address: RateLimiterPostgres;
}

const TABLE = 'sign_in_limit';
const ACCOUNT_PREFIX = 'account';
const limiters = new WeakMap<object, Limiters>();

async function limitersFor(em: EntityManager, limits: SignInLimits): Promise<Limiters> {
  const connection = em.getConnection();
  let found = limiters.get(connection);
  if (!found) {
    // The ORM's own pg pool; the table comes from a migration, so the store must not create it.
    const storeClient = await connection.getNativeClient();
    const common = { storeClient, storeType: 'pool', tableName: TABLE, tableCreated: true } as const;
    found = {
      account: new RateLimiterPostgres({ ...common, keyPrefix: ACCOUNT_PREFIX, points: limits.perAccount, duration: limits.perAccountMinutes * 60 }),
      // One limiter sweeping expired rows (every prefix shares the table) is enough.
      address: new RateLimiterPostgres({ ...common, keyPrefix: 'address', points: limits.perAddress, duration: limits.perAddressMinutes * 60, clearExpiredByTimeout: false }),
    };
    limiters.set(connection, found);
  }
  return found;
}

/** The account a guess is against: the person when the login names one, else the login itself. */
export function accountKey(personId: string | null, identifier: string): string {
  return personId ? `person:${personId}` : `login:${identifier}`;
}

/**
 * The address a guess comes from (express's req.ip, which honours `trust proxy`). IPv6 clients
 * usually hold a whole /64, so they are counted per /64.
 */
export function addressKey(ip: string | undefined): string {
  const address = (ip ?? 'unknown').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (isIPv4(address) || !isIPv6(address)) return address;
  const [head = '', tail] = address.split('::');
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  const groups = tail === undefined ? front : [...front, ...Array<string>(8 - front.length - back.length).fill('0'), ...back];
  return `${groups.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

export interface Attempt {
  /** The guess was right: it does not count against either allowance. */
  refund(): Promise<void>;
}

/**
 * Takes one guess from the account's and the address's allowance, or refuses with
 * TOO_MANY_ATTEMPTS (saying when to try again) without the password being looked at.
 */
export async function takeAttempt(ctx: OperationContext, account: string, address: string): Promise<Attempt> {
  const { account: byAccount, address: byAddress } = await limitersFor(ctx.em, ctx.config.signInLimits);
  const taken = await Promise.allSettled([byAccount.consume(account), byAddress.consume(address)]);
  const failure = taken.find((t): t is PromiseRejectedResult => t.status === 'rejected' && !(t.reason instanceof RateLimiterRes));
  const refund = async () => {
    await Promise.all([
      taken[0].status === 'fulfilled' ? byAccount.reward(account) : null,
      taken[1].status === 'fulfilled' ? byAddress.reward(address) : null,
    ]);
  };
  if (failure) {
    await refund().catch(() => undefined);
    throw failure.reason;
  }
  const refused = taken.filter((t): t is PromiseRejectedResult => t.status === 'rejected').map((t) => t.reason as RateLimiterRes);
  if (refused.length > 0) {
    // A guess that was not checked must not use up the allowance it did get.
    await refund();
    const waitMs = Math.max(...refused.map((r) => r.msBeforeNext));
    const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
    throw new AppError('TOO_MANY_ATTEMPTS', { minutes, retryAfterSeconds: Math.ceil(waitMs / 1000) });
  }
  return { refund };
}

/** An admin's password reset lifts the account's limit (inside the caller's transaction). */
export async function liftAccountLimit(tx: { em: EntityManager }, personId: string): Promise<void> {
  await db(tx).deleteFrom(TABLE).where('key', '=', `${ACCOUNT_PREFIX}:${accountKey(personId, '')}`).execute();
}

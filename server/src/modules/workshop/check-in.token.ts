import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { db } from '../../shared/db/kysely.js';
import { isUuid } from '../../shared/util/ids.js';

/**
 * Check-in tokens and codes (ARCHITECTURE.md "Workshops"). Time is cut into 30-second windows (the Unix time
 * over 30). For a session and a window:
 * - the token is `<session id>.<window>.<MAC>`: HMAC-SHA256 over "<session id>.<window>" with a key for this
 *   purpose only, cut to 128 bits (base64url). Nothing is stored: the server recomputes the MAC, so a token cannot
 *   be made for another session or window without the key, and a changed character breaks it;
 * - the 6-digit code is HMAC-SHA256 with a second purpose key over the same text, truncated the HOTP way
 *   (RFC 4226: 31 bits at an offset the last nibble picks, modulo 10^6). It names no session: the server tries the
 *   sessions open now that the person holds a seat in, which is why guesses are limited per person.
 * Both keys are derived from the server secret (LENTERA_SECRET, else the database's `server_secret`), so a key
 * leaked from one purpose says nothing about the other or about the secret.
 */
export const WINDOW_SECONDS = 30;
/** Check-in opens this long before a session starts (people arrive early) and closes at its end. */
export const OPENS_BEFORE_MINUTES = 15;
/** Arriving more than this long after the start is LATE, with the minutes since the start. */
export const LATE_AFTER_MINUTES = 15;

export interface CheckInKeys {
  token: Buffer;
  code: Buffer;
}

export const windowAt = (ms: number): number => Math.floor(ms / 1000 / WINDOW_SECONDS);
/** When a window ends (the token and code shown in it are replaced then; still accepted one window more). */
export const windowEndsAt = (window: number): Date => new Date((window + 1) * WINDOW_SECONDS * 1000);

const mac = (key: Buffer, sessionId: string, window: number) => createHmac('sha256', key).update(`${sessionId}.${window}`).digest();

export function signToken(keys: CheckInKeys, sessionId: string, window: number): string {
  return `${sessionId}.${window}.${mac(keys.token, sessionId, window).subarray(0, 16).toString('base64url')}`;
}

/** The session and window a token names when its MAC is right; null for anything tampered or malformed. */
export function verifyToken(keys: CheckInKeys, token: string): { sessionId: string; window: number } | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return null;
  const [sessionId, windowText, given] = parts;
  if (!isUuid(sessionId) || !/^\d{1,12}$/.test(windowText) || !/^[A-Za-z0-9_-]{22}$/.test(given)) return null;
  const window = Number(windowText);
  const expected = mac(keys.token, sessionId.toLowerCase(), window).subarray(0, 16);
  const actual = Buffer.from(given, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  return { sessionId: sessionId.toLowerCase(), window };
}

export function codeFor(keys: CheckInKeys, sessionId: string, window: number): string {
  const h = mac(keys.code, sessionId, window);
  const offset = h[h.length - 1] & 0x0f;
  const value = h.readUInt32BE(offset) & 0x7fffffff;
  return String(value % 1_000_000).padStart(6, '0');
}

/** A purpose key: HMAC of the purpose's name under the server secret. */
export function deriveKeys(secret: string): CheckInKeys {
  const derive = (purpose: string) => createHmac('sha256', secret).update(`lentera:${purpose}:v1`).digest();
  return { token: derive('check-in-token'), code: derive('check-in-code') };
}

const SECRET_NAME = 'root';
const cached = new WeakMap<object, CheckInKeys>();

/**
 * The check-in keys of this server: from LENTERA_SECRET, or from the database's secret, made once by whichever
 * instance needs it first (insert … on conflict do nothing, then read what won).
 */
export async function checkInKeys(ctx: { em: EntityManager; config: { secret: string | undefined } }): Promise<CheckInKeys> {
  if (ctx.config.secret) return deriveKeys(ctx.config.secret);
  const connection = ctx.em.getConnection();
  const found = cached.get(connection);
  if (found) return found;
  await db(ctx).insertInto('server_secret').values({ name: SECRET_NAME, value: randomBytes(32).toString('base64url'), created_at: sql<Date>`now()` })
    .onConflict((oc) => oc.column('name').doNothing()).execute();
  const row = await db(ctx).selectFrom('server_secret').select('value').where('name', '=', SECRET_NAME).executeTakeFirstOrThrow();
  const keys = deriveKeys(row.value);
  cached.set(connection, keys);
  return keys;
}

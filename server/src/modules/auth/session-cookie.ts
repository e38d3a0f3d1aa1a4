import { createHash, randomBytes } from 'node:crypto';
import type { Response } from 'express';
import type { AppConfig } from '../../shared/config/config.js';

export const SESSION_COOKIE = 'lentera_session';

export function newSessionToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The browser keeps the cookie this long after its session expires (the token opens nothing by
 * then), so the server can tell "your session ended" from "you never signed in" (`sessionEnded`).
 */
const COOKIE_OUTLIVES_SESSION_MS = 30 * 86_400_000;

export function setSessionCookie(res: Response, config: AppConfig, token: string, expiresAt: Date): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    path: '/',
    expires: new Date(expiresAt.getTime() + COOKIE_OUTLIVES_SESSION_MS),
  });
}

export function clearSessionCookie(res: Response, config: AppConfig): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, path: '/' });
}

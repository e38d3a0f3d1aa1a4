import type { MikroORM } from '@mikro-orm/postgresql';
import type { NextFunction, Request, Response } from 'express';
import { createOperationContext, pickLocale } from '../../app/context.js';
import type { AppConfig } from '../../shared/config/config.js';
import { translate } from '../../shared/i18n/messages.js';
import { hashToken, SESSION_COOKIE } from './session-cookie.js';
import { loadViewer } from './viewer-loader.js';

/**
 * File routes beside GraphQL (agreement documents, workshop materials) answer errors in GraphQL's envelope, so the
 * client reads one shape: a stable code and the message in the reader's language. Never cached.
 */
export function failJson(req: Request, res: Response, status: number, code: string): void {
  if (res.headersSent) return;
  res.status(status).type('application/json').setHeader('Cache-Control', 'no-store');
  res.send(JSON.stringify({ errors: [{ message: translate(code, pickLocale(req.get('accept-language'))), extensions: { code } }] }));
}

/**
 * Express middleware for those routes: the session cookie's viewer becomes `res.locals.ctx` (an operation context
 * on a fresh EntityManager, as a GraphQL request gets); without a session the answer is 401 UNAUTHENTICATED.
 */
export async function withSignedInViewer(orm: MikroORM, config: AppConfig, req: Request, res: Response, next: NextFunction): Promise<void> {
  try {
    const em = orm.em.fork();
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    const viewer = typeof token === 'string' && token.length > 0 ? await loadViewer(em, hashToken(token)) : null;
    if (!viewer) return failJson(req, res, 401, 'UNAUTHENTICATED');
    const locale = pickLocale(req.get('accept-language'), viewer.locale);
    res.locals.ctx = createOperationContext({ em, viewer, locale, config });
    next();
  } catch (error) {
    next(error);
  }
}

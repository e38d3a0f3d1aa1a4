import type { MikroORM } from '@mikro-orm/postgresql';
import cookieParser from 'cookie-parser';
import { Router, type Request, type Response } from 'express';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { createOperationContext, pickLocale } from '../../app/context.js';
import type { AppConfig } from '../../shared/config/config.js';
import { AppError } from '../../shared/errors.js';
import { addressKey, hashToken, loadViewer, SESSION_COOKIE } from '../auth/index.js';
import { FEED_PATH, feedCalendar, runCalendar } from './calendar.service.js';

/** How many calendar downloads one client address may make per window (subscribed calendars poll every few hours). */
const DOWNLOADS_PER_ADDRESS = 120;
const WINDOW_SECONDS = 10 * 60;

/** The address links point to: LENTERA_PUBLIC_URL when set, else the address the request came to. */
export function publicBaseUrl(config: AppConfig, req?: Request): string {
  if (config.publicUrl) return config.publicUrl;
  return req ? `${req.protocol}://${req.get('host')}` : '';
}

const notFound = () => Object.assign(new Error('not found'), { status: 404 });

function sendCalendar(res: Response, ics: string, filename: string): void {
  res.status(200)
    .type('text/calendar; charset=utf-8')
    .setHeader('Cache-Control', 'private, no-store')
    .setHeader('Content-Disposition', `inline; filename="${filename}"`)
    .send(ics);
}

/**
 * Calendar files over plain GET (mounted by app/http-server.ts):
 * - `/kalender/<token>.ics`: a person's private feed. No cookie: calendar apps (Google fetches from its own
 *   servers) hold only the URL. An unknown or revoked token is 404, like any unknown address.
 * - `/kalender/angkatan/<runId>.ics`: one run for the signed-in viewer (session cookie), as the run page offers it.
 * Both count per client address in the sign-in limits' store (prefix `calendar`); over the limit → 429.
 */
export function calendarRouter(orm: MikroORM, config: AppConfig): Router {
  const router = Router();
  let limiter: RateLimiterPostgres | null = null;
  const limit = async (req: Request): Promise<boolean> => {
    limiter ??= new RateLimiterPostgres({
      storeClient: await orm.em.getConnection().getNativeClient(), storeType: 'pool', tableName: 'sign_in_limit', tableCreated: true,
      keyPrefix: 'calendar', points: DOWNLOADS_PER_ADDRESS, duration: WINDOW_SECONDS, clearExpiredByTimeout: false,
    });
    try {
      await limiter.consume(addressKey(req.ip));
      return true;
    } catch (error) {
      if (error instanceof RateLimiterRes) return false;
      throw error;
    }
  };
  const tooMany = (res: Response) => {
    res.status(429).setHeader('Retry-After', String(WINDOW_SECONDS)).type('text/plain').send('Too many requests');
  };

  router.get(`${FEED_PATH}/angkatan/:file`, cookieParser(), async (req, res, next) => {
    try {
      if (!(await limit(req))) return tooMany(res);
      const runId = /^(.+)\.ics$/.exec(String(req.params.file))?.[1];
      const token = (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
      const em = orm.em.fork();
      const viewer = runId && typeof token === 'string' && token ? await loadViewer(em, hashToken(token)) : null;
      if (!runId || !viewer) return next(notFound());
      const ctx = { ...createOperationContext({ em, viewer, locale: pickLocale(req.get('accept-language'), viewer.locale), config }), viewer };
      const { ics, filename } = await runCalendar(ctx, runId, publicBaseUrl(config, req));
      sendCalendar(res, ics, filename);
    } catch (error) {
      next(error instanceof AppError && error.code === 'NOT_FOUND' ? notFound() : error);
    }
  });

  router.get(`${FEED_PATH}/:file`, async (req, res, next) => {
    try {
      if (!(await limit(req))) return tooMany(res);
      const token = /^(.+)\.ics$/.exec(String(req.params.file))?.[1];
      const ctx = createOperationContext({ em: orm.em.fork(), viewer: null, locale: 'id', config });
      const ics = token ? await feedCalendar(ctx, token, publicBaseUrl(config, req)) : null;
      if (!ics) return next(notFound());
      sendCalendar(res, ics, 'lentera.ics');
    } catch (error) {
      next(error);
    }
  });
  return router;
}

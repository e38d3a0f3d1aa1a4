import type { MikroORM } from '@mikro-orm/postgresql';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { SignedInOperationContext } from '../../app/context.js';
import type { AppConfig } from '../../shared/config/config.js';
import { db, inTransaction } from '../../shared/db/kysely.js';
import { AppError } from '../../shared/errors.js';
import type { Locale } from '../../shared/i18n/messages.js';
import { isUuid } from '../../shared/util/ids.js';
import { writeAudit } from '../audit/index.js';
import { failJson, withSignedInViewer } from '../auth/index.js';
import { LearningExportFormat, LearningExportStatus } from './export.entity.js';
import { CONTENT_TYPES, EXTENSIONS } from './export.format.js';
import { countExportLines } from './export.sql.js';
import {
  fileName, resolveAgencyExport, resolvePersonExport, resolveTeamExport, writeExport, type ResolvedExport,
} from './export.service.js';

const FORMATS: Record<string, LearningExportFormat> = { csv: LearningExportFormat.CSV, xlsx: LearningExportFormat.XLSX };

/** `?year=2026` (optional) and `?lang=en` (optional; Bahasa Indonesia otherwise). */
function options(req: Request): { year: number | null; locale: Locale } | null {
  const raw = req.query.year;
  let year: number | null = null;
  if (raw !== undefined) {
    if (typeof raw !== 'string' || !/^\d{4}$/.test(raw) || Number(raw) < 2000 || Number(raw) > 2100) return null;
    year = Number(raw);
  }
  return { year, locale: req.query.lang === 'en' ? 'en' : 'id' };
}

const STATUS_OF: Record<string, number> = { NOT_FOUND: 404, FORBIDDEN: 403, EXPORT_TOO_LARGE: 409 };

/** An AppError as the API answers it (same code, HTTP status to match); anything else is the error handler's. */
function answerError(error: unknown, req: Request, res: Response, next: NextFunction): void {
  const code = error instanceof AppError ? error.code : null;
  if (code && STATUS_OF[code]) return failJson(req, res, STATUS_OF[code], code);
  if (res.headersSent) {
    // Part of the file is on its way: cut it short rather than hand out a truncated file as complete.
    res.destroy(error as Error);
    return;
  }
  next(error);
}

function attachment(res: Response, format: LearningExportFormat, name: string): void {
  res.setHeader('Content-Type', CONTENT_TYPES[format]);
  res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  // Personal data: never kept by a shared cache.
  res.setHeader('Cache-Control', 'private, no-store');
}

/**
 * Training-history exports over plain HTTP (the browser downloads them with its session cookie):
 *
 * - `GET /files/exports/people/:personId/:format` — a person's history, for whoever may see it (export.service).
 * - `GET /files/exports/team/:format` — a supervisor's direct reports.
 * - `GET /files/exports/agencies/:agencyId/:format` — an agency's, up to `exports.directLineLimit` lines
 *   (409 EXPORT_TOO_LARGE beyond: `requestAgencyLearningExport` queues those); audited.
 * - `GET /files/exports/:id` — a stored export, for its requester only (404 for anyone else, and once expired).
 *
 * `:format` is `csv` or `xlsx`; `?year=` filters, `?lang=en` writes English headers. Denials answer as the API
 * does: 404 NOT_FOUND for what the viewer may not see, 403 FORBIDDEN for a kind of export they may not make.
 */
export function exportFilesRouter(orm: MikroORM, config: AppConfig): Router {
  const router = express.Router();
  router.use('/files/exports', cookieParser(), (req, res, next) => {
    void withSignedInViewer(orm, config, req, res, next);
  });

  const stream = (resolve: (ctx: SignedInOperationContext, req: Request) => Promise<ResolvedExport & { audit?: string }>) =>
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        const ctx = res.locals.ctx as SignedInOperationContext;
        const format = FORMATS[String(req.params.format)];
        const opts = options(req);
        if (!format || !opts) return failJson(req, res, 400, 'BAD_REQUEST');
        const resolved = await resolve(ctx, req);
        if (resolved.audit) {
          const lineCount = await countExportLines(ctx.em, resolved.scope, opts.year);
          if (lineCount > config.exports.directLineLimit) throw new AppError('EXPORT_TOO_LARGE', { limit: config.exports.directLineLimit });
          await inTransaction(ctx, async (tx) => {
            writeAudit(tx, 'learningExport.download', 'Agency', resolved.audit!, { year: opts.year, format, lineCount });
            await tx.em.flush();
          });
        }
        attachment(res, format, fileName(resolved, opts.year, format));
        await writeExport(ctx, ctx.viewer, resolved.scope, opts.year, format, opts.locale, res);
      } catch (error) {
        answerError(error, req, res, next);
      }
    };

  router.get('/files/exports/people/:personId/:format', stream((ctx, req) => resolvePersonExport(ctx, String(req.params.personId))));
  router.get('/files/exports/team/:format', stream(async (ctx) => resolveTeamExport(ctx)));
  router.get('/files/exports/agencies/:agencyId/:format', stream(async (ctx, req) => {
    const agencyId = String(req.params.agencyId);
    return { ...(await resolveAgencyExport(ctx, agencyId)), audit: agencyId };
  }));

  router.get('/files/exports/:id', async (req, res, next) => {
    try {
      const ctx = res.locals.ctx as SignedInOperationContext;
      const id = String(req.params.id);
      const row = isUuid(id)
        ? await db(ctx).selectFrom('learning_export as x').innerJoin('agency as a', 'a.id', 'x.agency_id')
          .select(['x.requested_by_id', 'x.format', 'x.year', 'x.content', 'a.code'])
          .where('x.id', '=', id).where('x.status', '=', LearningExportStatus.READY).where('x.expires_at', '>', new Date())
          .executeTakeFirst()
        : undefined;
      if (!row?.content || row.requested_by_id !== ctx.viewer.personId) return failJson(req, res, 404, 'NOT_FOUND');
      const format = row.format;
      const base = `riwayat-diklat-${row.code.replace(/[^A-Za-z0-9._-]+/g, '-')}${row.year != null ? `-${row.year}` : ''}`;
      attachment(res, format, `${base}.${EXTENSIONS[format]}`);
      res.send(row.content);
    } catch (error) {
      next(error);
    }
  });
  return router;
}

import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { sql } from 'kysely';
import type { SignedInOperationContext } from '../../app/context.js';
import { Role } from '../../shared/auth/roles.js';
import type { AppConfig } from '../../shared/config/config.js';
import { db, inTransaction } from '../../shared/db/kysely.js';
import { isUuid } from '../../shared/util/ids.js';
import { failJson, withSignedInViewer } from '../auth/index.js';
import { MAX_EVIDENCE_BYTES } from './external-activity.entity.js';
import { seesActivity } from './external-activity.service.js';

const EXTENSION: Record<string, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

/** What the evidence is, by its first bytes (never by its name or the type the browser claims): PDF, PNG or JPEG. */
function evidenceType(body: Buffer): string | null {
  if (body.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (body.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (body.length > 3 && body[0] === 0xff && body[1] === 0xd8 && body[2] === 0xff) return 'image/jpeg';
  return null;
}

/** A file name safe for a Content-Disposition header. */
const safeName = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120);

/**
 * External activities' evidence over plain HTTP, beside GraphQL (mounted by http-server.ts), as agreement documents are:
 *
 * - `POST /files/external-activity-evidence?fileName=…`, the file as the raw body (any Content-Type but a form's) →
 *   201 `{ id, byteSize, contentType }`; the id then goes to `submitExternalActivity` as `evidenceId`. Learners only
 *   (403 otherwise). The size is refused from Content-Length before the body is read (413 EVIDENCE_TOO_LARGE, 5 MB);
 *   the type by the content: PDF, JPEG or PNG (415 EVIDENCE_TYPE_NOT_ALLOWED); nothing is written on a refusal.
 *   CSRF: the session cookie is SameSite=Lax, and the content types a cross-site form may send are refused.
 * - `GET /files/external-activities/:id/evidence` → the file, as an attachment, to the submitter, the admins of the
 *   agency it was submitted in and platform admins; 404 for everyone else, as the API answers NOT_FOUND.
 */
export function externalActivityFilesRouter(orm: MikroORM, config: AppConfig): Router {
  const router = express.Router();
  router.use(['/files/external-activity-evidence', '/files/external-activities'], cookieParser(), (req, res, next) => {
    void withSignedInViewer(orm, config, req, res, next);
  });

  router.post(
    '/files/external-activity-evidence',
    (req: Request, res: Response, next: NextFunction) => {
      const ctx = res.locals.ctx as SignedInOperationContext;
      if (!ctx.viewer.hasRole(Role.LEARNER)) return failJson(req, res, 403, 'FORBIDDEN');
      if (req.is('application/x-www-form-urlencoded') || req.is('multipart/form-data') || req.is('text/plain')) return failJson(req, res, 415, 'EVIDENCE_TYPE_NOT_ALLOWED');
      next();
    },
    express.raw({ type: () => true, limit: MAX_EVIDENCE_BYTES }),
    (error: unknown, req: Request, res: Response, next: NextFunction) => {
      const e = error as { type?: string; status?: number };
      if (e?.type === 'entity.too.large' || e?.status === 413) return failJson(req, res, 413, 'EVIDENCE_TOO_LARGE');
      next(error);
    },
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        const ctx = res.locals.ctx as SignedInOperationContext;
        const body = req.body as unknown;
        if (!Buffer.isBuffer(body) || body.length === 0) return failJson(req, res, 400, 'BAD_REQUEST');
        const contentType = evidenceType(body);
        if (!contentType) return failJson(req, res, 415, 'EVIDENCE_TYPE_NOT_ALLOWED');
        const given = typeof req.query.fileName === 'string' ? safeName(req.query.fileName) : '';
        const fileName = given || `bukti.${EXTENSION[contentType]}`;
        const sha256 = createHash('sha256').update(body).digest('hex');
        const id = await inTransaction(ctx, async (tx) => (await db(tx).insertInto('external_activity_evidence').values({
          id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`,
          content: body, content_type: contentType, file_name: fileName, byte_size: body.length, sha256, uploaded_by_id: tx.viewer.personId,
        }).returning('id').executeTakeFirstOrThrow()).id);
        res.status(201).setHeader('Cache-Control', 'no-store');
        res.json({ id, byteSize: body.length, contentType });
      } catch (error) {
        next(error);
      }
    },
  );

  router.get('/files/external-activities/:id/evidence', async (req, res, next) => {
    try {
      const ctx = res.locals.ctx as SignedInOperationContext;
      const id = String(req.params.id);
      const row = isUuid(id)
        ? await db(ctx).selectFrom('external_activity as x').innerJoin('external_activity_evidence as ev', 'ev.id', 'x.evidence_id')
          .select(['x.person_id', 'x.agency_id', 'ev.content', 'ev.content_type', 'ev.file_name', 'ev.sha256'])
          .where('x.id', '=', id).executeTakeFirst()
        : undefined;
      if (!row || !seesActivity(ctx.viewer, row)) return failJson(req, res, 404, 'NOT_FOUND');
      res.setHeader('Content-Type', row.content_type);
      res.setHeader('Content-Disposition', `attachment; filename="${safeName(row.file_name) || 'bukti'}"`);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      // A person's evidence: never kept by a shared cache.
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('ETag', `"${row.sha256}"`);
      res.send(row.content);
    } catch (error) {
      next(error);
    }
  });
  return router;
}

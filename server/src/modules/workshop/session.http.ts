import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { sql } from 'kysely';
import type { SignedInOperationContext } from '../../app/context.js';
import type { AppConfig } from '../../shared/config/config.js';
import { db, inTransaction } from '../../shared/db/kysely.js';
import { AppError } from '../../shared/errors.js';
import { isUuid } from '../../shared/util/ids.js';
import { writeAudit } from '../audit/index.js';
import { failJson, withSignedInViewer } from '../auth/index.js';
import { canManageCourse } from '../course/index.js';
import { seesOnlineLink } from '../enrolment/index.js';
import { MAX_MATERIAL_BYTES } from './session-material.entity.js';
import { assertMayAddMaterial } from './session.service.js';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Office files are zip archives named by their first folder; anything else zipped is refused. */
const OFFICE_PARTS: [string, string][] = [
  ['ppt/', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  ['word/', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['xl/', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
];

const EXTENSION: Record<string, string> = {
  'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

/**
 * What a file is, by its first bytes (never by its name or the type the browser claims): PDF, PNG, JPEG, or a
 * PowerPoint/Word/Excel file (a zip whose entries start with ppt/, word/ or xl/ and that has [Content_Types].xml).
 */
function materialType(body: Buffer): string | null {
  if (body.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (body.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (body.length > 3 && body[0] === 0xff && body[1] === 0xd8 && body[2] === 0xff) return 'image/jpeg';
  if (body.subarray(0, 4).equals(ZIP_MAGIC) && body.includes('[Content_Types].xml', 0, 'latin1')) {
    // Entry names are stored as they are (no compression of names): look for the first part's folder.
    for (const [folder, type] of OFFICE_PARTS) if (body.includes(folder, 0, 'latin1')) return type;
  }
  return null;
}


const STATUS_OF: Record<string, number> = { NOT_FOUND: 404, FORBIDDEN: 403, BAD_USER_INPUT: 400 };

/** A file name safe for a Content-Disposition header. */
const safeName = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120);

/**
 * Workshop materials over plain HTTP, beside GraphQL (mounted by http-server.ts), as agreement documents are:
 *
 * - `POST /files/runs/:runId/materials?title=…&fileName=…`, the file as the raw body (any Content-Type but a form's:
 *   `application/octet-stream` or the file's own type) → 201 `{ id, byteSize, contentType }`. The run's managers only
 *   (lockWorkshopRun's answers: 404/403, 409-ish codes as 422). The size is refused from Content-Length before the
 *   body is read (413 MATERIAL_TOO_LARGE, 20 MB); the type by the content (415 MATERIAL_TYPE_NOT_ALLOWED); nothing is
 *   written on a refusal. CSRF: as for agreement documents, the session cookie is SameSite=Lax and the form content
 *   types a cross-site page may send without a preflight are refused.
 * - `GET /files/run-materials/:id` → the file, as an attachment, to the run's seat holders and who runs it (its
 *   instructors, its course's managers); 404 for everyone else, as the API answers NOT_FOUND.
 */
export function sessionFilesRouter(orm: MikroORM, config: AppConfig): Router {
  const router = express.Router();
  router.use(['/files/runs', '/files/run-materials'], cookieParser(), (req, res, next) => {
    void withSignedInViewer(orm, config, req, res, next);
  });

  router.post(
    '/files/runs/:runId/materials',
    (req: Request, res: Response, next: NextFunction) => {
      if (req.is('application/x-www-form-urlencoded') || req.is('multipart/form-data') || req.is('text/plain')) return failJson(req, res, 415, 'MATERIAL_TYPE_NOT_ALLOWED');
      next();
    },
    express.raw({ type: () => true, limit: MAX_MATERIAL_BYTES }),
    (error: unknown, req: Request, res: Response, next: NextFunction) => {
      const e = error as { type?: string; status?: number };
      if (e?.type === 'entity.too.large' || e?.status === 413) return failJson(req, res, 413, 'MATERIAL_TOO_LARGE');
      next(error);
    },
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        const ctx = res.locals.ctx as SignedInOperationContext;
        const runId = String(req.params.runId);
        if (!isUuid(runId)) return failJson(req, res, 404, 'NOT_FOUND');
        const body = req.body as unknown;
        if (!Buffer.isBuffer(body) || body.length === 0) return failJson(req, res, 400, 'BAD_REQUEST');
        const contentType = materialType(body);
        if (!contentType) return failJson(req, res, 415, 'MATERIAL_TYPE_NOT_ALLOWED');
        const text = (value: unknown) => (typeof value === 'string' ? value : '');
        const fileName = safeName(text(req.query.fileName)) || `materi.${EXTENSION[contentType]}`;
        const title = text(req.query.title).trim().slice(0, 200) || fileName;
        const sha256 = createHash('sha256').update(body).digest('hex');
        const id = await inTransaction(ctx, async (tx) => {
          await assertMayAddMaterial(tx, runId);
          const row = await db(tx).insertInto('run_material').values({
            id: sql<string>`gen_random_uuid()`, created_at: sql<Date>`now()`, updated_at: sql<Date>`now()`, run_id: runId, title,
            content: body, content_type: contentType, file_name: fileName, byte_size: body.length, sha256, created_by_id: tx.viewer.personId,
          }).returning('id').executeTakeFirstOrThrow();
          writeAudit(tx, 'run_material.upload', 'RunMaterial', row.id, { runId, byteSize: body.length, sha256, contentType });
          return row.id;
        });
        res.status(201).setHeader('Cache-Control', 'no-store');
        res.json({ id, byteSize: body.length, contentType });
      } catch (error) {
        if (error instanceof AppError) return failJson(req, res, STATUS_OF[error.code] ?? 422, error.code);
        next(error);
      }
    },
  );

  router.get('/files/run-materials/:id', async (req, res, next) => {
    try {
      const ctx = res.locals.ctx as SignedInOperationContext;
      const id = String(req.params.id);
      const me = ctx.viewer.personId;
      const row = isUuid(id)
        ? await db(ctx).selectFrom('run_material as m')
          .innerJoin('course_run as r', 'r.id', 'm.run_id').innerJoin('course as c', 'c.id', 'r.course_id')
          .select(['m.content', 'm.content_type', 'm.file_name', 'm.sha256', 'c.owner_agency_id', 'c.owner_partner_id',
            sql<boolean>`exists (select 1 from course_run_instructor ri where ri.run_id = r.id and ri.person_id = ${me}::uuid)`.as('teaches'),
            (eb) => eb.selectFrom('enrolment as e').select('e.status').whereRef('e.run_id', '=', 'r.id').where('e.person_id', '=', me)
              .orderBy(sql`e.status in ('ACTIVE', 'COMPLETED', 'FAILED')`, 'desc').limit(1).as('status')])
          .where('m.id', '=', id).where('m.content', 'is not', null).executeTakeFirst()
        : undefined;
      const runsIt = !!row && (row.teaches || canManageCourse(ctx.viewer, row));
      if (!row || !seesOnlineLink(runsIt, row.status)) return failJson(req, res, 404, 'NOT_FOUND');
      res.setHeader('Content-Type', row.content_type ?? 'application/octet-stream');
      res.setHeader('Content-Disposition', `attachment; filename="${safeName(row.file_name ?? '') || 'materi'}"`);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      // For registrants only: never kept by a shared cache.
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('ETag', `"${row.sha256}"`);
      res.send(row.content);
    } catch (error) {
      next(error);
    }
  });
  return router;
}

